import { listRecords, planRemoveRecord, planSetRecord, type DnsPlan } from '../../core/dns/index.js';
import { displayDomain } from '../../core/idn.js';
import { ACTION_IDS } from '../ids.js';
import type { RecordTarget } from '../parse/command.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { recordBullets } from '../render/records.js';
import { proposeFromSlack } from './propose.js';
import { domainOfService } from './service-domain.js';
import type { CommandRequest, Reply } from './types.js';

/** Value of the "Remove all" button: the record set the person looked at. */
export interface RemoveAllValue {
  target: RecordTarget;
  type: string;
}

/**
 * Converts a target to what the DNS core takes: a full name, or a relative one with the zone the person
 * named. A service id in place of the name stands for the apex of that domain.
 */
async function nameAndZone(request: CommandRequest, target: RecordTarget): Promise<{ name: string; zone?: string }> {
  if (target.zone !== undefined && target.subdomain !== undefined) {
    const zone = SERVICE_ID.test(target.zone) ? await domainOfService(request.deps, target.zone) : target.zone;
    return { name: target.subdomain, zone };
  }
  return { name: SERVICE_ID.test(target.name) ? await domainOfService(request.deps, target.name) : target.name };
}

/** Service ids are numbers; a domain name always has a dot. */
const SERVICE_ID = /^\d{1,18}$/;

function shownName(plan: DnsPlan): string {
  return escapeSlackText(displayDomain(plan.name.fqdn));
}

async function proposePlan(request: CommandRequest, plan: DnsPlan, echo: string): Promise<Reply> {
  if (!plan.call) return { text: `${echo}\n${request.t.dns_noop()}` };
  return proposeFromSlack(request, { path: plan.call.path, input: plan.call.input, echo });
}

/** `dns add`: plans "make the zone contain this record"; an existing identical record sends nothing. */
export async function runDnsAdd(request: CommandRequest, target: RecordTarget, type: string, value: string, priority?: number): Promise<Reply> {
  const plan = await planSetRecord(request.deps.core, { ...(await nameAndZone(request, target)), type, value, priority });
  const echo = request.t.echo_dnsAdd({
    type: plan.type,
    name: shownName(plan),
    value: escapeSlackText(value),
    priority: plan.added[0]?.priority !== undefined ? String(plan.added[0].priority) : undefined,
  });
  return proposePlan(request, plan, echo);
}

/**
 * `dns rm`: with a value it removes exactly that value. Without one, REG.API would delete every record
 * of the name and type, so the reply lists them and asks for a button press before proposing anything.
 */
export async function runDnsRemove(request: CommandRequest, target: RecordTarget, type: string, value: string | undefined): Promise<Reply> {
  const { t, deps } = request;
  if (value !== undefined) {
    const plan = await planRemoveRecord(deps.core, { ...(await nameAndZone(request, target)), type, value });
    const echo = t.echo_dnsRemove({ type: plan.type, name: shownName(plan), value: escapeSlackText(value) });
    if (!plan.call) return { text: `${echo}\n${t.dns_removeNothing({ type: plan.type, name: shownName(plan) })}` };
    return proposePlan(request, plan, echo);
  }

  const upperType = type.toUpperCase();
  const where = await nameAndZone(request, target);
  const listing = await listRecords(deps.core, where.name, upperType, { zone: where.zone });
  const name = escapeSlackText(displayDomain(listing.name.fqdn));
  const records = listing.records.filter((record) => record.subname === listing.name.subdomain);
  if (records.length === 0) return { text: t.dns_removeNothing({ type: upperType, name }) };

  const text = t.dns_removeAllConfirm({ count: records.length, type: upperType, name, list: recordBullets(records) });
  const buttonValue: RemoveAllValue = { target, type: upperType };
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            style: 'danger',
            action_id: ACTION_IDS.removeAll,
            text: { type: 'plain_text', text: t.button_removeAll() },
            value: JSON.stringify(buttonValue),
          },
        ],
      },
    ],
  };
}

/** After the "Remove all" button: plans the removal of every value and proposes it for approval. */
export async function proposeRemoveAll(request: CommandRequest, value: RemoveAllValue): Promise<Reply> {
  const plan = await planRemoveRecord(request.deps.core, { ...(await nameAndZone(request, value.target)), type: value.type, all: true });
  const echo = request.t.echo_dnsRemoveAll({ type: plan.type, name: shownName(plan) });
  if (!plan.call) return { text: `${echo}\n${request.t.dns_removeNothing({ type: plan.type, name: shownName(plan) })}` };
  return proposePlan(request, plan, echo);
}

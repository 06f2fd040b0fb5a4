import type { types } from '@slack/bolt';
import { displayDomain } from '../../core/idn.js';
import type { OrderProfile } from '../context.js';
import { ORDER_FIELDS, VIEW_IDS } from '../ids.js';
import type { Messages } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { userOrderProfile } from '../settings.js';
import { proposeFromSlack } from './propose.js';
import { readDomain } from './target.js';
import type { CommandRequest, Reply } from './types.js';

/** REG.RU's own name servers, so the new domain's zone can be edited with `dns` right away. */
export const DEFAULT_NAME_SERVERS = { ns0: 'ns1.reg.ru', ns1: 'ns2.reg.ru' };

/** Profile types REG.API documents for saved contact profiles. */
export const PROFILE_TYPES = ['RU.PP', 'RU.ORG', 'GTLD', 'EU', 'TJ', 'NEWTCI.PP', 'NEWTCI.ORG'] as const;

/** Data the order modal carries from the command to its submission. */
export interface OrderModalMetadata {
  domain: string;
  years: number;
  channelId: string;
}

/**
 * `order DOMAIN [YEARS]`: proposes `domain/create` with a saved contact profile. Without a configured or
 * remembered profile it opens a modal asking for one and proposes on submission.
 */
export async function runOrder(request: CommandRequest, domainText: string, years: number): Promise<Reply | null> {
  const { t, deps } = request;
  const domain = readDomain(domainText);
  if (!domain) return { text: t.problem_badDomain({ value: escapeSlackText(domainText) }) };

  const profile = deps.orderProfile ?? (await userOrderProfile(deps.store, request.userId));
  if (!profile) {
    const metadata: OrderModalMetadata = { domain, years, channelId: request.channelId };
    await request.client.views.open({ trigger_id: request.triggerId, view: orderModal(t, metadata) });
    return null;
  }
  return proposeOrder(request, domain, years, profile);
}

export async function proposeOrder(request: CommandRequest, domain: string, years: number, profile: OrderProfile): Promise<Reply> {
  const echo = request.t.echo_order({
    domain: escapeSlackText(displayDomain(domain)),
    years,
    profile: `${escapeSlackText(profile.type)} “${escapeSlackText(profile.name)}”`,
  });
  return proposeFromSlack(request, {
    path: 'domain/create',
    input: {
      domain_name: domain,
      period: years,
      profile_type: profile.type,
      profile_name: profile.name,
      nss: DEFAULT_NAME_SERVERS,
      ...(request.deps.orderEnduserIp ? { enduser_ip: request.deps.orderEnduserIp } : {}),
    },
    echo,
  });
}

function orderModal(t: Messages, metadata: OrderModalMetadata): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.orderProfile,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: t.order_modalTitle() },
    submit: { type: 'plain_text', text: t.order_submit() },
    close: { type: 'plain_text', text: t.order_cancel() },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: t.order_modalIntro({ domain: escapeSlackText(displayDomain(metadata.domain)) }) } },
      {
        type: 'input',
        block_id: ORDER_FIELDS.profileType,
        label: { type: 'plain_text', text: t.order_profileType() },
        element: {
          type: 'static_select',
          action_id: ORDER_FIELDS.profileType,
          options: PROFILE_TYPES.map((type) => ({ text: { type: 'plain_text', text: type }, value: type })),
        },
      },
      {
        type: 'input',
        block_id: ORDER_FIELDS.profileName,
        label: { type: 'plain_text', text: t.order_profileName() },
        element: { type: 'plain_text_input', action_id: ORDER_FIELDS.profileName, max_length: 100 },
      },
    ],
  };
}

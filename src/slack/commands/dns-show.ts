import { listRecords } from '../../core/dns/index.js';
import { displayDomain } from '../../core/idn.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { recordBlock } from '../render/records.js';
import { domainOfService } from './service-domain.js';
import { readServiceTarget } from './target.js';
import type { CommandRequest, Reply } from './types.js';

/** Records shown in one message; a zone with more is cut, and the reply gives the number left out. */
const MAX_RECORDS_SHOWN = 60;

/** Lists a zone (for a domain) or the records of one name, through the DNS core. */
export async function runDnsShow(request: CommandRequest, targetText: string): Promise<Reply> {
  const { t, deps } = request;
  const target = readServiceTarget(targetText);
  if (!target) return { text: t.problem_badDomain({ value: escapeSlackText(targetText) }) };

  const name = target.kind === 'service' ? await domainOfService(deps, target.serviceId) : target.domain;
  const listing = await listRecords(deps.core, name);
  const shown = escapeSlackText(displayDomain(listing.name.fqdn));
  if (listing.records.length === 0) return { text: t.dns_empty({ zone: shown }) };

  const lines = [t.dns_header({ zone: shown, count: listing.records.length }), recordBlock(listing.records, MAX_RECORDS_SHOWN)];
  if (listing.records.length > MAX_RECORDS_SHOWN) lines.push(t.dns_more({ count: listing.records.length - MAX_RECORDS_SHOWN }));
  return { text: lines.join('\n') };
}

import { readZones, sameRecord } from '../../dns/records.js';
import { displayDomain } from '../../idn.js';
import type { DnsRecord, Preview } from '../types.js';
import type { PreviewCore } from './types.js';
import { normalizeZoneInput, zonesOf } from './zone-input.js';

type Action = Record<string, unknown>;

function str(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}

function num(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Returns the record an `add_*` action creates, in the shape `zone/get_resource_records` lists it. */
function recordAdded(action: string, params: Action): DnsRecord | undefined {
  const subname = str(params.subdomain, '@');
  switch (action) {
    case 'add_alias':
      return { subname, type: 'A', content: str(params.ipaddr) };
    case 'add_aaaa':
      return { subname, type: 'AAAA', content: str(params.ipaddr) };
    case 'add_cname':
      return { subname, type: 'CNAME', content: str(params.canonical_name) };
    case 'add_mx':
      return { subname, type: 'MX', content: str(params.mail_server), priority: num(params.priority) ?? 0 };
    case 'add_ns':
      return { subname, type: 'NS', content: str(params.dns_server) };
    case 'add_txt':
    case 'add_spf':
      return { subname, type: 'TXT', content: str(params.text) };
    case 'add_srv':
      return {
        subname: str(params.service, '@'),
        type: 'SRV',
        content: `${str(params.weight, '0')} ${str(params.port)} ${str(params.target)}`,
        priority: num(params.priority) ?? 0,
      };
    case 'add_caa':
      return { subname, type: 'CAA', content: `${str(params.flags, '0')} ${str(params.tag)} "${str(params.value)}"` };
    case 'add_https':
      return { subname, type: 'HTTPS', content: `${str(params.priority)} ${str(params.target)} ${str(params.value)}` };
    default:
      return undefined;
  }
}

/** Finds the records of `zone` a `remove_record` action deletes: name and type, narrowed by `content` and `priority` when given. */
function recordsRemoved(params: Action, zone: DnsRecord[]): DnsRecord[] {
  const subname = str(params.subdomain, '@');
  const type = str(params.record_type).toUpperCase();
  const priority = num(params.priority);
  return zone.filter(
    (record) =>
      record.subname === subname &&
      record.type === type &&
      (params.content === undefined || sameRecord(record, { ...record, content: str(params.content) })) &&
      (priority === undefined || (record.priority ?? 0) === priority),
  );
}

interface ZoneChange {
  zone: string;
  /** True when an action changes records this preview cannot name (web-forwarding, parking, unknown actions). */
  unlisted: boolean;
  added: DnsRecord[];
  removed: DnsRecord[];
  unchanged: DnsRecord[];
  warnings: string[];
}

/**
 * Applies actions to a copy of the zone in order, as REG.API does: an add whose record exists is
 * reported unchanged (REG.API would store a duplicate), a remove takes what matches at that point.
 */
function simulate(zone: string, current: DnsRecord[], actions: { action: string; params: Action }[]): ZoneChange {
  const state = [...current];
  const change: ZoneChange = { zone, unlisted: false, added: [], removed: [], unchanged: [], warnings: [] };
  for (const { action, params } of actions) {
    if (action === 'remove_record') {
      const gone = recordsRemoved(params, state);
      if (gone.length === 0) change.warnings.push(`${zone}: no ${str(params.record_type)} record at ${str(params.subdomain, '@')} matches; nothing to remove.`);
      for (const record of gone) {
        state.splice(state.indexOf(record), 1);
        const added = change.added.findIndex((candidate) => sameRecord(candidate, record));
        if (added !== -1) change.added.splice(added, 1);
        else change.removed.push(record);
      }
      continue;
    }
    if (action === 'clear') {
      change.removed.push(...state.filter((record) => !change.added.includes(record)));
      state.length = 0;
      change.added.length = 0;
      continue;
    }
    const record = recordAdded(action, params);
    if (record === undefined) {
      change.unlisted = true;
      change.warnings.push(`${zone}: REG.API decides which records ${action} changes, so they cannot be listed in advance.`);
      continue;
    }
    if (state.some((existing) => sameRecord(existing, record))) {
      change.unchanged.push(record);
      change.warnings.push(`${zone}: ${record.type} "${record.content}" at ${record.subname} already exists; REG.API would add a duplicate.`);
      continue;
    }
    state.push(record);
    change.added.push(record);
  }
  return change;
}

/** Lists the actions one zone/* call performs on `zone`; `update_records` may give each domain its own list. */
function actionsFor(method: string, input: Action, zone: string): { action: string; params: Action }[] {
  if (method === 'update_records') {
    const entries = Array.isArray(input.domains) ? (input.domains as Action[]) : [];
    const perDomain = entries.find((entry) => entry !== null && typeof entry === 'object' && (entry.dname ?? entry.domain_name) === zone)?.action_list;
    const list = Array.isArray(perDomain) ? perDomain : Array.isArray(input.action_list) ? input.action_list : [];
    return list.filter((entry): entry is Action => entry !== null && typeof entry === 'object').map((entry) => ({ action: str(entry.action), params: entry }));
  }
  return [{ action: method, params: input }];
}

function describe(record: DnsRecord, zone: string, qualify: boolean): DnsRecord {
  if (!qualify) return record;
  return { ...record, subname: record.subname === '@' ? zone : `${record.subname}.${zone}` };
}

/**
 * Previews a zone/* write: the records added and removed against each zone as it is now. With more
 * than one zone, record names are given in full so that the lists stay unambiguous.
 */
export async function previewZoneWrite(core: PreviewCore, path: string, rawInput: Record<string, unknown>): Promise<Omit<Preview, 'confirmWith'>> {
  const input = normalizeZoneInput(rawInput);
  const method = path.slice(path.indexOf('/') + 1);
  const zones = zonesOf(input);
  const warnings: string[] = [];

  if (method === 'update_soa') {
    return { headline: `Set the zone TTL of ${zones.map(displayDomain).join(', ')} to ${str(input.ttl)} and the negative TTL to ${str(input.minimum_ttl)}`, warnings };
  }

  const current = await readZones(core, zones, { fresh: true });
  const changes: ZoneChange[] = zones.map((zone) => simulate(zone, current.get(zone) ?? [], actionsFor(method, input, zone)));
  if (zones.length === 0) warnings.push('The input names the zone only by service id, so its records cannot be listed in advance.');

  const qualify = changes.length > 1;
  const added = changes.flatMap((change) => change.added.map((record) => describe(record, change.zone, qualify)));
  const removed = changes.flatMap((change) => change.removed.map((record) => describe(record, change.zone, qualify)));
  const unchanged = changes.flatMap((change) => change.unchanged.map((record) => describe(record, change.zone, qualify)));
  warnings.push(...changes.flatMap((change) => change.warnings));

  const where = zones.map(displayDomain).join(', ') || 'the zone named by service id';
  // The queue skips a call whose `dns` block is empty, as one whose zone already matches. So the block
  // is left out when some effect could not be listed, because such a call does change records.
  const unlisted = zones.length === 0 || changes.some((change) => change.unlisted);
  if (unlisted && added.length === 0 && removed.length === 0) {
    return { headline: `${path} in ${where}: REG.API decides the records`, warnings };
  }
  const headline =
    added.length === 0 && removed.length === 0
      ? `No record changes in ${where}: the zone already matches`
      : `In ${where}: add ${added.length} record(s), remove ${removed.length} record(s)`;
  return { headline, dns: { zone: zones.join(', '), added, removed, unchanged }, warnings };
}

import { RegApiError } from '../client/errors.js';
import { hintFor } from '../client/hints.js';
import { canonicalDomain, toAscii } from '../idn.js';
import type { DnsRecord } from '../operations/types.js';
import { resolveName, type ResolveOptions } from './resolve.js';
import { comparableValue } from './record-types.js';
import type { CoreCaller, ResolvedName } from './types.js';

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads `prio`, which REG.API sends as a number, a numeric string or null depending on the account. */
function priorityOf(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return undefined;
}

/** Converts one `rrs` element; the subname is made canonical so that it compares with resolved names. */
function toRecord(rr: Record<string, unknown>): DnsRecord | undefined {
  const type = typeof rr.rectype === 'string' ? rr.rectype.toUpperCase() : undefined;
  const subname = typeof rr.subname === 'string' ? rr.subname : undefined;
  if (type === undefined || subname === undefined) return undefined;
  const record: DnsRecord = {
    subname: subname === '' || subname === '@' ? '@' : toAscii(subname) || subname,
    type,
    content: typeof rr.content === 'string' ? rr.content : String(rr.content ?? ''),
  };
  const priority = priorityOf(rr.prio);
  if (priority !== undefined && (type === 'MX' || type === 'SRV')) record.priority = priority;
  return record;
}

/**
 * Reads every record of one zone with `zone/get_resource_records`. `fresh` bypasses the read cache,
 * which previews need because they compare against the zone as it is now.
 */
export async function readZone(core: CoreCaller, zone: string, options: { fresh?: boolean } = {}): Promise<DnsRecord[]> {
  const result = await core.call('zone/get_resource_records', { domains: [{ dname: zone }] }, { fresh: options.fresh ?? true });
  const domains = asObject(result.answer)?.domains;
  if (!Array.isArray(domains)) return [];
  return domains.flatMap(recordsOf);
}

/** Converts the `rrs` of one `answer.domains` element. */
function recordsOf(entry: unknown): DnsRecord[] {
  const rrs = asObject(entry)?.rrs;
  if (!Array.isArray(rrs)) return [];
  const records: DnsRecord[] = [];
  for (const rr of rrs) {
    const record = asObject(rr) && toRecord(rr as Record<string, unknown>);
    if (record) records.push(record);
  }
  return records;
}

/**
 * Reads the records of several zones (canonical names) with one `zone/get_resource_records` list,
 * which the core splits at REG.API's 1,000 domains per request, instead of one request per zone.
 * A zone that REG.API refuses raises a RegApiError, as it does for readZone.
 */
export async function readZones(core: CoreCaller, zones: readonly string[], options: { fresh?: boolean } = {}): Promise<Map<string, DnsRecord[]>> {
  const byZone = new Map<string, DnsRecord[]>(zones.map((zone) => [zone, []]));
  if (zones.length === 0) return byZone;
  const result = await core.call('zone/get_resource_records', { domains: zones.map((dname) => ({ dname })) }, { fresh: options.fresh ?? true });

  const refused = result.items.find((item) => !item.ok);
  if (refused) {
    const code = refused.errorCode ?? 'ITEM_FAILED';
    const params = refused.key ? { domain_name: refused.key } : {};
    const errorText = `${refused.key ?? `element ${refused.index}`}: ${refused.errorText ?? code}`;
    throw new RegApiError({ code, errorText, errorParams: params, path: 'zone/get_resource_records', hint: hintFor(code, params), items: result.items });
  }

  const domains = asObject(result.answer)?.domains;
  if (!Array.isArray(domains)) return byZone;
  domains.forEach((entry, index) => {
    // REG.API lists Cyrillic zones in Unicode, so the name is made canonical before the lookup.
    const dname = asObject(entry)?.dname;
    const named = typeof dname === 'string' ? canonicalDomain(dname) : '';
    byZone.get(byZone.has(named) ? named : zones[index])?.push(...recordsOf(entry));
  });
  return byZone;
}

/** True when two records are the same DNS data: name, type, value and (for MX and SRV) priority. */
export function sameRecord(a: DnsRecord, b: DnsRecord): boolean {
  return (
    a.subname === b.subname &&
    a.type === b.type &&
    comparableValue(a.type, a.content) === comparableValue(b.type, b.content) &&
    (a.priority ?? 0) === (b.priority ?? 0)
  );
}

export interface RecordListing {
  name: ResolvedName;
  /** `zone` when the name is the apex and every record of the zone is listed; `name` otherwise. */
  scope: 'zone' | 'name';
  records: DnsRecord[];
}

/**
 * Lists the records at a full name, optionally of one type. For the apex name (`example.ru`) it
 * lists the whole zone, because that is what a person asking about a domain wants to see.
 */
export async function listRecords(core: CoreCaller, name: string, type?: string, options: ResolveOptions = {}): Promise<RecordListing> {
  const resolved = await resolveName(core, name, options);
  const all = await readZone(core, resolved.zone, { fresh: false });
  const wantedType = type?.trim().toUpperCase();
  const wholeZone = resolved.subdomain === '@';
  const records = all.filter(
    (record) => (wholeZone || record.subname === resolved.subdomain) && (wantedType === undefined || wantedType === '' || record.type === wantedType),
  );
  return { name: resolved, scope: wholeZone ? 'zone' : 'name', records };
}

import { ValidationError } from '../client/errors.js';
import type { DnsRecord } from '../operations/types.js';
import { readZone, sameRecord } from './records.js';
import { recordType } from './record-types.js';
import { resolveName } from './resolve.js';
import type { CoreCaller, DnsPlan, ResolvedName } from './types.js';

export interface SetRecordRequest {
  /** The full record name (`_acme-challenge.www.example.ru`), or a relative one when `zone` is given. */
  name: string;
  zone?: string;
  type: string;
  value: string;
  /** MX priority; REG.API's default is 0. */
  priority?: number;
}

export interface RemoveRecordRequest {
  name: string;
  zone?: string;
  type: string;
  /** The exact value to remove. Without it the request is rejected unless `all` is true. */
  value?: string;
  /** Removes every record of this name and type. */
  all?: boolean;
}

function describe(record: DnsRecord, name: ResolvedName): string {
  const priority = record.priority !== undefined ? ` ${record.priority}` : '';
  const fqdn = record.subname === '@' ? name.zone : `${record.subname}.${name.zone}`;
  return `${fqdn} ${record.type}${priority} "${record.content}"`;
}

function checkPriority(priority: number | undefined): void {
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 0)) {
    throw new ValidationError([{ path: 'priority', message: `${priority} is not a non-negative integer` }], undefined, 'Give the MX priority as a whole number such as 10.');
  }
}

/**
 * Plans adding one record so that the zone ends up containing it. When an identical record already
 * exists the plan is a no-op and sends nothing, because REG.API's `zone/add_*` would add a duplicate.
 */
export async function planSetRecord(core: CoreCaller, request: SetRecordRequest): Promise<DnsPlan> {
  const spec = recordType(request.type);
  spec.check(request.value);
  checkPriority(request.priority);
  if (request.priority !== undefined && !spec.takesPriority) {
    throw new ValidationError([{ path: 'priority', message: `${spec.type} records have no priority` }], undefined, 'Leave priority out.');
  }

  const name = await resolveName(core, request.name, { zone: request.zone });
  const wanted: DnsRecord = { subname: name.subdomain, type: spec.type, content: request.value };
  if (spec.takesPriority) wanted.priority = request.priority ?? 0;

  const current = await readZone(core, name.zone);
  const sameNameAndType = current.filter((record) => record.subname === name.subdomain && record.type === spec.type);
  const warnings: string[] = [];

  if (sameNameAndType.some((record) => sameRecord(record, wanted))) {
    return {
      name,
      type: spec.type,
      call: null,
      noop: true,
      added: [],
      removed: [],
      unchanged: sameNameAndType,
      summary: `No change: ${describe(wanted, name)} already exists, so nothing is sent.`,
      warnings,
    };
  }

  if (spec.type === 'CNAME' && sameNameAndType.length > 0) {
    warnings.push(`${name.fqdn} already has a CNAME; REG.API refuses a second one (CONFLICT_CNAME). Remove the old value first.`);
  }
  if (spec.type === 'CNAME' && current.some((record) => record.subname === name.subdomain && record.type !== 'CNAME')) {
    warnings.push(`${name.fqdn} has other records; a CNAME cannot coexist with them (CNAME_ANDOTHERDATA).`);
  }

  const input: Record<string, unknown> = { domains: [{ dname: name.zone }], subdomain: name.subdomain, [spec.valueField]: request.value };
  if (spec.takesPriority) input.priority = wanted.priority;
  return {
    name,
    type: spec.type,
    call: { path: spec.addPath, input },
    noop: false,
    added: [wanted],
    removed: [],
    unchanged: sameNameAndType,
    summary: `Add ${describe(wanted, name)}.`,
    warnings,
  };
}

/**
 * Plans removing records of one name and type. With a value it removes exactly that value (REG.API's
 * `content`). Without one it is rejected unless `all` is true, because `zone/remove_record` without
 * `content` deletes every record of the name and type, unrelated SPF and verification texts included.
 */
export async function planRemoveRecord(core: CoreCaller, request: RemoveRecordRequest): Promise<DnsPlan> {
  const type = request.type.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(type)) {
    throw new ValidationError([{ path: 'type', message: `"${request.type}" is not a record type` }], undefined, 'Give a type such as TXT, A or MX.');
  }
  const hasValue = request.value !== undefined && request.value !== '';
  if (hasValue && request.all === true) {
    throw new ValidationError([{ path: 'all', message: 'all: true and a value were both given' }], undefined, 'Give either the value to remove or all: true, not both.');
  }

  const name = await resolveName(core, request.name, { zone: request.zone });
  const current = await readZone(core, name.zone);
  const sameNameAndType = current.filter((record) => record.subname === name.subdomain && record.type === type);

  if (!hasValue && request.all !== true) {
    const listed = sameNameAndType.map((record) => `"${record.content}"`).join(', ') || 'none';
    throw new ValidationError(
      [{ path: 'value', message: `no value given for removing ${type} at ${name.fqdn}, which would delete every ${type} record there (now: ${listed}); give the exact value, or all: true to remove them all` }],
      undefined,
      'Give the exact value to remove, or set all: true to remove every value; nothing was sent.',
    );
  }

  const removed = hasValue
    ? sameNameAndType.filter((record) => sameRecord(record, { ...record, content: request.value as string }))
    : sameNameAndType;
  const unchanged = sameNameAndType.filter((record) => !removed.includes(record));

  if (removed.length === 0) {
    const what = hasValue ? `${name.fqdn} ${type} "${request.value}"` : `any ${type} record at ${name.fqdn}`;
    return { name, type, call: null, noop: true, added: [], removed: [], unchanged, summary: `No change: ${what} does not exist, so nothing is sent.`, warnings: [] };
  }

  const input: Record<string, unknown> = { domains: [{ dname: name.zone }], subdomain: name.subdomain, record_type: type };
  if (hasValue) input.content = removed[0].content;
  const summary = `Remove ${removed.map((record) => describe(record, name)).join(', ')}.`;
  return { name, type, call: { path: 'zone/remove_record', input }, noop: false, added: [], removed, unchanged, summary, warnings: [] };
}

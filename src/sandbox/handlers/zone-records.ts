import { isIPv4, isIPv6 } from 'node:net';
import type { Params } from '../protocol.js';
import type { ZoneRecord } from '../model/state.js';

/** A record to add, or the REG.API error code that rejects the parameters. */
export type BuiltRecord = { ok: true; record: ZoneRecord } | { ok: false; code: string; params?: Record<string, unknown> };

const SUBDOMAIN_LABEL = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;
const HOST_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.?$/;

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Returns the subdomain in lower case, or undefined when REG.API would answer SUBD_INVALID. `@` is the apex. */
export function normaliseSubdomain(value: unknown): string | undefined {
  const subdomain = text(value).trim().toLowerCase();
  if (subdomain === '@') return '@';
  if (subdomain === '' || subdomain.length > 253) return undefined;
  return subdomain.split('.').every((label) => SUBDOMAIN_LABEL.test(label)) ? subdomain : undefined;
}

function integerIn(value: unknown, minimum: number, maximum: number): number | undefined {
  const number = Number(text(value));
  return text(value) !== '' && Number.isInteger(number) && number >= minimum && number <= maximum ? number : undefined;
}

/** Required parameters of each record-adding action; a missing one is PARAMETER_MISSING. */
export const REQUIRED_PARAMS: Record<string, string[]> = {
  add_alias: ['subdomain', 'ipaddr'],
  add_aaaa: ['subdomain', 'ipaddr'],
  add_caa: ['subdomain', 'flags', 'tag', 'value'],
  add_cname: ['subdomain', 'canonical_name'],
  add_https: ['subdomain', 'priority', 'target', 'value'],
  add_mx: ['mail_server'],
  add_ns: ['subdomain', 'dns_server', 'record_number'],
  add_txt: ['subdomain', 'text'],
  add_spf: ['subdomain', 'text'],
  add_srv: ['service', 'priority', 'target', 'port'],
  remove_record: ['subdomain', 'record_type'],
};

/** Returns the first required parameter of `action` that `params` lacks, if any. */
export function missingParam(action: string, params: Params): string | undefined {
  return (REQUIRED_PARAMS[action] ?? []).find((name) => params[name] === undefined || params[name] === null);
}

function record(subname: string, rectype: string, content: string, prio: number | null = null): BuiltRecord {
  return { ok: true, record: { subname, rectype, content, prio } };
}

/** Builds the record a `zone/add_*` action adds, checking each value as REG.API does. */
export function buildRecord(action: string, params: Params): BuiltRecord {
  if (action === 'remove_record' || REQUIRED_PARAMS[action] === undefined) return { ok: false, code: 'INVALID_ACTION', params: { action } };
  const missing = missingParam(action, params);
  if (missing !== undefined) return { ok: false, code: 'PARAMETER_MISSING', params: { param: missing } };
  const defaultApex = action === 'add_mx' && params.subdomain === undefined;
  const subname = defaultApex ? '@' : normaliseSubdomain(params.subdomain);
  if (action !== 'add_srv' && subname === undefined) return { ok: false, code: 'SUBD_INVALID' };
  const at = subname ?? '@';

  switch (action) {
    case 'add_alias':
      return isIPv4(text(params.ipaddr)) ? record(at, 'A', text(params.ipaddr)) : { ok: false, code: 'IP_INVALID' };
    case 'add_aaaa':
      return isIPv6(text(params.ipaddr)) ? record(at, 'AAAA', text(params.ipaddr).toLowerCase()) : { ok: false, code: 'IP_INVALID' };
    case 'add_cname': {
      const target = text(params.canonical_name).trim().toLowerCase();
      return HOST_NAME.test(target) ? record(at, 'CNAME', target) : { ok: false, code: 'CNAME_INVALID' };
    }
    case 'add_mx': {
      const host = text(params.mail_server).trim().toLowerCase();
      if (!HOST_NAME.test(host)) return { ok: false, code: 'MAILHOST_INVALID' };
      const priority = params.priority === undefined ? 0 : integerIn(params.priority, 0, 65535);
      return priority === undefined ? { ok: false, code: 'PRIORITY_INVALID' } : record(at, 'MX', host, priority);
    }
    case 'add_ns': {
      const host = text(params.dns_server).trim().toLowerCase();
      if (!HOST_NAME.test(host)) return { ok: false, code: 'NSADDR_INVALID' };
      // REG.API checks record_number against one or two digits; it orders the NS records.
      if (!/^\d\d?$/.test(text(params.record_number))) {
        return { ok: false, code: 'PARAMETER_INCORRECT', params: { param: 'record_number', error_detail: 'one or two digits expected' } };
      }
      return record(at, 'NS', host, Number(params.record_number));
    }
    case 'add_txt':
    case 'add_spf': {
      const value = text(params.text);
      return value === '' ? { ok: false, code: 'TEXT_NOT_FOUND' } : record(at, 'TXT', value);
    }
    case 'add_srv': {
      const service = text(params.service).trim().toLowerCase();
      if (!/^_[a-z0-9-]+\._(?:tcp|udp|tls|sctp)$/.test(service)) return { ok: false, code: 'SERVICE_INVALID' };
      const priority = integerIn(params.priority, 0, 65535);
      if (priority === undefined) return { ok: false, code: 'PRIORITY_INVALID' };
      const weight = params.weight === undefined ? 0 : integerIn(params.weight, 0, 65535);
      if (weight === undefined) return { ok: false, code: 'WEIGHT_INVALID' };
      const port = integerIn(params.port, 1, 65535);
      if (port === undefined) return { ok: false, code: 'PORT_INVALID' };
      const target = text(params.target).trim().toLowerCase();
      if (!HOST_NAME.test(target)) {
        return { ok: false, code: 'PARAMETER_INCORRECT', params: { param: 'target', error_detail: 'host name expected' } };
      }
      const name = subname && subname !== '@' ? `${service}.${subname}` : service;
      return record(name, 'SRV', `${weight} ${port} ${target}`, priority);
    }
    case 'add_caa': {
      const flags = integerIn(params.flags, 0, 255);
      if (flags !== 0 && flags !== 128) return { ok: false, code: 'FLAGS_INVALID' };
      const tag = text(params.tag);
      if (!['issue', 'issuewild', 'iodef'].includes(tag)) return { ok: false, code: 'TAG_INVALID' };
      const value = text(params.value);
      return value === '' || value.includes('"') ? { ok: false, code: 'CAA_INVALID' } : record(at, 'CAA', `${flags} ${tag} "${value}"`);
    }
    case 'add_https': {
      const priority = integerIn(params.priority, 0, 65535);
      if (priority === undefined) return { ok: false, code: 'PRIORITY_INVALID' };
      const target = text(params.target).trim().toLowerCase();
      if (target !== '.' && !HOST_NAME.test(target)) return { ok: false, code: 'HTTPS_TARGET_INVALID' };
      return record(at, 'HTTPS', `${target} ${text(params.value)}`.trim(), priority);
    }
    default:
      return { ok: false, code: 'INVALID_ACTION', params: { action } };
  }
}

/**
 * Removes the records of one name and type; with `content` only records with that exact content, with
 * `priority` only that priority. Without `content` every record of the name and type goes, as REG.API does.
 * Returns how many records were removed.
 */
export function removeRecords(records: ZoneRecord[], params: Params): number {
  const subname = normaliseSubdomain(params.subdomain) ?? text(params.subdomain);
  const rectype = text(params.record_type).toUpperCase();
  const content = params.content === undefined || params.content === '' ? undefined : text(params.content);
  const priority = params.priority === undefined || params.priority === '' ? undefined : Number(params.priority);
  const before = records.length;
  const kept = records.filter(
    (candidate) =>
      !(
        candidate.subname === subname &&
        candidate.rectype === rectype &&
        (content === undefined || candidate.content === content) &&
        (priority === undefined || candidate.prio === priority)
      ),
  );
  records.splice(0, records.length, ...kept);
  return before - kept.length;
}

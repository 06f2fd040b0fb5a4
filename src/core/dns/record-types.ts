import { isIPv4, isIPv6 } from 'node:net';
import { ValidationError } from '../client/errors.js';
import { canonicalDomain } from '../idn.js';
import { canonicalLabels } from './names.js';

/**
 * How one record type maps onto REG.API: the add method, the field that carries the value, and how
 * two values compare. REG.API has no per-record TTL, so none is modelled.
 */
export interface RecordTypeSpec {
  type: string;
  addPath: string;
  valueField: string;
  /** True when the value is a host name, compared without case and trailing dot. */
  hostValue: boolean;
  takesPriority: boolean;
  /** Throws a ValidationError naming the value when REG.API could not accept it. */
  check(value: string): void;
}

function rejectValue(type: string, value: string, expected: string): ValidationError {
  return new ValidationError([{ path: 'value', message: `"${value}" is not a valid ${type} value` }], undefined, `Give ${expected}; nothing was sent.`);
}

function checkHost(type: string) {
  return (value: string): void => {
    try {
      if (canonicalLabels(value, 'value').length === 0) throw rejectValue(type, value, 'a host name');
    } catch (error) {
      if (error instanceof ValidationError) throw rejectValue(type, value, 'a host name such as mail.example.ru');
      throw error;
    }
  };
}

export const RECORD_TYPES: Record<string, RecordTypeSpec> = {
  A: {
    type: 'A',
    addPath: 'zone/add_alias',
    valueField: 'ipaddr',
    hostValue: false,
    takesPriority: false,
    check(value) {
      if (!isIPv4(value)) throw rejectValue('A', value, 'an IPv4 address such as 192.0.2.10');
    },
  },
  AAAA: {
    type: 'AAAA',
    addPath: 'zone/add_aaaa',
    valueField: 'ipaddr',
    hostValue: false,
    takesPriority: false,
    check(value) {
      if (!isIPv6(value)) throw rejectValue('AAAA', value, 'an IPv6 address such as 2001:db8::10');
    },
  },
  CNAME: { type: 'CNAME', addPath: 'zone/add_cname', valueField: 'canonical_name', hostValue: true, takesPriority: false, check: checkHost('CNAME') },
  MX: { type: 'MX', addPath: 'zone/add_mx', valueField: 'mail_server', hostValue: true, takesPriority: true, check: checkHost('MX') },
  TXT: {
    type: 'TXT',
    addPath: 'zone/add_txt',
    valueField: 'text',
    hostValue: false,
    takesPriority: false,
    check(value) {
      if (value === '') throw rejectValue('TXT', value, 'a non-empty text');
    },
  },
};

/** Looks up a record type given in any case, or throws a ValidationError listing the supported ones. */
export function recordType(type: string): RecordTypeSpec {
  const spec = RECORD_TYPES[type.trim().toUpperCase()];
  if (spec === undefined) {
    throw new ValidationError(
      [{ path: 'type', message: `record type "${type}" is not supported here` }],
      undefined,
      `Use one of ${Object.keys(RECORD_TYPES).join(', ')}, or the zone_add_* tool for other types.`,
    );
  }
  return spec;
}

/** The form of a value used for comparison: host names canonical, IPv6 compressed, text unchanged. */
export function comparableValue(type: string, value: string): string {
  const upper = type.toUpperCase();
  if (upper === 'CNAME' || upper === 'MX' || upper === 'NS') return canonicalDomain(value) || value;
  if (upper === 'AAAA' && isIPv6(value)) return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  if (upper === 'A') return value.trim();
  return value;
}

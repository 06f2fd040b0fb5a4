import type { CallOptions, CallResult } from '../client/types.js';
import type { DnsRecord } from '../operations/types.js';

/**
 * The part of the core that the DNS helpers and the previews use. `createCore` returns a superset, and
 * tests may pass the real core only.
 */
export interface CoreCaller {
  call(path: string, input: Record<string, unknown>, options?: CallOptions): Promise<CallResult>;
}

/** A full DNS name split against the zones the account really has. */
export interface ResolvedName {
  /** The zone in canonical form (lower-case punycode, no trailing dot): what REG.API gets as `dname`. */
  zone: string;
  /** The zone for people: `пример.рф (xn--e1afmkfd.xn--p1ai)`. */
  zoneDisplay: string;
  /** The name relative to the zone, `@` for the apex; underscore labels are kept as given. */
  subdomain: string;
  /** The full name in canonical form. */
  fqdn: string;
}

/** One REG.API call a plan would make, with the input exactly as it will be sent. */
export interface PlannedCall {
  path: string;
  input: Record<string, unknown>;
}

/**
 * A DNS change worked out against the zone as it is now. `call` is null when the zone already
 * matches (`noop`), and then nothing is sent.
 */
export interface DnsPlan {
  name: ResolvedName;
  type: string;
  call: PlannedCall | null;
  noop: boolean;
  added: DnsRecord[];
  removed: DnsRecord[];
  /** Records of the same name and type that the change leaves in place. */
  unchanged: DnsRecord[];
  /** One line for people, in English. */
  summary: string;
  warnings: string[];
}

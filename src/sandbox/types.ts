import type { Access, BulkSpec, Effect } from '../core/catalogue/types.js';

/** The facts the sandbox needs about one REG.API method, as the catalogue supplies them. */
export interface SandboxMethod {
  path: string;
  access: Access;
  effect: Effect;
  bulk?: BulkSpec;
  /** Zod schema of `input_data`, used only to name a missing required parameter. */
  input?: { safeParse(value: unknown): { success: boolean; error?: { issues: readonly ZodLikeIssue[] } } };
}

export interface ZodLikeIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/** A DNS record as `zone/get_resource_records` returns it. */
export interface SeedRecord {
  subname: string;
  rectype: string;
  content: string;
  prio?: number;
}

/** A service to put into a configured account at start. Domains are services of servtype `domain`. */
export interface SeedService {
  servtype: string;
  dname: string;
  subtype?: string;
  service_id?: number;
  user_servid?: string;
  /** `A` active (default), `N` ordered but not paid, `S` suspended. */
  state?: 'A' | 'N' | 'S';
  creation_date?: string;
  expiration_date?: string;
  /** Name servers of a domain; a domain whose list contains no `*.reg.ru` host has no zone at REG.RU. */
  nss?: string[];
}

export interface SeedFolder {
  folder_name: string;
  folder_id?: number;
  /** Service ids in the folder. */
  services?: number[];
}

export interface SeedBill {
  bill_id?: number;
  payment: number;
  pay_status?: 'notpayed' | 'payed';
  bill_date?: string;
  /** Service ids the bill pays for. */
  services?: number[];
}

/**
 * An account other than `test`. Its data lives in memory and changes with every write, so tests can
 * check effects through the API or through `sandbox.state(username)`.
 */
export interface SandboxAccount {
  username: string;
  password: string;
  /** Partners (resellers) may call methods whose access is `partners`; others get RESELLER_AUTH_FAILED. */
  partner?: boolean;
  /** PEM public key or X.509 certificate that verifies `sig` authentication (RSA-SHA512). */
  sigPublicKey?: string;
  /** Client addresses allowed to call the API for this account; absent means any address. */
  allowedIps?: string[];
  /** Prepaid balance in rubles; default 1000. */
  balance?: number;
  /** Domain names (Unicode or punycode) registered in the account, each with a zone on REG.RU name servers. */
  domains?: Array<string | Omit<SeedService, 'servtype'>>;
  /** DNS records per domain name; a name not listed in `domains` is added as a domain. */
  zones?: Record<string, SeedRecord[]>;
  services?: SeedService[];
  folders?: SeedFolder[];
  bills?: SeedBill[];
  /** Prices in rubles per year (per period unit): TLD keys (`ru`, `рф`) for domains, servtype keys for services. */
  prices?: Record<string, number>;
}

export interface RateLimitOptions {
  /** Requests per window for one account; default 1200, REG.API's documented hourly limit. */
  account?: number;
  /** Requests per window from one client address; default 1200. */
  ip?: number;
  /** Length of the sliding window in milliseconds; default one hour. */
  windowMs?: number;
}

export interface SandboxOptions {
  /** TCP port; 0 (the default) picks a free port. */
  port?: number;
  /** Listening address; only loopback addresses are accepted. Default 127.0.0.1. */
  host?: string;
  accounts?: SandboxAccount[];
  rateLimit?: RateLimitOptions;
  /** Keeps every billing call open this many milliseconds after it ran, so tests can overlap two. */
  billingHoldMs?: number;
  /** Seed of the random generator behind fault `probability`; default 1. */
  seed?: number;
  /** Methods to serve; default: every entry of the catalogue. */
  methods?: readonly SandboxMethod[];
  /** Requests kept in `sandbox.requests`; older ones are dropped. Default 10,000. */
  maxRecordedRequests?: number;
}

export type FaultKind =
  | 'delay'
  | 'status503'
  | 'html502'
  | 'drop'
  | 'empty'
  | 'pending'
  | 'strings'
  | 'answer'
  | 'hold';

export interface FaultSpec {
  /** Method path such as `zone/add_txt` (a leading `/api/regru2/` is allowed), or `*` for every method. */
  path: string;
  kind: FaultKind;
  /** How many matching requests the fault applies to; absent means every one until removed. */
  times?: number;
  /** Milliseconds for `delay` (before the call runs) and `hold` (after the call ran). */
  ms?: number;
  /** Share of matching requests that get the fault, from 0 to 1; default 1. */
  probability?: number;
  /** For `answer`: the body to send, a JSON value or a raw string. */
  body?: unknown;
  /** For `answer`: the HTTP status; default 200. */
  status?: number;
}

/** One HTTP request the sandbox received, with the answer it sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The raw query string without `?`, empty when there was none. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  rawBody: string;
  /** Form fields as parsed; a repeated key becomes a list. */
  fields: Record<string, string | string[]>;
  time: string;
  clientIp: string;
  /** The HTTP status sent, or 0 when the connection was dropped. */
  status: number;
  /** The body sent: the parsed JSON envelope, a raw string for non-JSON bodies, or undefined. */
  answer?: unknown;
}

export interface SandboxCounters {
  /** Requests per username; anonymous requests count under the empty string. */
  requestsByAccount: Record<string, number>;
  requestsByIp: Record<string, number>;
  /** Billing calls that arrived, whether or not they ran. */
  billingCalls: number;
  /** The largest number of billing calls of one account that were open at the same time. */
  maxConcurrentBilling: number;
  billingLockAnswers: number;
  domainOrderLockAnswers: number;
  rateLimitAnswers: number;
}

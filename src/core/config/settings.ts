import { z } from 'zod';
import type { FileKey } from './file.js';

/**
 * One setting: where it can be given and what it takes. The table drives parsing and the settings
 * table in docs/configuration.md, which a test compares with this list.
 */
export interface SettingSpec {
  key: string;
  env?: string;
  flag?: string;
  file?: FileKey;
  schema: z.ZodType;
  default?: unknown;
  /** Shown instead of the default value in docs (for defaults computed at run time). */
  defaultText?: string;
  type: string;
  description: string;
  secret?: boolean;
}

const bool = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no'])]).transform((value) =>
  typeof value === 'boolean' ? value : ['1', 'true', 'yes'].includes(value),
);
const positiveInt = z.coerce.number().int().positive();
const list = z.union([z.array(z.string()), z.string()]).transform((value) =>
  (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter((item) => item !== ''),
);
const httpUrl = z.url({ protocol: /^https?$/ });
/** A base URL that method paths are appended to, so a query or fragment would swallow them. */
/** Loopback hosts, where plain http stays on this machine (the sandbox, a local TLS-terminating proxy). */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

const baseUrl = httpUrl
  .refine((value) => !/[?#]/.test(value), 'the base URL must not contain ? or #, because method paths are appended to it')
  .refine(
    (value) => value.startsWith('https:') || LOOPBACK_HOST.test(new URL(value).hostname),
    'plain http is accepted only for loopback addresses, because the password travels in every request; use https://',
  );

export const SETTINGS: SettingSpec[] = [
  { key: 'apiUrl', env: 'REGAPI_URL', flag: '--api-url', schema: baseUrl, default: 'https://api.reg.ru/api/regru2', type: 'URL', description: 'REG.API base URL; method paths are appended to it. `--sandbox` replaces it with the local sandbox.' },
  { key: 'username', env: 'REGAPI_USERNAME', file: 'username', schema: z.string().min(1), default: 'test', type: 'string', description: 'REG.RU login. The default is the public test account, which REG.API validates like a real one without executing anything.' },
  { key: 'password', env: 'REGAPI_PASSWORD', file: 'password', schema: z.string().min(1), default: 'test', type: 'string', secret: true, description: 'Account password or the alternative API password from the REG.RU API settings. Not needed with `sig` authentication.' },
  { key: 'sigKeyPath', env: 'REGAPI_SIG_KEY', schema: z.string().min(1), type: 'path', secret: false, description: 'PEM file with the RSA private key for `sig` authentication (RSA-SHA512); replaces the password. REG.API then also requires the TLS client certificate.' },
  { key: 'pem', env: 'REGAPI_PEM', file: 'pem', schema: z.string().min(1), type: 'path', description: 'PEM file with the TLS client certificate and its RSA key, for accounts that uploaded a certificate in the API settings.' },
  { key: 'pemPassword', env: 'REGAPI_PEM_PASSWORD', file: 'pem_password', schema: z.string(), type: 'string', secret: true, description: 'Passphrase of the key in `pem`.' },
  { key: 'caCertPath', env: 'REGAPI_CA_CERT_PATH', file: 'ca_cert_path', schema: z.string().min(1), type: 'path', description: 'CA certificates (PEM) to trust for the REG.API server instead of the system store.' },
  { key: 'lang', env: 'REGAPI_LANG', flag: '--lang', file: 'lang', schema: z.enum(['en', 'ru', 'th']), default: 'en', type: 'en, ru or th', description: 'Language of REG.API error texts and of regapi2 messages to people (Slack defaults to Russian per user).' },
  { key: 'store', env: 'REGAPI_STORE', flag: '--store', schema: z.string().regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'expected sqlite:PATH or postgres://...'), defaultText: 'sqlite:~/.regapi2.db', type: 'URL', description: 'Where operations, the journal, the rate budget and the read cache live: `sqlite:PATH` for one machine, `postgres://...` for several.' },
  { key: 'toolsets', env: 'REGAPI_TOOLSETS', flag: '--toolsets', schema: list, default: [], type: 'list', description: 'MCP toolsets: categories (domain, zone, dnssec, service, bill, folder, user, hosting, shop, common), operations, or all. Empty means the default set.' },
  { key: 'readOnly', env: 'REGAPI_READ_ONLY', flag: '--read-only', schema: bool, default: false, type: 'boolean', description: 'Serve and run read methods only.' },
  { key: 'confirm', env: 'REGAPI_CONFIRM', schema: z.enum(['elicitation', 'token']), default: 'elicitation', type: 'elicitation or token', description: 'How MCP writes are confirmed. `token` returns a preview and a single-use token; it proves only that a preview was made.' },
  { key: 'tokenAllowsBilling', env: 'REGAPI_CONFIRM_TOKEN_BILLING', schema: bool, default: false, type: 'boolean', description: 'Allows billing operations in the token tier.' },
  { key: 'rateBudget', env: 'REGAPI_RATE_BUDGET', schema: positiveInt, default: 1100, type: 'integer', description: 'Requests per window that all regapi2 processes together may send per account and per egress IP (REG.API allows 1,200 per hour).' },
  { key: 'rateWindowMs', env: 'REGAPI_RATE_WINDOW_MS', schema: positiveInt, default: 3_600_000, type: 'milliseconds', description: 'Length of the sliding window of the rate budget.' },
  { key: 'logLevel', env: 'REGAPI_LOG_LEVEL', flag: '--log-level', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), default: 'info', type: 'pino level', description: 'Log level; logs go to stderr.' },
  { key: 'httpsProxy', env: 'HTTPS_PROXY', schema: httpUrl, type: 'URL', description: 'HTTP proxy for REG.API requests; a proxy with a fixed address satisfies the REG.RU IP allow-list.' },
  { key: 'connectTimeoutMs', env: 'REGAPI_CONNECT_TIMEOUT_MS', schema: positiveInt, default: 10_000, type: 'milliseconds', description: 'Time allowed to open the connection to REG.API.' },
  { key: 'responseTimeoutMs', env: 'REGAPI_TIMEOUT_MS', schema: positiveInt, default: 30_000, type: 'milliseconds', description: 'Time allowed for an answer; REG.API often takes 5–10 s for writes.' },
  { key: 'mcpAllowedHosts', env: 'REGAPI_MCP_ALLOWED_HOSTS', schema: list, default: [], type: 'list of host names', description: 'Host names MCP over HTTP accepts in the Host and Origin headers besides the bound address and localhost, such as the public name behind a load balancer.' },
  { key: 'mcpToken', env: 'REGAPI_MCP_TOKEN', schema: z.string().min(16, 'use at least 16 characters'), type: 'string', secret: true, description: 'Bearer token required by MCP over HTTP.' },
  { key: 'slackBotToken', env: 'SLACK_BOT_TOKEN', schema: z.string().min(1), type: 'string', secret: true, description: 'Slack bot token (xoxb-...).' },
  { key: 'slackSigningSecret', env: 'SLACK_SIGNING_SECRET', schema: z.string().min(1), type: 'string', secret: true, description: 'Slack signing secret for verifying requests.' },
  { key: 'slackAppToken', env: 'SLACK_APP_TOKEN', schema: z.string().min(1), type: 'string', secret: true, description: 'Slack app-level token (xapp-...); when set, the app uses Socket Mode.' },
  { key: 'slackApiUrl', env: 'SLACK_API_URL', schema: httpUrl, type: 'URL', description: "Slack Web API base URL (tests point it at a local server)." },
  { key: 'slackApprovalChannel', env: 'REGAPI_SLACK_APPROVAL_CHANNEL', schema: z.string().min(1), type: 'channel id', description: 'Channel where approval cards are posted.' },
  { key: 'slackApprovers', env: 'REGAPI_SLACK_APPROVERS', schema: list, default: [], type: 'list of user ids', description: 'Slack user ids allowed to approve or reject operations.' },
  { key: 'approvalExpiryMs', env: 'REGAPI_APPROVAL_EXPIRY_MS', schema: positiveInt, default: 4 * 3_600_000, type: 'milliseconds', description: 'Pending operations expire after this time.' },
  { key: 'sandbox', flag: '--sandbox', schema: bool, default: false, type: 'boolean', description: 'Start the REG.API sandbox in-process on a free loopback port and use it instead of REG.API.' },
];

import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type ConfigIssue } from '../client/errors.js';
import { readConfigFile } from './file.js';
import { SETTINGS, type SettingSpec } from './settings.js';

export { SETTINGS } from './settings.js';
export { parseConfigFile } from './file.js';

export interface SlackConfig {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  approvalChannel?: string;
  approvers: string[];
}

export interface Config {
  apiUrl: string;
  username: string;
  password?: string;
  /** True when the public test account `test`/`test` is in use. */
  usingTestAccount: boolean;
  sigKeyPath?: string;
  pem?: string;
  pemPassword?: string;
  caCertPath?: string;
  lang: 'en' | 'ru' | 'th';
  store: string;
  toolsets: string[];
  readOnly: boolean;
  confirm: 'elicitation' | 'token';
  tokenAllowsBilling: boolean;
  rateBudget: number;
  rateWindowMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  httpsProxy?: string;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  mcpToken?: string;
  mcpAllowedHosts: string[];
  approvalExpiryMs: number;
  sandbox: boolean;
  slack: SlackConfig;
  /** The source of each value, for `regapi2 doctor`: flag, env, file or default. */
  sources: Record<string, 'flag' | 'env' | 'file' | 'default'>;
}

export interface LoadConfigOptions {
  /** Command-line values keyed by setting key (`apiUrl`, `readOnly`, ...). */
  flags?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Home folder holding `.regapi2`; defaults to the user's home. */
  homeDir?: string;
  /** Full path of the settings file; overrides homeDir. */
  configFile?: string;
}

function whereToSet(spec: SettingSpec): string {
  const places = [spec.flag, spec.env, spec.file ? `${spec.file}= in ~/.regapi2` : undefined].filter(Boolean);
  return places.join(' or ') || 'the command line';
}

/**
 * Reads the configuration once: command-line flags, then the environment, then `~/.regapi2`, then the
 * defaults. Every bad value is collected and reported together with where to set it.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const filePath = options.configFile ?? join(home, '.regapi2');
  const file = readConfigFile(filePath);
  const issues: ConfigIssue[] = file.problems.map((message) => ({ setting: filePath, message, where: filePath }));
  const values: Record<string, unknown> = {};
  const sources: Config['sources'] = {};

  for (const spec of SETTINGS) {
    let raw: unknown;
    let source: Config['sources'][string] = 'default';
    if (flags[spec.key] !== undefined) {
      raw = flags[spec.key];
      source = 'flag';
    } else if (spec.env && env[spec.env] !== undefined && env[spec.env] !== '') {
      raw = env[spec.env];
      source = 'env';
    } else if (spec.file && file.values[spec.file] !== undefined) {
      raw = file.values[spec.file];
      source = 'file';
    } else {
      raw = spec.default;
    }
    if (raw === undefined) continue;
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const shown = spec.secret ? '(hidden)' : JSON.stringify(raw);
      issues.push({
        setting: spec.env ?? spec.flag ?? spec.key,
        message: `invalid value ${shown}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}; expected ${spec.type}`,
        where: whereToSet(spec),
      });
      continue;
    }
    values[spec.key] = parsed.data;
    sources[spec.key] = source;
  }

  if (values.password === undefined && values.sigKeyPath === undefined) {
    issues.push({ setting: 'REGAPI_PASSWORD', message: 'no password and no signature key', where: 'REGAPI_PASSWORD, password= in ~/.regapi2, or REGAPI_SIG_KEY' });
  }
  if (values.pemPassword !== undefined && values.pem === undefined) {
    issues.push({ setting: 'REGAPI_PEM_PASSWORD', message: 'a passphrase is set but no certificate file', where: 'REGAPI_PEM or pem= in ~/.regapi2' });
  }
  if (issues.length > 0) throw new ConfigError(issues);

  // A login of its own with the test password left over from the defaults would send `test` as the
  // password of a real account; only the pair test/test is the public test account.
  const username = values.username as string;
  const password = values.sigKeyPath !== undefined && sources.password === 'default' ? undefined : (values.password as string | undefined);
  if (username !== 'test' && sources.password === 'default' && values.sigKeyPath === undefined) {
    throw new ConfigError([{ setting: 'REGAPI_PASSWORD', message: `a login "${username}" is set but no password`, where: 'REGAPI_PASSWORD or password= in ~/.regapi2' }]);
  }

  return {
    apiUrl: (values.apiUrl as string).replace(/\/+$/, ''),
    username,
    password,
    usingTestAccount: username === 'test' && password === 'test',
    sigKeyPath: values.sigKeyPath as string | undefined,
    pem: values.pem as string | undefined,
    pemPassword: values.pemPassword as string | undefined,
    caCertPath: values.caCertPath as string | undefined,
    lang: values.lang as Config['lang'],
    store: (values.store as string | undefined) ?? `sqlite:${join(home, '.regapi2.db')}`,
    toolsets: values.toolsets as string[],
    readOnly: values.readOnly as boolean,
    confirm: values.confirm as Config['confirm'],
    tokenAllowsBilling: values.tokenAllowsBilling as boolean,
    rateBudget: values.rateBudget as number,
    rateWindowMs: values.rateWindowMs as number,
    logLevel: values.logLevel as Config['logLevel'],
    httpsProxy: values.httpsProxy as string | undefined,
    connectTimeoutMs: values.connectTimeoutMs as number,
    responseTimeoutMs: values.responseTimeoutMs as number,
    mcpToken: values.mcpToken as string | undefined,
    mcpAllowedHosts: values.mcpAllowedHosts as string[],
    approvalExpiryMs: values.approvalExpiryMs as number,
    sandbox: values.sandbox as boolean,
    slack: {
      botToken: values.slackBotToken as string | undefined,
      signingSecret: values.slackSigningSecret as string | undefined,
      appToken: values.slackAppToken as string | undefined,
      apiUrl: values.slackApiUrl as string | undefined,
      approvalChannel: values.slackApprovalChannel as string | undefined,
      approvers: values.slackApprovers as string[],
    },
    sources,
  };
}

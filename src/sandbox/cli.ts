import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { createLogger } from '../core/log.js';
import { startSandbox, type Sandbox } from './index.js';
import type { SandboxAccount, SandboxOptions } from './types.js';
import { sandboxUsage } from './usage.js';

export { sandboxUsage } from './usage.js';

/** A command-line mistake, with the message naming the flag and the value. */
export class SandboxUsageError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type SandboxLogLevel = (typeof LOG_LEVELS)[number];

export interface SandboxCliSettings {
  options: SandboxOptions;
  logLevel: SandboxLogLevel;
  help: boolean;
}

function wholeNumber(flag: string, text: string | undefined, fallback: number, maximum = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) > maximum) {
    throw new SandboxUsageError(`${flag} ${text} is not valid; give a whole number from 0 to ${maximum}`);
  }
  return Number(text);
}

/** Reads the sandbox's flags, falling back to REGAPI_SANDBOX_* variables and then to the defaults. */
export function parseSandboxArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SandboxCliSettings {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        client: { type: 'boolean' },
        balance: { type: 'string' },
        domain: { type: 'string', multiple: true },
        'allowed-ip': { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'billing-hold-ms': { type: 'string' },
        seed: { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new SandboxUsageError((error as Error).message);
  }

  const logLevel = (values['log-level'] ?? 'info') as SandboxLogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new SandboxUsageError(`--log-level ${logLevel} is not a log level; give one of ${LOG_LEVELS.join(', ')}`);
  }
  const domains = values.domain ?? (env.REGAPI_SANDBOX_DOMAINS ?? 'example.ru,пример.рф').split(',');
  const account: SandboxAccount = {
    username: values.username ?? env.REGAPI_SANDBOX_USERNAME ?? 'demo',
    password: values.password ?? env.REGAPI_SANDBOX_PASSWORD ?? 'demo',
    partner: !(values.client === true || env.REGAPI_SANDBOX_PARTNER === '0'),
    balance: wholeNumber('--balance', values.balance ?? env.REGAPI_SANDBOX_BALANCE, 10_000),
    domains: domains.map((name) => name.trim()).filter((name) => name !== ''),
    ...(values['allowed-ip'] ? { allowedIps: values['allowed-ip'] } : {}),
  };
  if (account.username === 'test') {
    throw new SandboxUsageError('--username test is reserved for the public test account; choose another login');
  }
  const rateLimit = wholeNumber('--rate-limit', values['rate-limit'], 1200);
  return {
    help: values.help === true,
    logLevel,
    options: {
      port: wholeNumber('--port', values.port, 0, 65_535),
      host: values.host ?? '127.0.0.1',
      accounts: [account],
      rateLimit: { account: rateLimit, ip: rateLimit },
      billingHoldMs: wholeNumber('--billing-hold-ms', values['billing-hold-ms'], 0),
      seed: wholeNumber('--seed', values.seed, 1),
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface RunningSandbox {
  sandbox: Sandbox;
  /** Settles once a stop signal arrived and the sandbox closed. */
  stopped: Promise<void>;
}

/**
 * Starts the sandbox from command-line flags, writes `REGAPI_URL=<url>` as one line to `stdout` when it
 * listens, and closes it on SIGINT or SIGTERM. Throws SandboxUsageError for bad flags.
 */
export async function runSandboxCli(
  argv: readonly string[],
  io: { env?: NodeJS.ProcessEnv; stdout?: NodeJS.WritableStream; logger?: Logger; command?: string } = {},
): Promise<RunningSandbox | undefined> {
  const stdout = io.stdout ?? process.stdout;
  const settings = parseSandboxArgs(argv, io.env ?? process.env);
  if (settings.help) {
    stdout.write(`${sandboxUsage(io.command)}\n`);
    return undefined;
  }
  const logger = io.logger ?? createLogger(settings.logLevel, 'regapi2-sandbox');
  const sandbox = await startSandbox({ ...settings.options, logger });
  const account = settings.options.accounts?.[0];
  stdout.write(`REGAPI_URL=${sandbox.url}\n`);
  logger.info(
    { url: sandbox.url, username: account?.username, partner: account?.partner, domains: account?.domains },
    'REG.API sandbox ready; it also accepts the test account test/test',
  );
  const stopped = untilSignal().then(async (signal) => {
    logger.info({ signal }, 'stopping the REG.API sandbox');
    await sandbox.close();
  });
  return { sandbox, stopped };
}

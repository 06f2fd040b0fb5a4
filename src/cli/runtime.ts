import { homedir } from 'node:os';
import { ConfigError } from '../core/client/errors.js';
import { loadConfig, type Config } from '../core/config/index.js';
import { createCore, type Core } from '../core/core.js';
import { createLogger, type Logger } from '../core/log.js';
import { openStore, redactStoreUrl, type Store } from '../core/store/index.js';
import type { Sandbox, SandboxAccount } from '../sandbox/index.js';

/** Everything a command that talks to REG.API needs, and how to release it. */
export interface Runtime {
  config: Config;
  core: Core;
  logger: Logger;
  /** Absent only when the store failed to open and the caller asked to go on without it. */
  store?: Store;
  /** The error that kept the store from opening, when the caller asked to go on without it. */
  storeError?: Error;
  /** Set when `--sandbox` started the local REG.API server in this process. */
  sandboxUrl?: string;
  close(): Promise<void>;
}

/** The store `--sandbox` uses unless --store or REGAPI_STORE names one: in memory, gone at exit. */
const SANDBOX_STORE_URL = 'sqlite::memory:';

export interface RuntimeOptions {
  /** `regapi2 doctor` reports a broken store as a failed check instead of stopping. */
  continueWithoutStore?: boolean;
}


/**
 * Returns the sandbox accounts for `--sandbox`. The public test account answers with REG.API's canned
 * examples and never changes. Any other configured login gets an account of its own that keeps state,
 * with two domains and their zones, so that approved writes have visible effects.
 */
function sandboxAccounts(config: Config): SandboxAccount[] {
  if (config.usingTestAccount || config.password === undefined) return [];
  return [
    {
      username: config.username,
      password: config.password,
      partner: true,
      balance: 5_000,
      domains: ['example.ru', 'пример.рф'],
      zones: {
        'example.ru': [
          { subname: '@', rectype: 'A', content: '192.0.2.10' },
          { subname: 'www', rectype: 'CNAME', content: 'example.ru' },
          { subname: '@', rectype: 'TXT', content: 'v=spf1 -all' },
        ],
      },
    },
  ];
}

/**
 * Loads the configuration (flags, environment, `~/.regapi2`, defaults), starts the sandbox when
 * asked, opens the store and creates the core. Throws ConfigError when the configuration cannot work.
 */
export async function openRuntime(flags: Record<string, unknown>, options: RuntimeOptions = {}): Promise<Runtime> {
  const home = homedir();
  let config = loadConfig({ flags, env: process.env, homeDir: home });
  const logger = createLogger(config.logLevel);
  const storeChosen = config.sources.store === 'flag' || config.sources.store === 'env';
  if (config.sandbox && !storeChosen) {
    // Responses from the sandbox must not reach the cache, budget and journal kept for the real REG.API.
    config = { ...config, store: SANDBOX_STORE_URL };
  }

  let store: Store | undefined;
  let storeError: Error | undefined;
  try {
    store = await openStore(config.store, { homeDir: home });
  } catch (error) {
    if (!options.continueWithoutStore) {
      throw new ConfigError([
        { setting: 'store', message: `cannot open ${redactStoreUrl(config.store)}: ${(error as Error).message}`, where: '--store or REGAPI_STORE' },
      ]);
    }
    storeError = error as Error;
  }

  let sandbox: Sandbox | undefined;
  if (config.sandbox) {
    // The sandbox module loads only with --sandbox, so that ordinary start-ups do not pay for it.
    const { startSandbox } = await import('../sandbox/index.js');
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, accounts: sandboxAccounts(config) });
    config = { ...config, apiUrl: sandbox.url };
  }
  if (config.usingTestAccount) {
    logger.warn(
      { login: config.username },
      'Using the public REG.API test account test/test: REG.API checks each call but changes nothing. Set REGAPI_USERNAME and REGAPI_PASSWORD, or ~/.regapi2, to use your account.',
    );
  }

  let core: Core;
  try {
    core = createCore({ config, logger, store });
  } catch (error) {
    // A bad key or certificate file fails here; the store and the sandbox would otherwise keep the process alive.
    await store?.close();
    await sandbox?.close();
    throw error;
  }
  return {
    config,
    core,
    logger,
    store,
    storeError,
    sandboxUrl: sandbox?.url,
    async close() {
      await core.close();
      await store?.close();
      await sandbox?.close();
    },
  };
}

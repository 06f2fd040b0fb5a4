import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../../../src/core/config/index.js';
import { createCore, type Core } from '../../../src/core/core.js';
import { createOperations, type CreateOperationsOptions } from '../../../src/core/operations/index.js';
import type { Operations } from '../../../src/core/operations/types.js';
import { openStore } from '../../../src/core/store/index.js';
import type { Store } from '../../../src/core/store/types.js';
import { startSandbox, type Sandbox, type SandboxAccount } from '../../../src/sandbox/index.js';

export const ACCOUNT = 'client';
export const PASSWORD = 'Client-Pa55';

/** The account every queue test works on: domain example.ru (service 4001) with a zone, and a hosting service. */
export const SEED: SandboxAccount = {
  username: ACCOUNT,
  password: PASSWORD,
  balance: 1000,
  domains: [{ dname: 'example.ru', service_id: 4001, expiration_date: '2027-03-01' }],
  zones: { 'example.ru': [{ subname: '@', rectype: 'TXT', content: 'v=spf1 -all' }] },
  services: [{ servtype: 'srv_hosting_ispmgr', dname: 'example.ru', service_id: 5001, expiration_date: '2027-01-01' }],
  prices: { ru: 199, srv_hosting_ispmgr: 150 },
};

export interface QueueHarness {
  sandbox: Sandbox;
  store: Store;
  core: Core;
  operations: Operations;
  storeUrl: string;
  /** Opens another operations API on the same store and sandbox, as a second process would. */
  another(options?: Partial<CreateOperationsOptions>): Promise<Operations>;
  /** The sandbox requests for one method path. */
  requestsFor(path: string): number;
  close(): Promise<void>;
}

/** Starts a sandbox with the test account, a SQLite store in a temporary folder, a core and the operations API. */
export async function startQueueHarness(
  options: Partial<CreateOperationsOptions> = {},
  account: SandboxAccount = SEED,
  env: Record<string, string> = {},
): Promise<QueueHarness> {
  const sandbox = await startSandbox({ accounts: [account] });
  const dir = mkdtempSync(join(tmpdir(), 'regapi2-queue-'));
  const storeUrl = `sqlite:${join(dir, 'store.db')}`;
  const config = loadConfig({
    env: { REGAPI_URL: sandbox.url, REGAPI_USERNAME: account.username, REGAPI_PASSWORD: account.password, REGAPI_TIMEOUT_MS: '5000', ...env },
    configFile: '/nonexistent/regapi2-test-config',
  });
  const opened: { store: Store; core: Core }[] = [];
  const open = async (extra: Partial<CreateOperationsOptions>) => {
    const store = await openStore(storeUrl);
    const core = createCore({ config, store });
    opened.push({ store, core });
    // settleMs 0 looks a lost answer up at once; the test of a late execution sets its own wait.
    const operations = createOperations({ core, store, retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 5 }, settleMs: 0, ...options, ...extra });
    return { store, core, operations };
  };
  const first = await open({});

  return {
    sandbox,
    ...first,
    storeUrl,
    another: async (extra = {}) => (await open(extra)).operations,
    requestsFor: (path) => sandbox.requests.filter((request) => request.path.endsWith(`/${path}`)).length,
    async close() {
      for (const { store, core } of opened) {
        await core.close();
        await store.close();
      }
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the queue until nothing is due, and returns how many operations ran. */
export async function drain(operations: Operations): Promise<number> {
  let ran = 0;
  while ((await operations.runNext()) !== null) ran += 1;
  return ran;
}

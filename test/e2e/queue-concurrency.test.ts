import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox, type SandboxAccount } from '../../src/sandbox/index.js';
import { openOperations, spawnWorker, tempStore, waitUntilSettled, workerEnv, type WorkerProcess } from './queue-helpers.js';

const ORDERS = 30;

const ACCOUNT: SandboxAccount = {
  username: 'busy-client',
  password: 'Busy-Pa55',
  balance: 100_000,
  domains: ['example.ru'],
  prices: { srv_hosting_ispmgr: 150 },
};

describe('three queue processes on one store', () => {
  let sandbox: Sandbox;
  const workers: WorkerProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await sandbox.close();
  });

  it('sends billing calls one at a time, each once', async () => {
    // Every billing call stays open 30 ms in the sandbox, so two sent at once would overlap there.
    sandbox = await startSandbox({ accounts: [ACCOUNT], billingHoldMs: 30 });
    const { storeUrl, remove } = tempStore();
    cleanups.push(remove);
    const local = await openOperations(sandbox, ACCOUNT, storeUrl);
    cleanups.push(() => local.close());

    // Each process approves whatever is pending (racing the others) and runs the queue.
    const names = ['one', 'two', 'three'];
    workers.push(...(await Promise.all(names.map((name) => spawnWorker(workerEnv(sandbox, ACCOUNT, storeUrl, { WORKER_ID: name, APPROVE_AS: `slack:U-${name}` }))))));

    const ids: string[] = [];
    for (let index = 0; index < ORDERS; index += 1) {
      const proposed = await local.operations.propose({
        path: 'service/create',
        input: { servtype: 'srv_hosting_ispmgr', domain_name: `shop${index}.ru`, period: 1 },
        requestedBy: 'slack:U1',
      });
      ids.push(proposed.id);
    }
    const settled = await waitUntilSettled(local.operations, ids, 40_000);

    expect(settled.map((operation) => operation.state)).toEqual(Array(ORDERS).fill('done'));
    expect(sandbox.counters.maxConcurrentBilling).toBe(1);
    expect(sandbox.counters.billingLockAnswers).toBe(0);
    const services = sandbox.state(ACCOUNT.username)!.services.filter((service) => service.servtype === 'srv_hosting_ispmgr');
    expect(services).toHaveLength(ORDERS);
    expect(new Set(services.map((service) => service.user_servid))).toEqual(new Set(ids));
    const creates = sandbox.requests.filter((request) => request.path.endsWith('/service/create'));
    expect(creates).toHaveLength(ORDERS);

    for (const id of ids) {
      const journal = await local.operations.journal(id);
      expect(journal.filter((entry) => entry.kind === 'decision')).toHaveLength(1);
      const requests = journal.filter((entry) => entry.kind === 'request');
      expect(requests).toHaveLength(1);
      expect(names).toContain(requests[0]!.actor);
    }
  });
});

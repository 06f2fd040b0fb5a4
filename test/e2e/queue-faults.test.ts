import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox, type SandboxAccount } from '../../src/sandbox/index.js';
import { openOperations, spawnWorker, tempStore, waitUntilSettled, workerEnv, type WorkerProcess } from './queue-helpers.js';

const ORDERS = 15;
const DNS_CHANGES = 15;

const ACCOUNT: SandboxAccount = {
  username: 'flaky-client',
  password: 'Flaky-Pa55',
  balance: 100_000,
  domains: ['example.ru'],
  prices: { srv_hosting_ispmgr: 150 },
};

describe('queue under injected faults', () => {
  let sandbox: Sandbox;
  const workers: WorkerProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await sandbox.close();
  });

  it('settles every operation without duplicates', async () => {
    sandbox = await startSandbox({ accounts: [ACCOUNT], seed: 7 });
    const { storeUrl, remove } = tempStore();
    cleanups.push(remove);
    const local = await openOperations(sandbox, ACCOUNT, storeUrl);
    cleanups.push(() => local.close());

    const orders: string[] = [];
    const changes: string[] = [];
    for (let index = 0; index < ORDERS; index += 1) {
      const proposed = await local.operations.propose({
        path: 'service/create',
        input: { servtype: 'srv_hosting_ispmgr', domain_name: `shop${index}.ru`, period: 1 },
        requestedBy: 'slack:U1',
      });
      orders.push(proposed.id);
    }
    for (let index = 0; index < DNS_CHANGES; index += 1) {
      const proposed = await local.operations.propose({
        path: 'zone/add_txt',
        input: { domains: [{ dname: 'example.ru' }], subdomain: `check${index}`, text: `value-${index}` },
        requestedBy: 'slack:U1',
      });
      changes.push(proposed.id);
    }
    for (const id of [...orders, ...changes]) await local.operations.approve(id, { by: 'slack:U2', tier: 'slack' });

    // About one answer in five goes wrong: HTTP 503, a dropped connection or a 300 ms delay, each
    // on any method, previews and reconciliation lookups included.
    sandbox.faults.add({ path: '*', kind: 'status503', probability: 0.08 });
    sandbox.faults.add({ path: '*', kind: 'drop', probability: 0.08 });
    sandbox.faults.add({ path: '*', kind: 'delay', ms: 300, probability: 0.06 });
    // And the first sends of each kind surely fail, so both the retry and the reconciler run.
    sandbox.faults.add({ path: 'service/create', kind: 'drop', times: 2 });
    sandbox.faults.add({ path: 'zone/add_txt', kind: 'status503', times: 2 });

    const timing = { REGAPI_TIMEOUT_MS: '2000', LEASE_MS: '5000', RETRY_BASE_MS: '20', RETRY_MAX_MS: '200', MAX_ATTEMPTS: '10' };
    for (const name of ['one', 'two']) workers.push(await spawnWorker(workerEnv(sandbox, ACCOUNT, storeUrl, { ...timing, WORKER_ID: name })));
    const settled = await waitUntilSettled(local.operations, [...orders, ...changes], 45_000);
    const faulty = sandbox.requests.filter((request) => request.status === 0 || request.status === 503).length;

    expect(faulty).toBeGreaterThanOrEqual(4);
    expect(settled.some((operation) => operation.reconciled)).toBe(true);
    expect(settled.some((operation) => operation.attempts > 1)).toBe(true);
    for (const operation of settled) {
      expect(['done', 'failed']).toContain(operation.state);
      if (operation.state === 'failed') expect(operation.error?.code).toBeTruthy();
    }
    const services = sandbox.state(ACCOUNT.username)!.services;
    for (const operation of settled.filter((candidate) => candidate.path === 'service/create')) {
      const created = services.filter((service) => service.user_servid === operation.id);
      expect(created).toHaveLength(operation.state === 'done' ? 1 : 0);
    }
    const records = sandbox.state(ACCOUNT.username)!.zones.get('example.ru')!.records;
    for (const [index, id] of changes.entries()) {
      const operation = settled.find((candidate) => candidate.id === id)!;
      const added = records.filter((record) => record.subname === `check${index}` && record.content === `value-${index}`);
      expect(added).toHaveLength(operation.state === 'done' ? 1 : 0);
    }
  });
});

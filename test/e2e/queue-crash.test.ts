import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox, type SandboxAccount } from '../../src/sandbox/index.js';
import { openOperations, spawnWorker, tempStore, waitUntilSettled, workerEnv, type WorkerProcess } from './queue-helpers.js';

const ACCOUNT: SandboxAccount = {
  username: 'crash-client',
  password: 'Crash-Pa55',
  balance: 5000,
  domains: ['example.ru'],
  prices: { srv_hosting_ispmgr: 150 },
};

/**
 * The workers' HTTP timeout and lease in milliseconds, short so the test is quick: the lease is
 * longer than the timeout, as in production, and runs out 1.5 s after the first worker dies.
 */
const TIMING = { REGAPI_TIMEOUT_MS: '1000', LEASE_MS: '1500' };

describe('queue worker killed mid-request', () => {
  let sandbox: Sandbox;
  const workers: WorkerProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await sandbox.close();
  });

  it('reconciles the order after a restart', async () => {
    sandbox = await startSandbox({ accounts: [ACCOUNT] });
    const { storeUrl, remove } = tempStore();
    cleanups.push(remove);
    const local = await openOperations(sandbox, ACCOUNT, storeUrl);
    cleanups.push(() => local.close());

    const proposed = await local.operations.propose({
      path: 'service/create',
      input: { servtype: 'srv_hosting_ispmgr', domain_name: 'shop.ru', period: 1 },
      requestedBy: 'slack:U1',
    });
    await local.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    // The sandbox creates the order and then holds its answer far longer than the test runs.
    sandbox.faults.add({ path: 'service/create', kind: 'hold', ms: 60_000, times: 1 });

    const first = await spawnWorker(workerEnv(sandbox, ACCOUNT, storeUrl, { ...TIMING, WORKER_ID: 'first'}));
    workers.push(first);
    const ordered = () => sandbox.state(ACCOUNT.username)!.services.filter((service) => service.user_servid === proposed.id);
    for (let waited = 0; ordered().length === 0 && waited < 10_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    expect(ordered()).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.stop();
    expect((await local.operations.get(proposed.id))?.state).toBe('sending');

    const second = await spawnWorker(workerEnv(sandbox, ACCOUNT, storeUrl, { ...TIMING, WORKER_ID: 'second'}));
    workers.push(second);
    const [settled] = await waitUntilSettled(local.operations, [proposed.id], 20_000);

    expect(settled?.state).toBe('done');
    expect(settled?.reconciled).toBe(true);
    expect(ordered()).toHaveLength(1);
    expect(sandbox.state(ACCOUNT.username)!.services.filter((service) => service.dname === 'shop.ru')).toHaveLength(1);
    const journal = await local.operations.journal(proposed.id);
    const takeover = journal.find((entry) => entry.kind === 'state' && entry.data.to === 'outcome_unknown');
    expect(String(takeover?.data.reason)).toContain('first');
    const reconcile = journal.find((entry) => entry.kind === 'reconcile');
    expect(reconcile?.actor).toBe('second');
    expect(reconcile?.data).toMatchObject({ verdict: 'done', evidence: { user_servid: proposed.id } });
    expect(journal.filter((entry) => entry.kind === 'request')).toHaveLength(1);
  });
});

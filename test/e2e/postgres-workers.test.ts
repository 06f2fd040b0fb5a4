/**
 * Three `regapi2 worker` processes on one PostgreSQL database and the sandbox: the queue keeps one
 * balance-changing call per account in flight across the replicas, sends nothing twice, and a
 * replica killed mid-request is reconciled by another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config/index.js';
import { createCore, type Core } from '../../src/core/core.js';
import { silentLogger } from '../../src/core/log.js';
import { createOperations, FINAL_STATES, type Operations, type OperationRecord } from '../../src/core/operations/index.js';
import { openStore } from '../../src/core/store/index.js';
import { queueNameFor } from '../../src/core/store/postgres/index.js';
import type { Store } from '../../src/core/store/types.js';
import { startSandbox, type RecordedRequest, type Sandbox } from '../../src/sandbox/index.js';
import { createTestDatabase, usePostgres, type TestCluster } from '../support/postgres.js';

const MAIN = join(import.meta.dirname, '../../dist/cli/main.js');
const ACCOUNT = 'acme';
const PASSWORD = 'acme-sandbox-password';
const ZONE = 'acme.ru';

let cluster: TestCluster;
let home: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the end-to-end tests`);
  cluster = await usePostgres();
  home = mkdtempSync(join(tmpdir(), 'regapi2-e2e-home-'));
});

afterAll(async () => {
  await cluster?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

interface Deployment {
  sandbox: Sandbox;
  storeUrl: string;
  store: Store;
  core: Core;
  operations: Operations;
  close(): Promise<void>;
}

/** Starts a sandbox with one partner account, creates a fresh database, and opens the operations API a person proposes and approves with. */
async function deploy(): Promise<Deployment> {
  const sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    accounts: [{ username: ACCOUNT, password: PASSWORD, partner: true, balance: 1_000_000, domains: [ZONE], prices: { ru: 199 } }],
    rateLimit: { account: 100_000, ip: 100_000 },
    // Each billing call stays open a little after it ran, so two overlapping calls would be counted.
    billingHoldMs: 20,
  });
  const storeUrl = await createTestDatabase(cluster.url);
  const config = loadConfig({ flags: {}, env: replicaEnv(sandbox, storeUrl), homeDir: home });
  const store = await openStore(storeUrl);
  const core = createCore({ config, logger: silentLogger, store });
  const operations = createOperations({ core, store, workerId: 'proposer' });
  return {
    sandbox,
    storeUrl,
    store,
    core,
    operations,
    async close() {
      await core.close();
      await store.close();
      await sandbox.close();
    },
  };
}

function replicaEnv(sandbox: Sandbox, storeUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    REGAPI_URL: sandbox.url,
    REGAPI_USERNAME: ACCOUNT,
    REGAPI_PASSWORD: PASSWORD,
    REGAPI_STORE: storeUrl,
    REGAPI_RATE_BUDGET: '100000',
    REGAPI_LOG_LEVEL: 'info',
    ...extra,
  };
}

interface Replica {
  id: string;
  process: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Replica[] = [];

afterEach(async () => {
  for (const replica of running.splice(0)) {
    if (replica.process.exitCode === null && replica.process.signalCode === null) replica.process.kill('SIGKILL');
    await replica.exited;
  }
});

/** Starts `regapi2 worker` and resolves once it logged that its queue worker runs. */
async function startWorker(id: string, env: Record<string, string>, extraArgs: string[] = []): Promise<Replica> {
  const child = spawn(process.execPath, [MAIN, 'worker', '--worker-id', id, '--poll-ms', '100', ...extraArgs], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const replica: Replica = { id, process: child, stderr: () => stderr, exited };
  running.push(replica);

  const deadline = Date.now() + 20_000;
  while (!stderr.includes('queue worker running')) {
    if (child.exitCode !== null) throw new Error(`worker ${id} exited with ${child.exitCode} before it ran:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`worker ${id} did not report running within 20 s:\n${stderr}`);
    await delay(50);
  }
  return replica;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs` with `what`. */
async function eventually<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(100);
  }
}

async function proposeAndApprove(operations: Operations, path: string, input: Record<string, unknown>): Promise<OperationRecord> {
  const proposed = await operations.propose({ path, input, requestedBy: 'cli:alice' });
  expect(proposed.state, `${path} ${JSON.stringify(input)} was not proposed: ${JSON.stringify(proposed.error)}`).toBe('awaiting_approval');
  return await operations.approve(proposed.id, { by: 'cli:bob', tier: 'terminal', confirmation: proposed.preview?.confirmWith });
}

function domainOrder(name: string): Record<string, unknown> {
  return { domain_name: name, period: 1, profile_type: 'RU.PP', profile_name: 'acme', not_delegated: 1, enduser_ip: '127.0.0.1' };
}

/** Parses the `input_data` of each recorded request to `path`. */
function inputsOf(requests: readonly RecordedRequest[], path: string): Record<string, unknown>[] {
  return requests
    .filter((request) => request.path.endsWith(`/${path}`))
    .map((request) => JSON.parse(String(request.fields.input_data ?? '{}')) as Record<string, unknown>);
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

// The first and the last case start three processes each and run for many seconds on a loaded
// machine, so they get longer timeouts than the configured 60 s.
describe('regapi2 worker replicas on PostgreSQL', () => {
  it('three replicas run 100 operations once each', async () => {
    const deployment = await deploy();
    try {
      const { operations, sandbox, store } = deployment;
      const names: string[] = [];
      const texts: string[] = [];
      const ids: string[] = [];
      for (let index = 0; index < 100; index += 1) {
        if (index % 3 === 0) {
          const name = `order-${index}.ru`;
          names.push(name);
          ids.push((await proposeAndApprove(operations, 'domain/create', domainOrder(name))).id);
        } else {
          const text = `replica-check-${index}`;
          texts.push(text);
          ids.push((await proposeAndApprove(operations, 'zone/add_txt', { domains: [{ dname: ZONE }], subdomain: '@', text })).id);
        }
      }
      expect(names).toHaveLength(34);
      expect((await store.listOperations({ states: ['queued'] })).length).toBe(100);
      const billingBefore = sandbox.counters.billingCalls;

      const env = replicaEnv(sandbox, deployment.storeUrl);
      const replicas = await Promise.all(['w1', 'w2', 'w3'].map(async (id) => await startWorker(id, env)));

      const finished = await eventually('every operation to finish', 150_000, async () => {
        const open = await store.listOperations({ states: ['queued', 'sending', 'outcome_unknown', 'approved'] });
        return open.length === 0 ? await store.listOperations({}) : undefined;
      });

      expect(finished).toHaveLength(100);
      const notDone = finished.filter((operation) => operation.state !== 'done');
      expect(notDone.map((operation) => `${operation.path} ${operation.state} ${JSON.stringify(operation.error)}`)).toEqual([]);

      // REG.API's BILLING_LOCK rule: one balance-changing call per account at a time.
      expect(sandbox.counters.maxConcurrentBilling).toBe(1);
      expect(sandbox.counters.billingLockAnswers).toBe(0);
      expect(sandbox.counters.billingCalls - billingBefore).toBe(34);

      const orderCounts = countBy(inputsOf(sandbox.requests, 'domain/create').map((input) => String(input.domain_name)));
      expect([...orderCounts.keys()].sort()).toEqual([...names].sort());
      expect([...orderCounts.values()].every((count) => count === 1)).toBe(true);
      const txtCounts = countBy(inputsOf(sandbox.requests, 'zone/add_txt').map((input) => String(input.text)));
      expect([...txtCounts.keys()].sort()).toEqual([...texts].sort());
      expect([...txtCounts.values()].every((count) => count === 1)).toBe(true);

      const services = sandbox.state(ACCOUNT)!.services.map((service) => service.dname);
      for (const name of names) expect(services.filter((dname) => dname === name)).toHaveLength(1);

      const senders = new Set<string>();
      for (const id of ids) {
        const requests = (await store.listJournal(id)).filter((entry) => entry.kind === 'request');
        expect(requests, `operation ${id} was sent ${requests.length} times`).toHaveLength(1);
        senders.add(String(requests[0].actor));
      }
      expect([...senders].every((sender) => ['w1', 'w2', 'w3'].includes(sender))).toBe(true);

      // pg-boss delivered the work: the account's queue contains completed jobs and no active one.
      const client = new pg.Client({ connectionString: deployment.storeUrl });
      await client.connect();
      const { rows } = await client.query<{ state: string; count: string }>(
        'SELECT state, count(*) AS count FROM regapi2_jobs.job WHERE name = $1 GROUP BY state',
        [queueNameFor(ACCOUNT)],
      );
      await client.end();
      const jobs = Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
      expect(jobs.completed).toBeGreaterThan(0);
      expect(jobs.active ?? 0).toBe(0);

      for (const replica of replicas) replica.process.kill('SIGTERM');
      const codes = await Promise.all(replicas.map(async (replica) => await replica.exited));
      expect(codes).toEqual([0, 0, 0]);
    } finally {
      await deployment.close();
    }
  }, 180_000);

  it('SIGTERM lets the request in flight finish', async () => {
    const deployment = await deploy();
    try {
      const { operations, sandbox, store } = deployment;
      const name = 'graceful-order.ru';
      sandbox.faults.add({ path: 'domain/create', kind: 'hold', ms: 2_000, times: 1 });
      const order = await proposeAndApprove(operations, 'domain/create', domainOrder(name));
      const replica = await startWorker('g1', replicaEnv(sandbox, deployment.storeUrl));

      await eventually('the order to reach the sandbox', 20_000, async () => {
        const ordered = sandbox.state(ACCOUNT)!.services.some((service) => service.dname === name);
        return ordered ? true : undefined;
      });
      replica.process.kill('SIGTERM');
      expect(await replica.exited).toBe(0);

      const finished = await store.getOperation(order.id);
      expect(finished?.state).toBe('done');
      expect(finished?.reconciled).toBe(false);
      expect(replica.stderr()).toContain('queue worker stopped');
    } finally {
      await deployment.close();
    }
  });

  it('worker rejects a lease shorter than the timeout', async () => {
    const child = spawn(process.execPath, [MAIN, 'worker', '--lease-ms', '1000', '--store', 'sqlite::memory:'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, REGAPI_TIMEOUT_MS: '5000', REGAPI_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(2);
    expect(stderr).toContain('--lease-ms 1000 is not longer than the response timeout of 5000 ms');
  });

  it('replica killed mid-request is reconciled once', async () => {
    const deployment = await deploy();
    try {
      const { operations, sandbox, store } = deployment;
      const name = 'crash-order.ru';
      // The order runs at REG.RU, then the response is held back long enough to kill the sender first.
      sandbox.faults.add({ path: 'domain/create', kind: 'hold', ms: 15_000, times: 1 });
      const order = await proposeAndApprove(operations, 'domain/create', domainOrder(name));

      // A short lease so the test waits seconds, not the default minute and a half.
      const env = replicaEnv(sandbox, deployment.storeUrl, { REGAPI_TIMEOUT_MS: '5000' });
      const replicas = await Promise.all(['k1', 'k2', 'k3'].map(async (id) => await startWorker(id, env, ['--lease-ms', '6000'])));

      const sender = await eventually('the order to reach the sandbox', 20_000, async () => {
        const ordered = sandbox.state(ACCOUNT)!.services.some((service) => service.dname === name);
        const current = await store.getOperation(order.id);
        return ordered && current?.state === 'sending' ? current.leaseOwner! : undefined;
      });
      const victim = replicas.find((replica) => replica.id === sender)!;
      victim.process.kill('SIGKILL');
      expect(await victim.exited).toBeNull();

      const settled = await eventually('another replica to reconcile the order', 30_000, async () => {
        const current = await store.getOperation(order.id);
        return current !== null && FINAL_STATES.includes(current.state) ? current : undefined;
      });
      expect(settled.state).toBe('done');
      expect(settled.reconciled).toBe(true);

      const journal = await store.listJournal(order.id);
      const reconcilers = journal.filter((entry) => entry.kind === 'reconcile').map((entry) => entry.actor);
      expect(reconcilers.length).toBeGreaterThan(0);
      expect(reconcilers).not.toContain(sender);
      expect(journal.filter((entry) => entry.kind === 'request')).toHaveLength(1);

      expect(inputsOf(sandbox.requests, 'domain/create').filter((input) => input.domain_name === name)).toHaveLength(1);
      expect(sandbox.state(ACCOUNT)!.services.filter((service) => service.dname === name)).toHaveLength(1);

      // The account's lane is free again: the next operation runs on a surviving replica.
      const next = await proposeAndApprove(operations, 'zone/add_txt', { domains: [{ dname: ZONE }], subdomain: '@', text: 'after-crash' });
      const nextDone = await eventually('the next operation to finish', 20_000, async () => {
        const current = await store.getOperation(next.id);
        return current !== null && FINAL_STATES.includes(current.state) ? current : undefined;
      });
      expect(nextDone.state).toBe('done');
    } finally {
      await deployment.close();
    }
  }, 120_000);
});

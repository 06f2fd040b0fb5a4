import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationRecord } from '../../../src/core/operations/types.js';
import { redactStoreUrl } from '../../../src/core/store/index.js';
import { openPostgresStore, queueNameFor, type PostgresStore } from '../../../src/core/store/postgres/index.js';
import type { NewOperation } from '../../../src/core/store/types.js';
import { createTestDatabase, usePostgres, type TestCluster } from '../../support/postgres.js';

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await usePostgres();
});

afterAll(async () => {
  await cluster?.stop();
});

function newOperation(account: string, createdAt: Date, state: NewOperation['state'] = 'queued'): NewOperation {
  return {
    id: randomBytes(16).toString('hex'),
    account,
    path: 'domain/create',
    effect: 'billing',
    input: { domains: [{ dname: 'example.ru' }] },
    state,
    preview: null,
    requestedBy: 'cli:test',
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + 4 * 3600_000).toISOString(),
    meta: {},
  };
}

async function openStores(url: string, count: number): Promise<PostgresStore[]> {
  return await Promise.all(Array.from({ length: count }, async () => await openPostgresStore({ url, poolSize: 4 })));
}

async function closeStores(stores: PostgresStore[]): Promise<void> {
  await Promise.all(stores.map(async (store) => await store.close()));
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL store migrations', () => {
  it('three replicas migrating at once leave one schema', async () => {
    const url = await createTestDatabase(cluster.url);
    const stores = await openStores(url, 3);
    // The first queue step of each replica starts pg-boss, which migrates its own schema.
    const claims = await Promise.all(stores.map(async (store, index) => await store.claimNext(`w${index}`, 30_000, new Date(), { account: 'alpha' })));
    expect(claims).toEqual([null, null, null]);
    await closeStores(stores);

    const versions = await query<{ version: number }>(url, 'SELECT version FROM regapi2.schema_version ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual([1]);

    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'regapi2' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(['budget_events', 'cache', 'journal', 'once_keys', 'operations', 'schema_version', 'settings']);

    const queues = await query<{ name: string; policy: string; retry_limit: number }>(url, 'SELECT name, policy, retry_limit FROM regapi2_jobs.queue');
    expect(queues).toEqual([{ name: 'regapi2-ops.alpha', policy: 'singleton', retry_limit: 0 }]);
  });

  it('newer schema version is rejected', async () => {
    const url = await createTestDatabase(cluster.url);
    const first = await openPostgresStore({ url });
    await first.close();
    await query(url, "INSERT INTO regapi2.schema_version (version, description) VALUES (999, 'from a newer release')");

    await expect(openPostgresStore({ url })).rejects.toThrow(/version 999, newer than version 1 of this build/);
  });

  it('schema parameter in the URL selects the schema', async () => {
    const url = await createTestDatabase(cluster.url);
    const store = await openPostgresStore({ url: `${url}?schema=staging` });
    await store.setSetting('user', 'lang', 'en');
    await store.close();

    const rows = await query<{ value: string }>(url, "SELECT value FROM staging.settings WHERE scope = 'user' AND key = 'lang'");
    expect(rows).toEqual([{ value: 'en' }]);
  });

  it('invalid schema name is rejected', async () => {
    await expect(openPostgresStore({ url: cluster.url, schema: 'Bad-Name' })).rejects.toThrow(/invalid PostgreSQL schema name "Bad-Name"/);
  });
});

describe('PostgreSQL store claimNext', () => {
  it('three replicas keep one sending operation per account', async () => {
    const url = await createTestDatabase(cluster.url);
    const stores = await openStores(url, 3);
    const accounts = ['alpha', 'beta', 'gamma'];
    const start = Date.now() - 60_000;
    const inserted: OperationRecord[] = [];
    for (let index = 0; index < 30; index += 1) {
      inserted.push(await stores[index % 3].insertOperation(newOperation(accounts[index % 3], new Date(start + index))));
    }

    const finished: string[] = [];
    const overlaps: string[] = [];
    const sendingNow = new Map<string, string>();

    // Each replica runs one claim loop per account and one for any account, so twelve claimers compete.
    const claimLoop = async (store: PostgresStore, workerId: string, account?: string): Promise<void> => {
      let idleRounds = 0;
      while (idleRounds < 5) {
        const claimed = await store.claimNext(workerId, 30_000, new Date(), account === undefined ? {} : { account });
        if (claimed === null) {
          idleRounds += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        idleRounds = 0;
        if (sendingNow.has(claimed.account)) overlaps.push(`${claimed.account}: ${sendingNow.get(claimed.account)} and ${claimed.id}`);
        sendingNow.set(claimed.account, claimed.id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        sendingNow.delete(claimed.account);
        const done = await store.updateOperation(claimed.id, { states: ['sending'] }, { state: 'done', leaseOwner: null, leaseUntil: null });
        expect(done?.state).toBe('done');
        finished.push(claimed.id);
      }
    };
    await Promise.all(
      stores.flatMap((store, index) => [...accounts.map(async (account) => await claimLoop(store, `w${index}-${account}`, account)), claimLoop(store, `w${index}-any`)]),
    );

    expect(overlaps).toEqual([]);
    expect(finished).toHaveLength(30);
    expect(new Set(finished).size).toBe(30);
    expect(new Set(finished)).toEqual(new Set(inserted.map((operation) => operation.id)));

    const jobStates = await query<{ state: string; count: string }>(
      url,
      "SELECT state, count(*) AS count FROM regapi2_jobs.job WHERE name LIKE 'regapi2-ops.%' GROUP BY state",
    );
    expect(jobStates.filter((row) => row.state === 'active' || row.state === 'created')).toEqual([]);
    await closeStores(stores);
  });

  it('operations of one account run oldest first', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    const base = Date.now() - 60_000;
    const later = await store.insertOperation(newOperation('solo', new Date(base + 1000)));
    const earlier = await store.insertOperation(newOperation('solo', new Date(base)));

    const first = await store.claimNext('w1', 30_000, new Date());
    expect(first?.id).toBe(earlier.id);
    expect(first?.state).toBe('sending');
    expect(first?.leaseOwner).toBe('w1');
    expect(await store.claimNext('w2', 30_000, new Date())).toBeNull();

    await store.updateOperation(earlier.id, { states: ['sending'] }, { state: 'done' });
    const second = await store.claimNext('w2', 30_000, new Date());
    expect(second?.id).toBe(later.id);
    await store.close();
  });

  it('expired lease frees the account', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    const base = Date.now() - 60_000;
    const stuck = await store.insertOperation(newOperation('crashy', new Date(base)));
    const next = await store.insertOperation(newOperation('crashy', new Date(base + 1)));

    // Fixed clock readings, so a slow machine cannot let the lease run out between the calls.
    const claimedAt = new Date();
    const claimed = await store.claimNext('dead-worker', 1_000, claimedAt, { account: 'crashy' });
    expect(claimed?.id).toBe(stuck.id);
    expect(await store.claimNext('w2', 1_000, new Date(claimedAt.getTime() + 500), { account: 'crashy' })).toBeNull();

    const afterLease = new Date(claimedAt.getTime() + 2_000);
    const taken = await store.claimNext('w2', 1_000, afterLease, { account: 'crashy' });
    expect(taken?.id).toBe(next.id);
    await store.close();
  });

  it('backoff delays the claim until notBefore', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    const operation = await store.insertOperation(newOperation('busy', new Date(Date.now() - 1000)));
    const claimed = await store.claimNext('w1', 30_000, new Date());
    expect(claimed?.id).toBe(operation.id);

    const retryAt = new Date(Date.now() + 60_000);
    const requeued = await store.updateOperation(operation.id, { states: ['sending'] }, { state: 'queued', notBefore: retryAt.toISOString(), leaseOwner: null, leaseUntil: null });
    expect(requeued?.state).toBe('queued');
    expect(await store.claimNext('w1', 30_000, new Date())).toBeNull();

    const due = await store.claimNext('w1', 30_000, new Date(retryAt.getTime() + 1));
    expect(due?.id).toBe(operation.id);
    await store.close();
  });

  it('claimed operation holds its pg-boss job', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    const operation = await store.insertOperation(newOperation('tracked', new Date(Date.now() - 1000)));
    const jobsOf = async (): Promise<Array<{ state: string }>> =>
      await query<{ state: string }>(url, "SELECT state FROM regapi2_jobs.job WHERE name = $1 AND data->>'operationId' = $2", [queueNameFor('tracked'), operation.id]);

    expect(await jobsOf()).toEqual([{ state: 'created' }]);
    await store.claimNext('w1', 30_000, new Date(), { account: 'tracked' });
    expect(await jobsOf()).toEqual([{ state: 'active' }]);
    await store.updateOperation(operation.id, { states: ['sending'] }, { state: 'done' });
    expect(await jobsOf()).toEqual([{ state: 'completed' }]);
    await store.close();
  });
  it('lost pg-boss jobs do not strand operations', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    const operation = await store.insertOperation(newOperation('orphan', new Date(Date.now() - 1000)));
    await query(url, 'DELETE FROM regapi2_jobs.job WHERE name = $1', [queueNameFor('orphan')]);

    const claimed = await store.claimNext('w1', 30_000, new Date(), { account: 'orphan' });
    expect(claimed?.id).toBe(operation.id);
    const finished = await store.updateOperation(operation.id, { states: ['sending'] }, { state: 'done' });
    expect(finished?.state).toBe('done');
    await store.close();
  });

  it('broken pg-boss still lets the queue run', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    expect(await store.claimNext('w1', 30_000, new Date(), { account: 'no-boss' })).toBeNull();
    await query(url, 'ALTER SCHEMA regapi2_jobs RENAME TO regapi2_jobs_gone');

    const operation = await store.insertOperation(newOperation('no-boss', new Date(Date.now() - 1000)));
    expect(operation.state).toBe('queued');
    const claimed = await store.claimNext('w1', 30_000, new Date(), { account: 'no-boss' });
    expect(claimed?.id).toBe(operation.id);
    const finished = await store.updateOperation(operation.id, { states: ['sending'] }, { state: 'done' });
    expect(finished?.state).toBe('done');
    await store.close();
  });
});

describe('PostgreSQL store shared state', () => {
  it('budget is shared by three replicas', async () => {
    const url = await createTestDatabase(cluster.url);
    const stores = await openStores(url, 3);
    const now = Date.now();
    const decisions = await Promise.all(
      Array.from({ length: 90 }, async (_, index) => await stores[index % 3].takeBudget(['account:acme', 'ip:127.0.0.1'], 60, 3_600_000, now + index)),
    );

    const granted = decisions.filter((decision) => decision.granted);
    const refused = decisions.filter((decision) => !decision.granted);
    expect(granted).toHaveLength(60);
    expect(refused).toHaveLength(30);
    for (const decision of refused) {
      const retryAt = decision.granted ? 0 : decision.retryAt;
      expect(retryAt).toBeGreaterThanOrEqual(now + 3_600_000);
    }
    await closeStores(stores);
  });

  it('budget frees slots as the window slides', async () => {
    const url = await createTestDatabase(cluster.url);
    const [store] = await openStores(url, 1);
    expect(await store.takeBudget(['k'], 2, 1_000, 10_000)).toEqual({ granted: true });
    expect(await store.takeBudget(['k'], 2, 1_000, 10_500)).toEqual({ granted: true });
    expect(await store.takeBudget(['k'], 2, 1_000, 10_600)).toEqual({ granted: false, retryAt: 11_000 });
    expect(await store.takeBudget(['k'], 2, 1_000, 11_000)).toEqual({ granted: true });
    expect(await store.takeBudget(['k', 'other'], 2, 1_000, 11_100)).toEqual({ granted: false, retryAt: 11_500 });
    expect(await store.takeBudget(['other'], 2, 1_000, 11_100)).toEqual({ granted: true });
    await store.close();
  });

  it('claimOnce has one winner across replicas', async () => {
    const url = await createTestDatabase(cluster.url);
    const stores = await openStores(url, 3);
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 12 }, async (_, index) => await stores[index % 3].claimOnce('slack:retry:1', 60_000, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await stores[0].claimOnce('slack:retry:1', 60_000, now + 60_000)).toBe(true);
    await closeStores(stores);
  });
});

describe('PostgreSQL store URL in messages', () => {
  it.each([
    ['postgres://regapi2:s3cret@db.example:5432/regapi2?schema=x', 'postgres://regapi2:[redacted]@db.example:5432/regapi2?schema=x'],
    ['postgresql://regapi2:p%40ss@db.example/regapi2', 'postgresql://regapi2:[redacted]@db.example/regapi2'],
    ['postgres://regapi2@db.example/regapi2', 'postgres://regapi2@db.example/regapi2'],
    ['postgres://db.example:5432/regapi2', 'postgres://db.example:5432/regapi2'],
    ['sqlite:~/.regapi2.db', 'sqlite:~/.regapi2.db'],
  ])('redacts the password of %s', (url, expected) => {
    expect(redactStoreUrl(url)).toBe(expected);
  });
});

describe('PostgreSQL store queue names', () => {
  it.each([
    ['acme', 'regapi2-ops.acme'],
    ['user_1.test-2', 'regapi2-ops.user_1.test-2'],
    ['admin@example.ru', 'regapi2-ops.sha256-'],
  ])('names the queue of %s', (account, expected) => {
    expect(queueNameFor(account).startsWith(expected)).toBe(true);
    expect(queueNameFor(account)).toMatch(/^[\w.\-/]+$/);
  });
});

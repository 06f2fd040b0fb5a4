import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../../src/core/store/index.js';
import type { Store } from '../../../src/core/store/types.js';
import { createTestDatabase, usePostgres, type TestCluster } from '../../support/postgres.js';
import { runStoreContract } from './contract.js';

let cluster: TestCluster;
let databaseUrl: string;

beforeAll(async () => {
  cluster = await usePostgres();
  databaseUrl = await createTestDatabase(cluster.url);
});

afterAll(async () => {
  await cluster?.stop();
});

// Each case gets its own schema (and pg-boss schema) in one database, which is faster than a database per case.
runStoreContract('postgres', async () => {
  const schema = `contract_${randomBytes(5).toString('hex')}`;
  const url = `${databaseUrl}?schema=${schema}`;
  const opened: Store[] = [];
  const store = await openStore(url);
  opened.push(store);
  return {
    store,
    async openAnother() {
      const another = await openStore(url);
      opened.push(another);
      return another;
    },
    async dispose() {
      for (const connection of opened) await connection.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
      await client.end();
    },
  };
});

/**
 * Three `regapi2 console` processes start on one fresh PostgreSQL database at the same moment and
 * read through a shared budget of 60 requests per window. The schema must be created once, and the
 * sandbox must receive at most 60 requests from all of them together.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createTestDatabase, usePostgres, type TestCluster } from '../support/postgres.js';

const MAIN = join(import.meta.dirname, '../../dist/cli/main.js');
const ACCOUNT = 'acme';
const PASSWORD = 'acme-sandbox-password';
const BUDGET = 60;
const CHECKS_PER_REPLICA = 40;

let cluster: TestCluster;
let sandbox: Sandbox;
let home: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the end-to-end tests`);
  cluster = await usePostgres();
  sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    accounts: [{ username: ACCOUNT, password: PASSWORD, partner: true, prices: { ru: 199 } }],
    // The sandbox's own limit stays far above the budget, so every refusal comes from regapi2.
    rateLimit: { account: 10_000, ip: 10_000 },
  });
  home = mkdtempSync(join(tmpdir(), 'regapi2-e2e-home-'));
});

afterAll(async () => {
  await sandbox?.close();
  await cluster?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

interface ReplicaResult {
  granted: number;
  limited: number;
  code: number | null;
  stderr: string;
}

/** Runs `regapi2 console` with a script on stdin that checks distinct domains and counts refusals. */
async function readingReplica(lane: number, storeUrl: string): Promise<ReplicaResult> {
  const child = spawn(process.execPath, [MAIN, 'console'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      REGAPI_URL: sandbox.url,
      REGAPI_USERNAME: ACCOUNT,
      REGAPI_PASSWORD: PASSWORD,
      REGAPI_STORE: storeUrl,
      REGAPI_RATE_BUDGET: String(BUDGET),
      REGAPI_RATE_WINDOW_MS: '3600000',
      REGAPI_LOG_LEVEL: 'warn',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  // One line: the REPL reads further lines while an awaited line still runs, so `.exit` is sent
  // only after the result line has arrived.
  const script =
    `let granted = 0, limited = 0; for (let i = 0; i < ${CHECKS_PER_REPLICA}; i++) { try { await domain.check({ domain_name: 'lane${lane}-' + i + '.ru' }); granted++; } catch (error) { if (error.code === 'RATE_BUDGET_EXHAUSTED') limited++; else throw error; } } ` +
    "process.stdout.write('RESULT ' + JSON.stringify({ granted, limited }) + '\\n');\n";
  child.stdin.write(script);
  const deadline = Date.now() + 60_000;
  while (!/RESULT \{.*\}\n|Uncaught/.test(stdout) && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.stdin.end('.exit\n');

  const code = await exited;
  const line = stdout.split('\n').find((text) => /RESULT \{/.test(text));
  if (line === undefined) throw new Error(`replica ${lane} printed no result (exit ${code}):\n${stdout}\n${stderr}`);
  const counts = JSON.parse(line.slice(line.indexOf('RESULT ') + 'RESULT '.length)) as { granted: number; limited: number };
  return { ...counts, code, stderr };
}

describe('shared rate budget on PostgreSQL', () => {
  it('three reading replicas stay within 60', async () => {
    const storeUrl = await createTestDatabase(cluster.url);
    const before = sandbox.counters.requestsByAccount[ACCOUNT] ?? 0;

    const results = await Promise.all([1, 2, 3].map(async (lane) => await readingReplica(lane, storeUrl)));

    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const granted = results.reduce((sum, result) => sum + result.granted, 0);
    const limited = results.reduce((sum, result) => sum + result.limited, 0);
    expect(granted).toBe(BUDGET);
    expect(limited).toBe(3 * CHECKS_PER_REPLICA - BUDGET);
    expect((sandbox.counters.requestsByAccount[ACCOUNT] ?? 0) - before).toBe(BUDGET);

    // The three processes migrated the fresh database at the same moment and left one schema.
    const client = new pg.Client({ connectionString: storeUrl });
    await client.connect();
    try {
      const versions = await client.query<{ version: number }>('SELECT version FROM regapi2.schema_version ORDER BY version');
      expect(versions.rows.map((row) => row.version)).toEqual([1]);
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'regapi2' ORDER BY table_name",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(['budget_events', 'cache', 'journal', 'once_keys', 'operations', 'schema_version', 'settings']);
    } finally {
      await client.end();
    }
  });
});

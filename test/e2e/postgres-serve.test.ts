/**
 * Two `regapi2 serve` replicas on one PostgreSQL database. A write confirmed in one replica's MCP
 * client runs once, and the other replica reports the same operation. A write approved with
 * `regapi2 ops approve` while the MCP call waits also runs once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createTestDatabase, usePostgres, type TestCluster } from '../support/postgres.js';

const MAIN = join(import.meta.dirname, '../../dist/cli/main.js');
const ACCOUNT = 'acme';
const PASSWORD = 'acme-sandbox-password';
const ZONE = 'acme.ru';
const TOKEN = 'serve-test-token-0123456789';

let cluster: TestCluster;
let sandbox: Sandbox;
let home: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the end-to-end tests`);
  cluster = await usePostgres();
  sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    accounts: [{ username: ACCOUNT, password: PASSWORD, domains: [ZONE] }],
  });
  home = mkdtempSync(join(tmpdir(), 'regapi2-e2e-home-'));
});

afterAll(async () => {
  await sandbox?.close();
  await cluster?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

function replicaEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    REGAPI_URL: sandbox.url,
    REGAPI_USERNAME: ACCOUNT,
    REGAPI_PASSWORD: PASSWORD,
    REGAPI_MCP_TOKEN: TOKEN,
    REGAPI_LOG_LEVEL: 'info',
  };
}

/** Runs `regapi2 ops approve ID` as a person at a terminal would, and returns its exit code and output. */
async function approveAtTerminal(id: string, storeUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN, 'ops', 'approve', id, '--confirm', ZONE, '--store', storeUrl], { env: replicaEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, output };
}

interface ServeReplica {
  process: ChildProcess;
  mcpUrl: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `regapi2 serve` without Slack and resolves with its MCP URL once its worker runs. */
async function startServe(id: string, storeUrl: string): Promise<ServeReplica> {
  const child = spawn(
    process.execPath,
    [MAIN, 'serve', '--no-slack', '--toolsets', 'all', '--http', '127.0.0.1:0', '--poll-ms', '100', '--worker-id', id, '--store', storeUrl],
    {
      env: replicaEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 20_000;
  for (;;) {
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/mcp)"/.exec(stderr)?.[1];
    if (url !== undefined && stderr.includes('queue worker running')) return { process: child, mcpUrl: url, stderr: () => stderr, exited };
    if (child.exitCode !== null) throw new Error(`serve ${id} exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`serve ${id} did not start within 20 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Connects an MCP client. With `confirm` its person approves every confirmation form by typing it;
 * without, the client has no elicitation and a person must approve elsewhere.
 */
async function connect(url: string, confirm?: string): Promise<Client> {
  const client = new Client({ name: 'serve-e2e', version: '0.0.0' }, { capabilities: confirm === undefined ? {} : { elicitation: {} } });
  if (confirm !== undefined) client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { confirm } }));
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }));
  return client;
}

describe('regapi2 serve replicas on PostgreSQL', () => {
  it('write confirmed on one replica runs once', async () => {
    const storeUrl = await createTestDatabase(cluster.url);
    const replicas = await Promise.all(['s1', 's2'].map(async (id) => await startServe(id, storeUrl)));
    const clients: Client[] = [];
    try {
      clients.push(await connect(replicas[0].mcpUrl, ZONE), await connect(replicas[1].mcpUrl, ZONE));
      const text = 'served-by-replica';

      const result = await clients[0].callTool({ name: 'dns_set_record', arguments: { name: `_check.${ZONE}`, type: 'TXT', value: text } });
      const written = result.structuredContent as Record<string, unknown>;
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect(written.state).toBe('done');
      const operationId = String(written.operation_id);

      const status = await clients[1].callTool({ name: 'operations_status', arguments: { id: operationId } });
      const reported = (status.structuredContent as { operation: Record<string, unknown> }).operation;
      expect(reported.id).toBe(operationId);
      expect(reported.state).toBe('done');

      const sends = sandbox.requests.filter((request) => request.path.endsWith('/zone/add_txt'));
      expect(sends.filter((request) => String(request.fields.input_data).includes(text))).toHaveLength(1);
      const zone = sandbox.state(ACCOUNT)!.zones.get(ZONE)!;
      expect(JSON.stringify(zone)).toContain(text);
    } finally {
      for (const client of clients) await client.close();
      for (const replica of replicas) replica.process.kill('SIGTERM');
    }
    const codes = await Promise.all(replicas.map(async (replica) => await replica.exited));
    expect(codes).toEqual([0, 0]);
  });

  it('write approved at a terminal runs once', async () => {
    const storeUrl = await createTestDatabase(cluster.url);
    const replicas = await Promise.all(['t1', 't2'].map(async (id) => await startServe(id, storeUrl)));
    const store = await openStore(storeUrl);
    let client: Client | undefined;
    try {
      client = await connect(replicas[1].mcpUrl);
      const text = 'approved-at-terminal';
      // The tool call waits for the outcome while a person approves in another process.
      const pending = client.callTool({ name: 'dns_set_record', arguments: { name: `_terminal.${ZONE}`, type: 'TXT', value: text } });

      const waiting = await (async () => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const [operation] = await store.listOperations({ states: ['awaiting_approval'] });
          if (operation !== undefined) return operation;
          if (Date.now() > deadline) throw new Error('no operation waited for approval within 20 s');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const approval = await approveAtTerminal(waiting.id, storeUrl);
      expect(approval.code, approval.output).toBe(0);

      const result = await pending;
      const written = result.structuredContent as Record<string, unknown>;
      expect(written.operation_id).toBe(waiting.id);
      expect(written.state).toBe('done');
      const journal = await store.listJournal(waiting.id);
      const decision = journal.find((entry) => entry.kind === 'decision');
      expect(decision?.data.tier).toBe('terminal');
      const sends = sandbox.requests.filter((request) => request.path.endsWith('/zone/add_txt') && String(request.fields.input_data).includes(text));
      expect(sends).toHaveLength(1);
    } finally {
      await client?.close();
      await store.close();
      for (const replica of replicas) replica.process.kill('SIGTERM');
    }
    const codes = await Promise.all(replicas.map(async (replica) => await replica.exited));
    expect(codes).toEqual([0, 0]);
  });
});

/**
 * Two `regapi2 serve` replicas with the Slack app on one PostgreSQL database. A write proposed over
 * one replica's MCP endpoint gets an approval card, and the same Approve click delivered to both
 * replicas approves it once. A worker then sends it once, and the MCP call reports it done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { cardLocation } from '../../src/slack/index.js';
import { FakeSlack } from '../slack/support/fake-slack.js';
import { buttonClickBody, sendToSlackApp } from '../slack/support/signed.js';
import { createTestDatabase, usePostgres, type TestCluster } from '../support/postgres.js';

const MAIN = join(import.meta.dirname, '../../dist/cli/main.js');
const ACCOUNT = 'acme';
const PASSWORD = 'acme-sandbox-password';
const ZONE = 'acme.ru';
const TOKEN = 'serve-slack-token-0123456789';
const SECRET = 'serve-slack-signing-secret';
const CHANNEL = 'CAPPROVALS';

let cluster: TestCluster;
let sandbox: Sandbox;
let slack: FakeSlack;
let home: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the end-to-end tests`);
  cluster = await usePostgres();
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, accounts: [{ username: ACCOUNT, password: PASSWORD, domains: [ZONE] }] });
  slack = new FakeSlack();
  await slack.start();
  home = mkdtempSync(join(tmpdir(), 'regapi2-e2e-home-'));
});

afterAll(async () => {
  await slack?.close();
  await sandbox?.close();
  await cluster?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface SlackReplica {
  process: ChildProcess;
  mcpUrl: string;
  eventsUrl: string;
  exited: Promise<number | null>;
}

/** Starts `regapi2 serve` with MCP, Slack and the worker, and resolves once all three run. */
async function startServe(id: string, storeUrl: string): Promise<SlackReplica> {
  const slackPort = await freePort();
  const child = spawn(
    process.execPath,
    [MAIN, 'serve', '--toolsets', 'all', '--http', '127.0.0.1:0', '--slack-port', String(slackPort), '--card-lang', 'en', '--poll-ms', '100', '--worker-id', id],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        REGAPI_URL: sandbox.url,
        REGAPI_USERNAME: ACCOUNT,
        REGAPI_PASSWORD: PASSWORD,
        REGAPI_STORE: storeUrl,
        REGAPI_MCP_TOKEN: TOKEN,
        SLACK_BOT_TOKEN: 'xoxb-serve-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        REGAPI_SLACK_APPROVAL_CHANNEL: CHANNEL,
        REGAPI_LOG_LEVEL: 'info',
      },
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
    const ready = url !== undefined && stderr.includes('Slack app started') && stderr.includes('queue worker running');
    if (ready) return { process: child, mcpUrl: url, eventsUrl: `http://127.0.0.1:${slackPort}/slack/events`, exited };
    if (child.exitCode !== null) throw new Error(`serve ${id} exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`serve ${id} did not start within 20 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('regapi2 serve with Slack on PostgreSQL', () => {
  it('Slack approval on another replica runs once', async () => {
    const storeUrl = await createTestDatabase(cluster.url);
    const replicas = await Promise.all(['a', 'b'].map(async (id) => await startServe(id, storeUrl)));
    const store = await openStore(storeUrl);
    // A client without elicitation: the person approves in Slack instead.
    const client = new Client({ name: 'serve-slack-e2e', version: '0.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(replicas[0].mcpUrl), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }));
      const text = 'approved-in-slack';
      const pending = client.callTool({ name: 'dns_set_record', arguments: { name: `_slack.${ZONE}`, type: 'TXT', value: text } });

      await slack.waitFor('the approval card', () => slack.of('chat.postMessage').some((call) => call.body.channel === CHANNEL), 20_000);
      const card = slack.of('chat.postMessage').find((call) => call.body.channel === CHANNEL)!;
      const [proposed] = await store.listOperations({ states: ['awaiting_approval'] });
      expect(proposed).toBeDefined();
      expect(JSON.stringify(card.body.blocks)).toContain(proposed.id);
      // NOTE: a click that lands before the notifier has stored the card's location loses the
      // compare-and-set on the operation, and the app replies with an error. The click waits for it.
      const waiting = await (async () => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const current = (await store.getOperation(proposed.id))!;
          if (cardLocation(current) !== undefined) return current;
          if (Date.now() > deadline) throw new Error('the card location was not stored within 20 s');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      // Slack may deliver one click twice; here each replica receives the same click.
      const click = buttonClickBody({
        actionId: ACTION_IDS.approve,
        value: waiting.id,
        userId: 'UAPPROVER',
        channelId: CHANNEL,
        messageTs: cardLocation(waiting)!.ts,
        responseUrl: slack.responseUrl('approve'),
      });
      const deliveries = await Promise.all(replicas.map(async (replica) => await sendToSlackApp(replica.eventsUrl, click, { secret: SECRET })));
      expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

      const result = await pending;
      const written = result.structuredContent as Record<string, unknown>;
      expect(written.operation_id).toBe(waiting.id);
      expect(written.state).toBe('done');

      const journal = await store.listJournal(waiting.id);
      const decisions = journal.filter((entry) => entry.kind === 'decision');
      expect(decisions).toHaveLength(1);
      expect(decisions[0].data.tier).toBe('slack');
      expect(journal.filter((entry) => entry.kind === 'request')).toHaveLength(1);
      const sends = sandbox.requests.filter((request) => request.path.endsWith('/zone/add_txt') && String(request.fields.input_data).includes(text));
      expect(sends).toHaveLength(1);
      await slack.waitFor('the card update', () => slack.of('chat.update').length > 0, 20_000);
    } finally {
      await client.close();
      await store.close();
      for (const replica of replicas) replica.process.kill('SIGTERM');
    }
    const codes = await Promise.all(replicas.map(async (replica) => await replica.exited));
    expect(codes).toEqual([0, 0]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../../src/core/config/index.js';
import { createCore, type Core } from '../../../src/core/core.js';
import { createLogger } from '../../../src/core/log.js';
import { createOperations } from '../../../src/core/operations/index.js';
import type { Operations, WorkerHandle } from '../../../src/core/operations/types.js';
import { openStore } from '../../../src/core/store/index.js';
import type { Store } from '../../../src/core/store/types.js';
import { startSandbox, type Sandbox, type SandboxAccount } from '../../../src/sandbox/index.js';
import { createApprovalNotifier, createSlackApp, type SlackApp } from '../../../src/slack/index.js';
import { FakeSlack } from './fake-slack.js';
import { buttonClickBody, sendToSlackApp, slashCommandBody, type SendOptions, type SlackDelivery } from './signed.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const APPROVAL_CHANNEL = 'CAPPROVALS';
export const APPROVER = 'UAPPROVER';
export const SECOND_APPROVER = 'USECOND';
export const REQUESTER = 'UREQUESTER';
export const OUTSIDER = 'UOUTSIDER';
export const ACCOUNT_PASSWORD = 'S3cr3t-Pa55';

/** The REG.RU account the sandbox serves to the app: two domains with zones and money for orders. */
export function defaultAccount(): SandboxAccount {
  return {
    username: 'team',
    password: ACCOUNT_PASSWORD,
    partner: true,
    balance: 1000,
    prices: { ru: 200, 'рф': 150 },
    domains: ['example.ru', 'пример.рф'],
    zones: {
      'example.ru': [
        { subname: '@', rectype: 'TXT', content: 'v=spf1 -all' },
        { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenA' },
        { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenB' },
        { subname: 'www', rectype: 'A', content: '192.0.2.10' },
      ],
    },
  };
}

export interface HarnessOptions {
  account?: SandboxAccount;
  /** Milliseconds before a pending operation expires. */
  approvalExpiryMs?: number;
  /** Runs the queue worker in this process (default true). */
  worker?: boolean;
  /** Connects in Socket Mode (SLACK_APP_TOKEN) instead of listening on /slack/events; the port serves /healthz. */
  socketModeHealthPort?: number;
}

export interface Harness {
  sandbox: Sandbox;
  slack: FakeSlack;
  store: Store;
  core: Core;
  config: Config;
  operations: Operations;
  app: SlackApp;
  eventsUrl: string;
  /** Sends `/regapi TEXT` as USER; the answer arrives at `slack.responses(name)`. */
  command(text: string, userId?: string, options?: Partial<SendOptions> & { triggerId?: string; body?: string }): Promise<{ delivery: SlackDelivery; name: string; body: string }>;
  /** Clicks a button on a message as USER; the answer to the clicker arrives at `slack.responses(name)`. */
  click(actionId: string, value: string, userId: string, messageTs: string, options?: Partial<SendOptions> & { body?: string }): Promise<{ delivery: SlackDelivery; name: string; body: string }>;
  close(): Promise<void>;
}

let responseCounter = 0;

/**
 * Starts everything the Slack app talks to on loopback: the REG.API sandbox, a SQLite store in a
 * temporary folder, the fake Slack Web API, the operations with the card notifier and a worker, and
 * the Bolt app itself on a free port.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'regapi2-slack-'));
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, accounts: [options.account ?? defaultAccount()] });
  const slack = new FakeSlack();
  await slack.start();

  const env: NodeJS.ProcessEnv = {
    REGAPI_URL: sandbox.url,
    REGAPI_USERNAME: (options.account ?? defaultAccount()).username,
    REGAPI_PASSWORD: (options.account ?? defaultAccount()).password,
    REGAPI_STORE: `sqlite:${join(folder, 'store.db')}`,
    REGAPI_LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    REGAPI_SLACK_APPROVAL_CHANNEL: APPROVAL_CHANNEL,
    REGAPI_SLACK_APPROVERS: `${APPROVER},${SECOND_APPROVER},${REQUESTER}`,
    ...(options.approvalExpiryMs ? { REGAPI_APPROVAL_EXPIRY_MS: String(options.approvalExpiryMs) } : {}),
    ...(options.socketModeHealthPort ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
  };
  const config = loadConfig({ env, homeDir: folder });
  const logger = createLogger((process.env.REGAPI_TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent');
  const store = await openStore(config.store, { homeDir: folder });
  const core = createCore({ config, logger, store });
  const notifier = createApprovalNotifier({ config, store, logger });
  const operations = createOperations({
    core,
    store,
    logger,
    notifiers: [notifier],
    approvalPolicy: { approvers: config.slack.approvers, expiryMs: config.approvalExpiryMs },
    retry: { baseDelayMs: 50, maxDelayMs: 200 },
  });
  // 192.0.2.1 is a documentation address: the sandbox's partner account needs some enduser_ip for orders.
  const app = createSlackApp({
    core,
    operations,
    store,
    config,
    logger,
    expiryCheckMs: 0,
    orderEnduserIp: '192.0.2.1',
    socketModeHealthPort: options.socketModeHealthPort,
  });
  const address = await app.start({ port: 0, host: '127.0.0.1' });
  // In Socket Mode nothing listens for events over HTTP; commands arrive through slack.socketMode.
  const eventsUrl = address ? `http://127.0.0.1:${address.port}/slack/events` : '';
  const worker: WorkerHandle | undefined = options.worker === false ? undefined : operations.startWorker({ pollMs: 50 });

  return {
    sandbox,
    slack,
    store,
    core,
    config,
    operations,
    app,
    eventsUrl,
    async command(text, userId = REQUESTER, sendOptions = {}) {
      responseCounter += 1;
      const name = `command-${responseCounter}`;
      const body = sendOptions.body ?? slashCommandBody({ text, userId, responseUrl: slack.responseUrl(name), triggerId: sendOptions.triggerId });
      const delivery = await sendToSlackApp(eventsUrl, body, { secret: SIGNING_SECRET, ...sendOptions });
      return { delivery, name, body };
    },
    async click(actionId, value, userId, messageTs, sendOptions = {}) {
      responseCounter += 1;
      const name = `click-${responseCounter}`;
      const body =
        sendOptions.body ??
        buttonClickBody({ actionId, value, userId, channelId: APPROVAL_CHANNEL, messageTs, responseUrl: slack.responseUrl(name) });
      const delivery = await sendToSlackApp(eventsUrl, body, { secret: SIGNING_SECRET, ...sendOptions });
      return { delivery, name, body };
    },
    async close() {
      await worker?.stop();
      await app.stop();
      await core.close();
      await store.close();
      await slack.close();
      await sandbox.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The text of a response_url post, or of its blocks when it has no text. */
export function responseText(body: Record<string, unknown>): string {
  return typeof body.text === 'string' ? body.text : JSON.stringify(body.blocks ?? body);
}

/** Everything a card shows: its blocks as JSON text, for `toContain` checks. */
export function blocksText(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? []);
}

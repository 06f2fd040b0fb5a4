import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import { ConfigError, type ConfigIssue } from '../core/client/errors.js';
import type { Config } from '../core/config/index.js';
import type { Logger } from '../core/log.js';
import type { OperationNotifier } from '../core/operations/types.js';
import type { Store } from '../core/store/types.js';
import { createBoltLogger } from './bolt-logger.js';
import type { SlackDeps } from './context.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/index.js';
import { registerListeners } from './listeners/index.js';
import { SlackApprovalNotifier } from './notifier.js';

/** Bolt's default path for slash commands and interactivity; manifest.json points Slack at it. */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/** How often pending operations are checked for expiry, so expired cards lose their buttons. */
const DEFAULT_EXPIRY_CHECK_MS = 60_000;

export interface CreateSlackAppOptions extends Omit<SlackDeps, 'channelLocale'> {
  /** Language of approval cards; default Russian, like every message of the app. */
  channelLocale?: Locale;
  /** Port of the health route in Socket Mode, where Slack events arrive over a WebSocket instead. */
  socketModeHealthPort?: number;
  /** Milliseconds between expiry checks of pending operations; 0 turns them off. */
  expiryCheckMs?: number;
}

export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  /** Starts listening (HTTP) or connecting (Socket Mode); returns the HTTP address when there is one. */
  start(listen?: { port: number; host: string }): Promise<AddressInfo | undefined>;
  stop(): Promise<void>;
}

/** Checks the settings the Slack app cannot start without and names where to set each missing one. */
export function checkSlackConfig(config: Config): void {
  const issues: ConfigIssue[] = [];
  if (!config.slack.botToken) issues.push({ setting: 'slackBotToken', message: 'missing: the bot token (xoxb-...) from the Slack app settings', where: 'SLACK_BOT_TOKEN' });
  if (!config.slack.appToken && !config.slack.signingSecret) {
    issues.push({ setting: 'slackSigningSecret', message: 'missing: the signing secret that verifies requests from Slack', where: 'SLACK_SIGNING_SECRET' });
  }
  if (issues.length > 0) throw new ConfigError(issues);
}

/** Creates a Web API client for the bot token, pointed at SLACK_API_URL when set (tests use a local server). */
export function createSlackClient(config: Config, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(config.slack.botToken, {
    logger: createBoltLogger(logger),
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
  });
}

/** Creates the approval-card notifier for createOperations; any process with the bot token can post and edit cards. */
export function createApprovalNotifier(options: { config: Config; store: Store; logger: Logger; locale?: Locale }): SlackApprovalNotifier {
  return new SlackApprovalNotifier({
    client: createSlackClient(options.config, options.logger),
    store: options.store,
    channel: options.config.slack.approvalChannel,
    locale: options.locale ?? DEFAULT_LOCALE,
    logger: options.logger.child({ component: 'slack-cards' }),
  });
}

/**
 * Returns the approval-card notifier when Slack is configured (a bot token and an approval channel),
 * and no notifier otherwise. Processes that propose or run operations pass it to createOperations, so
 * cards are posted and edited whichever process moves the operation.
 */
export function slackNotifiers(options: { config: Config; store: Store; logger: Logger; locale?: Locale }): OperationNotifier[] {
  if (!options.config.slack.botToken || !options.config.slack.approvalChannel) return [];
  return [createApprovalNotifier(options)];
}

function health(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"status":"ok"}');
}

/**
 * Builds the Bolt app: the HTTP receiver on /slack/events with a /healthz route, or Socket Mode when
 * SLACK_APP_TOKEN is set, and one listener per command and action. The listeners parse, call the
 * core, the DNS helpers and the operations API, and render; the rules live in the core.
 */
export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { config } = options;
  checkSlackConfig(config);
  const logger = options.logger.child({ component: 'slack' });
  const deps: SlackDeps = { ...options, logger, channelLocale: options.channelLocale ?? DEFAULT_LOCALE };
  const boltLogger = createBoltLogger(logger);
  const healthRoute = { path: HEALTH_PATH, method: ['GET'], handler: health };

  const mode: SlackApp['mode'] = config.slack.appToken ? 'socket' : 'http';
  const receiver: Receiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.slack.appToken as string,
          logger: boltLogger,
          customRoutes: options.socketModeHealthPort ? [healthRoute] : [],
          // Bolt hands installerOptions.clientOptions to the Socket Mode client, which opens the connection.
          installerOptions: {
            ...(options.socketModeHealthPort ? { port: options.socketModeHealthPort } : {}),
            ...(config.slack.apiUrl ? { clientOptions: { slackApiUrl: config.slack.apiUrl } } : {}),
          },
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret as string,
          endpoints: [EVENTS_PATH],
          customRoutes: [healthRoute],
          logger: boltLogger,
        });

  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: boltLogger,
    deferInitialization: true,
    clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : undefined,
  });

  app.use(async ({ context, next }) => {
    // Slack resends a request it thinks failed; the listeners' once-keys make the resend a no-op.
    if (context.retryNum) logger.info({ retryNum: context.retryNum, retryReason: context.retryReason }, 'Slack redelivered a request');
    await next();
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'Slack listener failed');
  });

  registerListeners(app, deps);

  let expiryTimer: NodeJS.Timeout | undefined;
  const expiryCheckMs = options.expiryCheckMs ?? DEFAULT_EXPIRY_CHECK_MS;

  return {
    app,
    mode,
    async start(listen) {
      await app.init();
      if (expiryCheckMs > 0) {
        expiryTimer = setInterval(() => {
          options.operations.expirePending().catch((error: unknown) => logger.warn({ err: error }, 'expiring pending operations failed'));
        }, expiryCheckMs);
        expiryTimer.unref();
      }
      if (mode === 'socket') {
        await app.start();
        logger.info('Slack app connected in Socket Mode');
        return undefined;
      }
      const server = (await app.start(listen ?? { port: 3000, host: '127.0.0.1' })) as { address(): AddressInfo | string | null };
      const address = server.address() as AddressInfo;
      logger.info({ host: address.address, port: address.port, path: EVENTS_PATH }, 'Slack app listening');
      return address;
    },
    async stop() {
      if (expiryTimer) clearInterval(expiryTimer);
      await app.stop();
    },
  };
}

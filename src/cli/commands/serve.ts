import { isIP } from 'node:net';
import { ConfigError } from '../../core/client/errors.js';
import { createOperations } from '../../core/operations/index.js';
import type { OperationNotifier, WorkerHandle } from '../../core/operations/types.js';
import { startMcpHttp, type McpHttpHandle } from '../../mcp/http.js';
import { createMcpServer, servedTools } from '../../mcp/server.js';
import { mcpToolProvidersFor } from '../../mcp/providers.js';
import { checkSlackConfig, createSlackApp, slackNotifiers, type OrderProfile, type SlackApp } from '../../slack/index.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { openRuntime } from '../runtime.js';
import { untilStopSignal } from '../signals.js';
import { packageVersion } from '../version.js';
import { defaultWorkerId, parseMilliseconds } from './worker.js';

const usage = `Usage: regapi2 serve [--http HOST:PORT] [--slack-port N] [--slack-host ADDRESS] [options]

Runs MCP over Streamable HTTP, the Slack app and the queue worker in one process, sharing one
operations queue: a write proposed over MCP gets a Slack approval card, and the worker sends it once
approved. Run several replicas on one postgres:// store behind a load balancer; any replica can take
any request. Stop it with SIGTERM or Ctrl-C, and the operation in flight finishes first.

  --http HOST:PORT     MCP endpoint http://HOST:PORT/mcp (default 127.0.0.1:8931); needs
                       REGAPI_MCP_TOKEN, which clients send as "Authorization: Bearer <token>"
  --slack-port N       port of the Slack HTTP receiver (/slack/events, /healthz; default 3000)
  --slack-host ADDRESS address of the Slack receiver (default 127.0.0.1)
  --no-mcp             do not serve MCP
  --no-slack           do not run the Slack app
  --no-worker          do not run the queue worker here (run \`regapi2 worker\` elsewhere)
  --poll-ms N          milliseconds between looks at an empty queue (default 1000)
  --lease-ms N         milliseconds a claimed operation stays leased without renewal (default: twice
                       REGAPI_TIMEOUT_MS plus 30000)
  --worker-id ID       name of this worker in leases and the journal (default HOST:PID:RANDOM)
  --profile TYPE:NAME  contact profile that Slack's \`order\` uses for everyone, e.g. RU.PP:main
  --enduser-ip ADDRESS the end customer's IP address that Slack's \`order\` sends as enduser_ip;
                       REG.API requires it from partner (reseller) accounts
  --card-lang ru|en    language of the Slack approval cards (default ru)

${COMMON_OPTIONS_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  http: { type: 'string' },
  'slack-port': { type: 'string' },
  'slack-host': { type: 'string' },
  'no-mcp': { type: 'boolean' },
  'no-slack': { type: 'boolean' },
  'no-worker': { type: 'boolean' },
  'poll-ms': { type: 'string' },
  'lease-ms': { type: 'string' },
  'worker-id': { type: 'string' },
  profile: { type: 'string' },
  'enduser-ip': { type: 'string' },
  'card-lang': { type: 'string' },
} as const;

interface ServeSettings {
  mcp?: { host: string; port: number };
  slack?: { host: string; port: number; profile?: OrderProfile; enduserIp?: string; cardLang: 'ru' | 'en' };
  worker?: { pollMs: number; leaseMs?: number };
  workerId: string;
}

function parseHttpAddress(text: string): { host: string; port: number } {
  const match = /^(?:(\[[0-9a-fA-F:]+\]|[^:]+):)?(\d+)$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65_535) throw new UsageError(`--http ${text} is not HOST:PORT; write e.g. --http 127.0.0.1:8931`, usage);
  const host = match[1] ?? '127.0.0.1';
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
}

function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--slack-port ${text} is not a port number; give a whole number from 0 to 65535`, usage);
  return port;
}

function parseProfile(text: string | undefined): OrderProfile | undefined {
  if (text === undefined) return undefined;
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new UsageError(`--profile ${text} is not TYPE:NAME; give it like RU.PP:main`, usage);
  return { type: text.slice(0, colon), name: text.slice(colon + 1) };
}

function parseSettings(values: Record<string, string | boolean | undefined>): ServeSettings {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const cardLang = text('card-lang') ?? 'ru';
  if (cardLang !== 'ru' && cardLang !== 'en') throw new UsageError(`--card-lang ${cardLang} is not ru or en`, usage);
  if (values['no-mcp'] === true && values['no-slack'] === true && values['no-worker'] === true) {
    throw new UsageError('--no-mcp, --no-slack and --no-worker together leave nothing to run', usage);
  }

  const enduserIp = text('enduser-ip');
  if (enduserIp !== undefined && isIP(enduserIp) === 0) throw new UsageError(`--enduser-ip ${enduserIp} is not an IP address`, usage);

  const pollMs = parseMilliseconds('poll-ms', text('poll-ms'), usage) ?? 1_000;
  const leaseMs = parseMilliseconds('lease-ms', text('lease-ms'), usage);
  const workerId = text('worker-id') || defaultWorkerId();
  return {
    mcp: values['no-mcp'] === true ? undefined : parseHttpAddress(text('http') ?? '127.0.0.1:8931'),
    slack:
      values['no-slack'] === true
        ? undefined
        : {
            host: text('slack-host') ?? '127.0.0.1',
            port: parsePort(text('slack-port'), 3000),
            profile: parseProfile(text('profile')),
            enduserIp,
            cardLang,
          },
    worker: values['no-worker'] === true ? undefined : { pollMs, leaseMs },
    workerId,
  };
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, usage, OPTIONS, false);
  const settings = parseSettings(values);

  const runtime = await openRuntime(configFlags(values));
  const { core, config, logger } = runtime;
  // openRuntime raises a ConfigError when the store cannot open, so a store is always present here.
  const store = runtime.store!;
  let mcp: McpHttpHandle | undefined;
  let slack: SlackApp | undefined;
  let worker: WorkerHandle | undefined;
  try {
    if (settings.mcp && !config.mcpToken) {
      throw new ConfigError([
        {
          setting: 'REGAPI_MCP_TOKEN',
          message: 'MCP over HTTP needs a bearer token of at least 16 characters, and none is set (or pass --no-mcp)',
          where: 'the environment variable REGAPI_MCP_TOKEN',
        },
      ]);
    }
    if (settings.slack) {
      try {
        checkSlackConfig(config);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        throw new ConfigError(error.issues.map((issue) => ({ ...issue, message: `${issue.message} (or pass --no-slack)` })));
      }
    }
    if (settings.worker?.leaseMs !== undefined && settings.worker.leaseMs <= config.responseTimeoutMs) {
      throw new UsageError(`--lease-ms ${settings.worker.leaseMs} must be longer than the response timeout of ${config.responseTimeoutMs} ms`, usage);
    }

    // One operations API for every front end of this process, so that a write proposed over MCP
    // is announced on Slack, and the worker reports to the same cards. With --no-slack the cards are
    // still posted and kept current when a bot token and an approval channel are set.
    const notifiers: OperationNotifier[] = slackNotifiers({ config, store, logger, locale: settings.slack?.cardLang ?? 'ru' });
    const operations = createOperations({
      core,
      store,
      logger,
      workerId: settings.workerId,
      leaseMs: settings.worker?.leaseMs,
      notifiers,
      approvalPolicy: { approvers: config.slack.approvers, expiryMs: config.approvalExpiryMs },
    });

    if (settings.slack) {
      const { host, port, profile, enduserIp, cardLang } = settings.slack;
      slack = createSlackApp({
        core,
        operations,
        store,
        config,
        logger,
        orderProfile: profile,
        orderEnduserIp: enduserIp,
        channelLocale: cardLang,
        socketModeHealthPort: port,
      });
      const address = await slack.start({ port, host });
      logger.info({ mode: slack.mode, address }, 'Slack app started');
    }

    if (settings.mcp) {
      const options = { core, providers: mcpToolProvidersFor(operations), version: packageVersion() };
      mcp = await startMcpHttp({
        host: settings.mcp.host,
        port: settings.mcp.port,
        token: config.mcpToken!,
        createServer: () => createMcpServer(options),
        logger,
        allowedHosts: config.mcpAllowedHosts,
      });
      logger.info({ url: mcp.url, tools: servedTools(options).length }, `MCP server on ${mcp.url}`);
    }

    if (settings.worker) {
      worker = operations.startWorker({ pollMs: settings.worker.pollMs });
      logger.info({ workerId: settings.workerId, store: store.kind, account: config.username }, 'queue worker running');
    }
    if (runtime.sandboxUrl) logger.info({ url: runtime.sandboxUrl }, 'REG.API calls go to the local sandbox');

    const signal = await untilStopSignal();
    logger.info({ signal }, 'stopping: no new requests, then the operation in flight finishes');
    return EXIT_OK;
  } finally {
    await mcp?.close();
    await slack?.stop();
    await worker?.stop();
    await runtime.close();
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run MCP over HTTP, the Slack app and the queue worker in one process',
  usage,
  run,
};

import { isIP } from 'node:net';
import { createOperations } from '../../core/operations/index.js';
import { createApprovalNotifier, createSlackApp } from '../../slack/index.js';
import type { OrderProfile } from '../../slack/index.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { openRuntime } from '../runtime.js';
import { untilStopSignal } from '../signals.js';
import { defaultWorkerId } from './worker.js';

const usage = `Usage: regapi2 slack [--port N] [--host ADDRESS] [--no-worker] [--profile TYPE:NAME] [--enduser-ip ADDRESS] [options]

Runs the Slack app: the /regapi slash command and the approval cards. Slack sends slash commands
and button clicks to http://HOST:PORT/slack/events; GET /healthz answers {"status":"ok"}. With
SLACK_APP_TOKEN set the app uses Socket Mode instead and needs no public address. The process also
runs the queue worker, which sends approved operations to REG.API.

Settings: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (HTTP mode), SLACK_APP_TOKEN (Socket Mode),
REGAPI_SLACK_APPROVAL_CHANNEL, REGAPI_SLACK_APPROVERS, SLACK_API_URL.

  --port N             port of the HTTP receiver, and of /healthz in Socket Mode (default 3000)
  --host ADDRESS       address to listen on (default 127.0.0.1; put a reverse proxy in front, or
                       give 0.0.0.0 to accept connections from other machines)
  --no-worker          do not run the queue worker here (run \`regapi2 worker\` elsewhere)
  --profile TYPE:NAME  contact profile saved in the REG.RU account that \`order\` uses for everyone,
                       e.g. RU.PP:main; without it each person names one in a form once
  --enduser-ip ADDRESS the end customer's IP address that \`order\` sends as enduser_ip; REG.API
                       requires it from partner (reseller) accounts
  --card-lang ru|en    language of the approval cards (default ru)

${COMMON_OPTIONS_HELP}`;

function parsePort(text: string | undefined): number {
  if (text === undefined) return 3000;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new UsageError(`--port ${text} is not a port number; give a whole number from 1 to 65535`, usage);
  return port;
}

function parseProfile(text: string | undefined): OrderProfile | undefined {
  if (text === undefined) return undefined;
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new UsageError(`--profile ${text} is not TYPE:NAME; give it like RU.PP:main`, usage);
  return { type: text.slice(0, colon), name: text.slice(colon + 1) };
}

async function run(argv: string[]): Promise<number> {
  const options = {
    ...COMMON_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    'no-worker': { type: 'boolean' },
    profile: { type: 'string' },
    'enduser-ip': { type: 'string' },
    'card-lang': { type: 'string' },
  } as const;
  const { values } = parseCommandArgs(argv, usage, options, false);
  const port = parsePort(values.port as string | undefined);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const orderProfile = parseProfile(values.profile as string | undefined);
  const cardLang = values['card-lang'];
  const enduserIp = values['enduser-ip'];
  if (enduserIp !== undefined && isIP(String(enduserIp)) === 0) throw new UsageError(`--enduser-ip ${String(enduserIp)} is not an IP address`, usage);
  if (cardLang !== undefined && cardLang !== 'ru' && cardLang !== 'en') throw new UsageError(`--card-lang ${String(cardLang)} is not ru or en`, usage);

  const runtime = await openRuntime(configFlags(values));
  try {
    const { core, config, logger } = runtime;
    // openRuntime raises a ConfigError when the store cannot open, so a store is always present here.
    const store = runtime.store!;
    const channelLocale = cardLang ?? 'ru';
    const notifier = createApprovalNotifier({ config, store, logger, locale: channelLocale });
    const operations = createOperations({
      core,
      store,
      logger,
      workerId: defaultWorkerId(),
      notifiers: [notifier],
      approvalPolicy: { approvers: config.slack.approvers, expiryMs: config.approvalExpiryMs },
    });
    const slack = createSlackApp({
      core,
      operations,
      store,
      config,
      logger,
      orderProfile,
      orderEnduserIp: enduserIp as string | undefined,
      channelLocale,
      socketModeHealthPort: port,
    });
    await slack.start({ port, host });
    if (runtime.sandboxUrl) logger.info({ url: runtime.sandboxUrl }, 'Slack app uses the local REG.API sandbox');
    const worker = values['no-worker'] === true ? undefined : operations.startWorker();

    const signal = await untilStopSignal();
    logger.info({ signal }, 'stopping the Slack app');
    await slack.stop();
    await worker?.stop();
    return EXIT_OK;
  } finally {
    await runtime.close();
  }
}

export const slackCommand: Command = {
  name: 'slack',
  summary: 'run the Slack app (/regapi and approval cards) with the queue worker',
  usage,
  run,
};

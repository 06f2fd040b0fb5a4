import { createLogger } from '../../core/log.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../options.js';
import { untilStopSignal } from '../signals.js';

const usage = `Usage: regapi2 sandbox [--port N] [--log-level LEVEL]

Runs the local REG.API server on 127.0.0.1 and prints its base URL on stdout when it is ready.
Point any client at it with REGAPI_URL=<that URL>. It accepts the test account test/test.
Stop it with Ctrl-C.

  --port N             TCP port on 127.0.0.1; 0 (the default) picks a free port
  --log-level LEVEL    pino level for stderr logs
  -h, --help           show this help`;

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new UsageError(`--port ${text} is not a port number; give an integer from 0 to 65535`, usage);
  }
  return port;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

function parseLogLevel(text: string | undefined): LogLevel {
  if (text === undefined) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new UsageError(`--log-level ${text} is not a log level; give one of ${LOG_LEVELS.join(', ')}`, usage);
  }
  return text as LogLevel;
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, usage, { port: { type: 'string' }, 'log-level': { type: 'string' } }, false);
  const port = parsePort(typeof values.port === 'string' ? values.port : undefined);
  const logger = createLogger(parseLogLevel(values['log-level'] as string | undefined), 'regapi2-sandbox');

  // Loaded here rather than at the top, so that other commands do not load the sandbox.
  const { startSandbox } = await import('../../sandbox/index.js');
  const sandbox = await startSandbox({ host: '127.0.0.1', port });
  process.stdout.write(`${sandbox.url}\n`);
  logger.info({ url: sandbox.url }, 'REG.API sandbox ready; set REGAPI_URL to this URL');

  const signal = await untilStopSignal();
  logger.info({ signal }, 'stopping the REG.API sandbox');
  await sandbox.close();
  return EXIT_OK;
}

export const sandboxCommand: Command = { name: 'sandbox', summary: 'run the local REG.API server for tests and trials', usage, run };

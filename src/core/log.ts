import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/**
 * Field paths pino replaces with `[redacted]`. Errors and journal entries carry redacted copies of
 * requests already; this list is the second net for anything logged by accident.
 */
const REDACT_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'sig',
  '*.sig',
  'pem_password',
  '*.pem_password',
  'input_params',
  '*.input_params',
  '*.*.input_params',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  'signingSecret',
  '*.signingSecret',
];

/**
 * Creates the process logger. It writes to file descriptor 2 only, because on the MCP stdio transport
 * stdout carries the protocol and nothing else.
 */
export function createLogger(level: LevelWithSilent = 'info', name = 'regapi2'): Logger {
  return pino(
    { name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that drops everything, for library use without a configured logger. */
export const silentLogger: Logger = pino({ level: 'silent' });

import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../core/log.js';

function toBoltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/** Joins Bolt's variadic log arguments into one message; errors keep their message, objects become JSON. */
function joinArguments(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (part instanceof Error) return part.message;
      if (typeof part === 'string') return part;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ');
}

/**
 * Adapts a pino logger to Bolt's Logger interface, so Bolt's own messages go to stderr through pino
 * with the process's level and redaction.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  return {
    debug: (...parts: unknown[]) => child.debug(joinArguments(parts)),
    info: (...parts: unknown[]) => child.info(joinArguments(parts)),
    warn: (...parts: unknown[]) => child.warn(joinArguments(parts)),
    error: (...parts: unknown[]) => child.error(joinArguments(parts)),
    // Bolt sets INFO on any logger it is given; the process's configured level wins instead.
    setLevel: () => {},
    getLevel: () => toBoltLevel(child.level),
    setName: () => {},
  };
}

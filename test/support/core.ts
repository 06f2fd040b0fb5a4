import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/core/config/index.js';
import { createCore, type Core } from '../../src/core/core.js';
import type { Logger } from '../../src/core/log.js';

/** A pino logger writing into memory, for tests that inspect what was logged. */
export function memoryLogger(level = 'debug'): { logger: Logger; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level }, stream);
  return { logger, text: () => chunks.join('') };
}

/** A configuration pointing at a sandbox, from the same loader the command line uses. */
export function sandboxConfig(apiUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    env: { REGAPI_URL: apiUrl, REGAPI_USERNAME: 'test', REGAPI_PASSWORD: 'test', ...env },
    configFile: '/nonexistent/regapi2-test-config',
  });
}

/** A core without a store against a sandbox URL. */
export function sandboxCore(apiUrl: string, env: Record<string, string> = {}, logger?: Logger): Core {
  return createCore({ config: sandboxConfig(apiUrl, env), logger });
}

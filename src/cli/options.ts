import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './command.js';

/** Options every command that talks to REG.API accepts; they become configuration flags. */
export const COMMON_OPTIONS = {
  sandbox: { type: 'boolean' },
  'api-url': { type: 'string' },
  toolsets: { type: 'string' },
  'read-only': { type: 'boolean' },
  lang: { type: 'string' },
  store: { type: 'string' },
  'log-level': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export const COMMON_OPTIONS_HELP = `Common options:
  --sandbox            start the local REG.API sandbox on a free 127.0.0.1 port and use it
  --api-url URL        REG.API base URL (default https://api.reg.ru/api/regru2, or REGAPI_URL)
  --toolsets LIST      comma-separated MCP toolsets: all, default, domain, zone, service, ...
  --read-only          serve and run read-only operations only
  --lang en|ru|th      language of REG.API error texts
  --store URL          sqlite:PATH or postgres://... (default sqlite:~/.regapi2.db)
  --log-level LEVEL    pino level for stderr logs: fatal, error, warn, info, debug, trace, silent
  -h, --help           show this help`;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; an unknown option or a missing value is a UsageError naming it. */
export function parseCommandArgs(
  argv: string[],
  usage: string,
  options: ParseArgsOptionsConfig,
  allowPositionals: boolean,
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message, usage);
  }
}

/** Configuration flags from the common options, named as the configuration fields are. */
export function configFlags(values: ParsedArgs['values']): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  if (values.sandbox === true) flags.sandbox = true;
  if (typeof values['api-url'] === 'string') flags.apiUrl = values['api-url'];
  if (typeof values.toolsets === 'string') flags.toolsets = values.toolsets;
  if (values['read-only'] === true) flags.readOnly = true;
  if (typeof values.lang === 'string') flags.lang = values.lang;
  if (typeof values.store === 'string') flags.store = values.store;
  if (typeof values['log-level'] === 'string') flags.logLevel = values['log-level'];
  return flags;
}

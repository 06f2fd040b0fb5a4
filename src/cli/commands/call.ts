import { hintFor } from '../../core/client/hints.js';
import { findOperation } from '../../core/catalogue/index.js';
import { RegApi2Error } from '../../core/client/errors.js';
import { CallInputError, buildCallInput } from '../call-input.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { printErrorJson, printErrorObject, printJson } from '../output.js';
import { openRuntime } from '../runtime.js';
import { proposeFromCli } from './ops.js';

const usage = `Usage: regapi2 call CATEGORY/METHOD [key=value ...] [--json '{...}'] [options]

Runs one REG.API read method and prints its answer as JSON on stdout, or proposes a write (see
below). Errors go to stderr as JSON with the code and the next step, and the exit code is 1.

  CATEGORY/METHOD      a method path such as domain/check or nop, or a tool name such as domain_check
  key=value            a method argument; the value is JSON when it parses (period=2, records=[...]),
                       a string otherwise, and a text field keeps what you typed (text=12345);
                       domains=a.ru,b.ru and services=1,2 make lists
  --json OBJECT        method arguments as one JSON object
  --fresh              ask REG.API even when the read cache holds an answer (zones and service lists
                       are cached for 2 minutes, prices for 6 hours)

Write and billing methods are not sent directly: the call becomes an operation that waits for a
person's approval (\`regapi2 ops approve ID\`). Its preview goes to stderr and the operation to stdout.

  --wait               wait until the operation is done or failed (needs a worker on the same store)
  --timeout-ms N       how long --wait waits, in milliseconds (default 120000)

${COMMON_OPTIONS_HELP}`;

/** Time --wait allows for the approval and the sending when --timeout-ms is not given, in milliseconds. */
const DEFAULT_WAIT_MS = 120_000;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, usage, { ...COMMON_OPTIONS, json: { type: 'string' }, wait: { type: 'boolean' }, fresh: { type: 'boolean' }, 'timeout-ms': { type: 'string' } }, true);
  const [path, ...pairs] = positionals;
  if (path === undefined) throw new UsageError('missing the method path, e.g. domain/check', usage);
  const def = findOperation(path);
  if (!def) {
    throw new UsageError(`unknown method "${path}"; give a REG.API path such as domain/check or a tool name such as domain_check`, usage);
  }

  let input: Record<string, unknown>;
  try {
    input = buildCallInput(def, pairs, typeof values.json === 'string' ? values.json : undefined);
  } catch (error) {
    if (error instanceof CallInputError) throw new UsageError(error.message, usage);
    throw error;
  }

  const waitTimeout = Number(values['timeout-ms'] ?? DEFAULT_WAIT_MS);
  if (!Number.isInteger(waitTimeout) || waitTimeout < 1) {
    throw new UsageError(`--timeout-ms ${String(values['timeout-ms'])} is not a positive number of milliseconds`, usage);
  }

  const runtime = await openRuntime(configFlags(values));
  try {
    const parsed = runtime.core.validate(def.path, input);
    if (def.effect !== 'read') return await proposeFromCli(runtime, def.path, parsed, { wait: values.wait === true, timeoutMs: waitTimeout });
    const result = await runtime.core.call(def.path, parsed, { fresh: values.fresh === true });
    printJson(result.answer ?? null);
    if (result.outcome === 'partial') {
      const failed = result.items.filter((item) => !item.ok);
      printErrorObject({
        code: 'PARTIAL_FAILURE',
        message: `${failed.length} of ${result.items.length} elements of ${def.path} failed; the others succeeded.`,
        hint: 'See the next step of each failed element.',
        items: failed.map((item) => ({
          index: item.index,
          key: item.key,
          error_code: item.errorCode,
          error_text: item.errorText,
          hint: hintFor(item.errorCode ?? '', item.item),
        })),
      });
      return EXIT_FAILED;
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof RegApi2Error) {
      printErrorJson(error);
      return EXIT_FAILED;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

export const callCommand: Command = { name: 'call', summary: 'run one REG.API read method, or propose a write for approval', usage, run };

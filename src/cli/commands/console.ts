import { userInfo } from 'node:os';
import { start } from 'node:repl';
import { createFacade } from '../../core/facade.js';
import { createOperations } from '../../core/operations/index.js';
import { EXIT_OK, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { openRuntime } from '../runtime.js';

const usage = `Usage: regapi2 console [options]

An interactive JavaScript prompt with every REG.API category in scope, for example:
  await domain.check({ domain_name: 'example.ru' })
  await common.nop()
  await zone.getResourceRecords({ domains: [{ dname: 'example.ru' }] })
Credentials come from ~/.regapi2 (username=..., password=...), the environment or the defaults,
like the Ruby gem's console. Read methods run at once. Write methods return a proposed operation,
which runs after a person approves it with \`regapi2 ops approve ID\`. \`api\` holds every category
and \`operations\` the approval queue (list, get, journal).

${COMMON_OPTIONS_HELP}`;

async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, usage, COMMON_OPTIONS, false);
  const runtime = await openRuntime(configFlags(values));
  const { core, config, logger } = runtime;
  try {
    // openRuntime raises a ConfigError when the store cannot open, so a store is present.
    const operations = createOperations({ core, store: runtime.store!, logger });
    const requestedBy = `cli:${userInfo().username}`;
    const api = createFacade(core, {
      write: (definition, input) => operations.propose({ path: definition.path, input, requestedBy }),
    });

    process.stdout.write(
      `regapi2 console: login ${config.username} at ${config.apiUrl}\n` +
        `Categories: ${Object.keys(api).sort().join(', ')}. Try: await common.nop()\n`,
    );
    const repl = start({ prompt: 'regapi2> ' });
    // The core itself stays out of scope: its call() sends writes directly, which only the queue may do.
    const readOnlyOperations = { list: operations.list, get: operations.get, journal: operations.journal };
    Object.assign(repl.context, api, { api, operations: readOnlyOperations });

    await new Promise<void>((resolve) => repl.once('exit', () => resolve()));
    return EXIT_OK;
  } finally {
    await runtime.close();
  }
}

export const consoleCommand: Command = { name: 'console', summary: 'interactive prompt with every REG.API category in scope', usage, run };

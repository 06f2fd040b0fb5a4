import { sandboxUsage } from '../../sandbox/usage.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';

const usage = sandboxUsage('regapi2 sandbox');

async function run(argv: string[]): Promise<number> {
  // Loaded here rather than at the top, so that other commands do not load the sandbox.
  const { runSandboxCli, SandboxUsageError } = await import('../../sandbox/cli.js');
  try {
    const running = await runSandboxCli(argv, { command: 'regapi2 sandbox' });
    await running?.stopped;
    return EXIT_OK;
  } catch (error) {
    if (error instanceof SandboxUsageError) throw new UsageError(error.message, usage);
    throw error;
  }
}

export const sandboxCommand: Command = { name: 'sandbox', summary: 'run the local REG.API server for tests and trials', usage, run };

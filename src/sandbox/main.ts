#!/usr/bin/env node
/**
 * Runs the sandbox as its own process: `node dist/sandbox/main.js [options]`, with the flags that
 * `sandboxUsage` lists. Exits 2 on bad flags and 1 when the server cannot start.
 */
import { runSandboxCli, SandboxUsageError, sandboxUsage } from './cli.js';

try {
  const running = await runSandboxCli(process.argv.slice(2));
  await running?.stopped;
} catch (error) {
  if (error instanceof SandboxUsageError) {
    process.stderr.write(`${error.message}\n\n${sandboxUsage()}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`The REG.API sandbox could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

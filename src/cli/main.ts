#!/usr/bin/env node
// The guard must be the first import: it moves console output off stdout before other modules load.
import './stdout-guard.js';
import { ConfigError } from '../core/client/errors.js';
import { EXIT_USAGE, UsageError, usageLine, type Command } from './command.js';
import { nodeVersionProblem } from './node-version.js';
import { packageVersion } from './version.js';

async function allCommands(): Promise<readonly Command[]> {
  return (await import('./commands/index.js')).commands;
}

function isCommand(value: unknown, name: string): value is Command {
  const candidate = value as Partial<Command> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.name === name && typeof candidate.run === 'function';
}

/**
 * Loads the command called `name`. Loading every command costs a start-up of `regapi2 mcp` about a
 * third more time, because each command brings its own dependencies, so the module named after the
 * command (`commands/mcp.js`) is tried first and the full list only when that finds nothing.
 */
async function findCommand(name: string): Promise<Command | undefined> {
  if (/^[a-z][a-z-]*$/.test(name)) {
    try {
      const module = (await import(`./commands/${name}.js`)) as Record<string, unknown>;
      const command = Object.values(module).find((value) => isCommand(value, name));
      if (command) return command as Command;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
  return (await allCommands()).find((candidate) => candidate.name === name);
}

function mainHelp(list: readonly Command[]): string {
  const width = Math.max(...list.map((command) => command.name.length));
  const lines = list.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: regapi2 COMMAND [options]',
    '',
    'REG.API v2 (REG.RU) from the command line, as an MCP server and in Slack.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "regapi2 COMMAND --help" for the options of a command.',
  ].join('\n');
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.includes('--help') || options.includes('-h');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Node.js 20, for one, fails while loading any command, with ERR_UNKNOWN_BUILTIN_MODULE for node:sqlite.
  const versionProblem = nodeVersionProblem(process.versions.node);
  if (versionProblem && name !== '--version' && name !== '-V') {
    process.stderr.write(`regapi2: ${versionProblem}\n`);
    return EXIT_USAGE;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp(await allCommands())}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }

  const command = await findCommand(name);
  if (!command) {
    const known = (await allCommands()).map((candidate) => candidate.name).join(', ');
    process.stderr.write(`regapi2: unknown command "${name}" (commands: ${known})\nUsage: regapi2 COMMAND [options]\n`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }

  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      const line = error.usage ? usageLine({ usage: error.usage }) : usageLine(command);
      process.stderr.write(`regapi2 ${command.name}: ${error.message}\n${line}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`regapi2 ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// A reader that stops early (`regapi2 ops list | head -1`) closes the pipe; that ends the command
// quietly instead of raising EPIPE from the next write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));

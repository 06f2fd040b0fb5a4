#!/usr/bin/env node
// The guard must be the first import: it moves console output off stdout before other modules load.
import './stdout-guard.js';
import { ConfigError } from '../core/client/errors.js';
import { EXIT_USAGE, UsageError, usageLine, type Command } from './command.js';
import { commands } from './commands/index.js';
import { packageVersion } from './version.js';

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
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp(commands)}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }

  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const known = commands.map((candidate) => candidate.name).join(', ');
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

process.exitCode = await main(process.argv.slice(2));

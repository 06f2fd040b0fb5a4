import type { Command } from '../command.js';
import { callCommand } from './call.js';
import { consoleCommand } from './console.js';
import { doctorCommand } from './doctor.js';
import { mcpCommand } from './mcp.js';
import { opsCommand } from './ops.js';
import { sandboxCommand } from './sandbox.js';
import { serveCommand } from './serve.js';
import { slackCommand } from './slack.js';
import { workerCommand } from './worker.js';

/** Every `regapi2` subcommand, in the order `regapi2 --help` lists them. Add new commands here. */
export const commands: readonly Command[] = [mcpCommand, callCommand, consoleCommand, doctorCommand, opsCommand, serveCommand, workerCommand, slackCommand, sandboxCommand];

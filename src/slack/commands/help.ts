import { SLASH_COMMAND } from '../ids.js';
import type { CommandRequest, Reply } from './types.js';

export function runHelp(request: CommandRequest): Reply {
  return { text: request.t.help({ command: SLASH_COMMAND }) };
}

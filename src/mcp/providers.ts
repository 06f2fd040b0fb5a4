import type { ToolProvider } from './tool.js';
import { readTools } from './tools/read.js';

/** Every tool family the MCP server offers; toolsets and `--read-only` choose among them. */
export const mcpToolProviders: readonly ToolProvider[] = [readTools];

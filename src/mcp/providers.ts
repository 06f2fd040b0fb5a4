import type { ToolProvider } from './tool.js';
import { operationsToolsProvider } from './tools/operations.js';
import { readTools } from './tools/read.js';
import { writeTools } from './tools/writes.js';

/** Every tool family the MCP server offers; toolsets and `--read-only` choose among them. */
export const mcpToolProviders: readonly ToolProvider[] = [readTools, writeTools, operationsToolsProvider];

import type { WriteOperations } from './tools/writes-types.js';
import type { ToolProvider } from './tool.js';
import { createOperationsTools, operationsToolsProvider } from './tools/operations.js';
import { readTools } from './tools/read.js';
import { createWriteTools, writeTools } from './tools/writes.js';

/** Every tool family the MCP server offers; toolsets and `--read-only` choose among them. */
export const mcpToolProviders: readonly ToolProvider[] = [readTools, writeTools, operationsToolsProvider];

/**
 * Lists every tool family, with the write and operations tools sharing one operations API. A process
 * that also runs the queue worker passes the worker's API, so approvals and results meet in one place.
 */
export function mcpToolProvidersFor(operations: WriteOperations): readonly ToolProvider[] {
  return [readTools, createWriteTools({ operations }), createOperationsTools(operations)];
}

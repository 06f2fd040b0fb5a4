import { z } from 'zod';
import type { Core } from '../../core/core.js';
import { createOperations } from '../../core/operations/index.js';
import type { OperationRecord, OperationState } from '../../core/operations/types.js';
import type { McpTool, ObjectJsonSchema, ToolProvider } from '../tool.js';
import { approvalInstructions } from './writes-confirm.js';
import { argumentsSchema, parseArguments } from './writes-dns.js';
import { previewLines } from './writes-result.js';
import type { WriteOperations } from './writes-types.js';

const STATES = ['awaiting_approval', 'approved', 'queued', 'sending', 'done', 'done_unpaid', 'failed', 'rejected', 'expired', 'outcome_unknown'] as const satisfies readonly OperationState[];

/** The maximum number of operations one operations_list call returns. */
const MAX_LISTED = 200;

const listArguments = z.strictObject({
  states: z.array(z.enum(STATES)).optional().describe('Only operations in these states'),
  limit: z.number().int().min(1).max(MAX_LISTED).optional().describe(`How many, newest first; default 20, at most ${MAX_LISTED}`),
});

const statusArguments = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'an operation id is 32 lower-case hex characters').describe('The operation id a write tool returned'),
});

const OPERATION_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    path: { type: 'string' },
    state: { type: 'string' },
    requested_by: { type: 'string' },
    decided_by: { type: ['string', 'null'] },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
    expires_at: { type: 'string' },
    headline: { type: 'string' },
  },
  required: ['id', 'path', 'state', 'requested_by', 'created_at'],
};

function summary(operation: OperationRecord): Record<string, unknown> {
  return {
    id: operation.id,
    path: operation.path,
    state: operation.state,
    requested_by: operation.requestedBy,
    decided_by: operation.decidedBy,
    created_at: operation.createdAt,
    updated_at: operation.updatedAt,
    expires_at: operation.expiresAt,
    ...(operation.preview ? { headline: operation.preview.headline } : {}),
  };
}

function operationsTools(core: Core, operations: () => WriteOperations): McpTool[] {
  const list: McpTool = {
    name: 'operations_list',
    title: 'List operations',
    description: 'Lists the write and billing operations of this account, newest first: what each does, its state, who asked and who decided.',
    inputSchema: argumentsSchema(listArguments, false),
    outputSchema: { type: 'object', properties: { operations: { type: 'array', items: OPERATION_SCHEMA } }, required: ['operations'] },
    annotations: { title: 'List operations', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    toolset: 'operations',
    async handler(args) {
      const parsed = parseArguments(listArguments, args, 'operations_list');
      const found = await operations().list({ account: core.config.username, states: parsed.states, limit: parsed.limit ?? 20 });
      const structured = { operations: found.map(summary) };
      const text = found.length === 0 ? 'No operations.' : found.map((operation) => `${operation.id} ${operation.state} ${operation.path}: ${operation.preview?.headline ?? ''}`).join('\n');
      return { content: [{ type: 'text', text }], structuredContent: structured };
    },
  };

  const status: McpTool = {
    name: 'operations_status',
    title: 'Show an operation',
    description: 'Shows one operation: its state, preview, result or error, and what happens next.',
    inputSchema: argumentsSchema(statusArguments, false),
    outputSchema: {
      type: 'object',
      properties: {
        operation: OPERATION_SCHEMA,
        preview: { type: 'object' },
        result: {},
        error: { type: 'object' },
        next_step: { type: 'string' },
      },
      required: ['operation', 'next_step'],
    } satisfies ObjectJsonSchema,
    annotations: { title: 'Show an operation', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    toolset: 'operations',
    async handler(args) {
      const { id } = parseArguments(statusArguments, args, 'operations_status');
      const operation = await operations().get(id);
      if (!operation || operation.account !== core.config.username) {
        return { isError: true, content: [{ type: 'text', text: `Operation ${id} not found. operations_list shows the ids of this account.` }] };
      }
      const nextStep =
        operation.state === 'awaiting_approval'
          ? approvalInstructions(core, operation.id)
          : operation.state === 'failed'
            ? (operation.error?.hint ?? 'Correct the request and propose it again.')
            : ['done', 'done_unpaid', 'rejected', 'expired'].includes(operation.state)
              ? 'Nothing; the operation is finished.'
              : 'Ask again shortly; the operation is queued or being sent.';
      const structured = {
        operation: summary(operation),
        ...(operation.preview ? { preview: operation.preview } : {}),
        ...(operation.result !== null && operation.result !== undefined ? { result: operation.result } : {}),
        ...(operation.error ? { error: operation.error } : {}),
        next_step: nextStep,
      };
      const lines = [`Operation ${operation.id} (${operation.path}) is ${operation.state}.`, ...(operation.preview ? previewLines(operation.preview) : [])];
      if (operation.error) lines.push(`${operation.error.code}: ${operation.error.message}`);
      lines.push(`Next step: ${nextStep}`);
      return { content: [{ type: 'text', text: lines.join('\n') }], structuredContent: structured };
    },
  };
  return [list, status];
}

/** `operations_list` and `operations_status`; `operations` defaults to the operations on the core's store. */
export function createOperationsTools(injected?: WriteOperations): ToolProvider {
  const toolsByCore = new WeakMap<Core, readonly McpTool[]>();
  return (core) => {
    let tools = toolsByCore.get(core);
    if (!tools) {
      let operations = injected;
      tools = operationsTools(core, () => {
        if (!operations) {
          if (!core.store) throw new Error('The operations tools need a store; start regapi2 with a store (--store sqlite:PATH).');
          operations = createOperations({ core, store: core.store, logger: core.logger });
        }
        return operations;
      });
      toolsByCore.set(core, tools);
    }
    return tools;
  };
}

export const operationsToolsProvider: ToolProvider = createOperationsTools();

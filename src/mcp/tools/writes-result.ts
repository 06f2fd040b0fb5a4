import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { DnsRecord, OperationRecord, OperationState, Preview } from '../../core/operations/types.js';
import type { ObjectJsonSchema } from '../tool.js';

/** The structured content every write tool returns, whatever the outcome. */
export interface WriteOutcome {
  /** An operation state, or `no_change` (the zone already matches) or `token_issued` (tier 4 prepare step). */
  state: OperationState | 'no_change' | 'token_issued';
  operation_id?: string;
  path?: string;
  preview?: Preview;
  /** The normalised REG.API answer once the operation is done. */
  result?: unknown;
  error?: { code: string; message: string; hint: string };
  /** The tier-4 token to pass back as `commit`, and when it stops being valid. */
  commit_token?: string;
  token_expires_at?: string;
  next_step: string;
}

/** The output schema of every write tool. */
export const WRITE_OUTPUT_SCHEMA: ObjectJsonSchema = {
  type: 'object',
  properties: {
    state: { type: 'string', description: 'Operation state (awaiting_approval, queued, done, failed, rejected, ...), no_change, or token_issued.' },
    operation_id: { type: 'string', description: 'The operation id (32 hex characters); operations_status shows its progress.' },
    path: { type: 'string', description: 'The REG.API method the operation runs.' },
    preview: { type: 'object', description: 'What the change does: DNS records added and removed, price and balance, what is deleted.' },
    result: { description: 'The REG.API answer once the operation is done.' },
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' } },
      required: ['code', 'message', 'hint'],
    },
    commit_token: { type: 'string', description: 'Single-use token: call the same tool again with the same arguments and commit set to it.' },
    token_expires_at: { type: 'string' },
    next_step: { type: 'string', description: 'What happens next or what a person has to do.' },
  },
  required: ['state', 'next_step'],
};

function recordLine(record: DnsRecord): string {
  const priority = record.priority !== undefined ? ` ${record.priority}` : '';
  return `${record.subname} ${record.type}${priority} "${record.content}"`;
}

/** Renders the preview as lines of text, for the tool result and the confirmation form. */
export function previewLines(preview: Preview): string[] {
  const lines = [preview.headline];
  if (preview.dns) {
    lines.push(...preview.dns.added.map((record) => `+ add ${recordLine(record)}`));
    lines.push(...preview.dns.removed.map((record) => `- remove ${recordLine(record)}`));
    if (preview.dns.unchanged.length > 0) lines.push(`Left in place: ${preview.dns.unchanged.map(recordLine).join(', ')}`);
  }
  if (preview.deletes && preview.deletes.length > 0) lines.push(`Deletes: ${preview.deletes.join(', ')}`);
  const currency = preview.currency ?? 'RUR';
  if (preview.price !== undefined) lines.push(`Price: ${preview.price.toFixed(2)} ${currency}`);
  else if (preview.currency !== undefined) lines.push('Price: unknown');
  if (preview.balanceBefore !== undefined) {
    const after = preview.balanceAfter !== undefined ? ` → ${preview.balanceAfter.toFixed(2)}` : '';
    lines.push(`Balance: ${preview.balanceBefore.toFixed(2)}${after} ${currency}`);
  }
  lines.push(...preview.warnings.map((warning) => `Warning: ${warning}`));
  return lines.filter((line) => line !== '');
}

const FAILED_STATES = new Set<WriteOutcome['state']>(['failed', 'rejected', 'expired', 'outcome_unknown']);

/**
 * Builds the tool result. Failed, rejected, expired and unknown outcomes are `isError: true`, and
 * so is a done list call with refused elements, because a client that sees no error counts the
 * whole change as made.
 */
export function writeResult(outcome: WriteOutcome, summary: string): CallToolResult {
  const lines = [summary];
  if (outcome.preview) lines.push(...previewLines(outcome.preview));
  if (outcome.error) lines.push(`${outcome.error.code}: ${outcome.error.message}`);
  if (outcome.commit_token) lines.push(`Token: ${outcome.commit_token} (valid until ${outcome.token_expires_at})`);
  lines.push(`Next step: ${outcome.next_step}`);
  const structured = JSON.parse(JSON.stringify(outcome)) as Record<string, unknown>;
  return {
    ...(FAILED_STATES.has(outcome.state) || (outcome.state === 'done' && outcome.error !== undefined) ? { isError: true } : {}),
    content: [{ type: 'text', text: lines.join('\n') }],
    structuredContent: structured,
  };
}

/** Copies the outcome fields of an operation record. */
export function fromOperation(operation: OperationRecord): Pick<WriteOutcome, 'state' | 'operation_id' | 'path' | 'preview' | 'result' | 'error'> {
  return {
    state: operation.state,
    operation_id: operation.id,
    path: operation.path,
    ...(operation.preview ? { preview: operation.preview } : {}),
    ...(operation.result !== null && operation.result !== undefined ? { result: operation.result } : {}),
    ...(operation.error ? { error: operation.error } : {}),
  };
}

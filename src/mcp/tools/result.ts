import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { hintFor } from '../../core/client/hints.js';
import type { CallResult, ItemOutcome } from '../../core/client/types.js';
import { RateLimitedError, RegApiError, TransportError, type RegApi2Error } from '../../core/client/errors.js';

/** An element outcome as tools return it: snake_case like REG.API, without the raw element. */
function itemSummary(item: ItemOutcome): Record<string, unknown> {
  return {
    index: item.index,
    ...(item.key !== undefined ? { key: item.key } : {}),
    ok: item.ok,
    ...(item.errorCode !== undefined ? { error_code: item.errorCode } : {}),
    ...(item.errorText !== undefined ? { error_text: item.errorText } : {}),
  };
}

function describeFailedItem(item: ItemOutcome): string {
  const name = item.key ?? `element ${item.index}`;
  const code = item.errorCode ?? 'ERROR';
  const hint = hintFor(code, item.item);
  return `- ${name}: ${code}${item.errorText ? ` (${item.errorText})` : ''}. Next step: ${hint}`;
}

/**
 * Builds the tool result of a call REG.API accepted. A partial outcome (some list elements failed)
 * is an error result, because a client that sees no `isError` counts the whole call as done.
 */
export function callResultToTool(result: CallResult): CallToolResult {
  const structured = {
    path: result.path,
    outcome: result.outcome,
    ...(result.answer !== undefined && result.answer !== null ? { answer: result.answer } : {}),
    items: result.items.map(itemSummary),
    requests: result.requests,
  };
  const json = JSON.stringify(structured);
  if (result.outcome === 'success') {
    return { content: [{ type: 'text', text: json }], structuredContent: structured };
  }

  const failed = result.items.filter((item) => !item.ok);
  const summary = [
    `${result.path}: ${failed.length} of ${result.items.length} elements failed; the others succeeded.`,
    ...failed.map(describeFailedItem),
  ].join('\n');
  return {
    isError: true,
    content: [{ type: 'text', text: `${summary}\n${json}` }],
    structuredContent: structured,
  };
}

/** Names the domain, service or command a REG.API error refers to, from its `error_params` or failed elements. */
function errorObject(error: RegApi2Error): string | undefined {
  if (error instanceof RegApiError) {
    const params = error.errorParams;
    for (const field of ['domain_name', 'dname', 'service_id', 'servtype', 'bill_id', 'command_name']) {
      const value = params[field];
      if (typeof value === 'string' || typeof value === 'number') {
        return field === 'command_name' ? `command ${value}` : `${field} ${value}`;
      }
    }
    const keys = error.items.filter((item) => !item.ok && item.key).map((item) => item.key);
    if (keys.length > 0) return keys.join(', ');
  }
  return undefined;
}

/**
 * Builds the tool result of a failed call: `isError: true`, a text that names the code, the object
 * and the next step, and the same facts as structured content.
 */
export function errorToTool(path: string, error: RegApi2Error): CallToolResult {
  const object = errorObject(error);
  const lines = [`${error.code}: ${error.message}`];
  if (object) lines.push(`Object: ${object}.`);
  if (error instanceof RegApiError) {
    for (const item of error.items.filter((element) => !element.ok)) lines.push(describeFailedItem(item));
  }
  if (error instanceof TransportError && error.mayHaveReachedServer) {
    lines.push('The request may have reached REG.API.');
  }
  if (error instanceof RateLimitedError) lines.push(`Retry after ${error.retryAt.toISOString()}.`);
  lines.push(`Next step: ${error.hint}`);

  const structured = {
    path,
    outcome: 'error',
    items: error instanceof RegApiError ? error.items.map(itemSummary) : [],
    error: {
      code: error.code,
      message: error.message,
      hint: error.hint,
      ...(object ? { object } : {}),
    },
  };
  return { isError: true, content: [{ type: 'text', text: lines.join('\n') }], structuredContent: structured };
}

import type { OperationRecord } from '../../core/operations/types.js';
import type { ToolExtra } from '../tool.js';
import type { WriteOperations } from './writes-types.js';

const STATES_THAT_END_WAITING = new Set(['done', 'done_unpaid', 'failed', 'rejected', 'expired', 'outcome_unknown']);

/**
 * Sends `notifications/progress` every `intervalMs` while a tool call waits, when the request
 * carried a progress token. Clients that reset their timeout on progress then keep the call open.
 * Returns a function that stops the ticker.
 */
export function startProgress(extra: ToolExtra, intervalMs: number, describe: () => string): () => void {
  const token = extra._meta?.progressToken;
  if (token === undefined) return () => {};
  let progress = 0;
  const send = (): void => {
    progress += 1;
    extra
      .sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, message: describe() } })
      .catch(() => {
        // The client went away; the operation itself is unaffected and the store keeps its state.
      });
  };
  send();
  const timer = setInterval(send, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Waits until the operation reaches a state where waiting ends (done, failed, rejected, ...) or
 * `deadline` (epoch milliseconds) passes, and returns the record as it then is.
 */
export async function waitForOutcome(operations: WriteOperations, operation: OperationRecord, deadline: number, extra: ToolExtra, onChange: (operation: OperationRecord) => void): Promise<OperationRecord> {
  if (STATES_THAT_END_WAITING.has(operation.state)) return operation;
  const timeoutMs = Math.max(0, deadline - Date.now());
  if (timeoutMs === 0) return operation;
  try {
    return await operations.waitFor(operation.id, { timeoutMs, signal: extra.signal, onProgress: onChange });
  } catch (error) {
    // A timeout or an aborted request ends the wait, not the operation: report its current state.
    const current = await operations.get(operation.id);
    if (current) return current;
    throw error;
  }
}

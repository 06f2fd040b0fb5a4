import type { OperationsContext } from './context.js';
import { OperationNotFoundError } from './errors.js';
import { FINAL_STATES, type OperationRecord, type WaitOptions } from './types.js';

/**
 * Polls the store until the operation is final, or is back with a person after it had been
 * approved, or the timeout or signal ends the wait. Returns the operation as it is then; the
 * caller reads `state` to tell which.
 */
export async function waitFor(context: OperationsContext, id: string, options: WaitOptions): Promise<OperationRecord> {
  const deadline = Date.now() + options.timeoutMs;
  const pollMs = options.pollMs ?? 250;
  let previous: OperationRecord | null = null;
  let leftApproval = false;

  for (;;) {
    const operation = await context.store.getOperation(id);
    if (!operation) throw new OperationNotFoundError(id);
    if (previous && previous.version !== operation.version) options.onProgress?.(operation);
    if (operation.state !== 'awaiting_approval') leftApproval = true;
    if (FINAL_STATES.includes(operation.state)) return operation;
    if (leftApproval && operation.state === 'awaiting_approval') return operation;
    if (Date.now() >= deadline || options.signal?.aborted) return operation;
    previous = operation;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now())));
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }
}

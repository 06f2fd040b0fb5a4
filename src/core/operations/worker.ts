import type { OperationsContext } from './context.js';
import { expirePending, queueApproved } from './decide.js';
import { executeClaimed } from './execute.js';
import { reconcile } from './reconcile.js';
import type { OperationRecord, WorkerHandle } from './types.js';

/** Claims the next due operation of this process's account, when its lane is free, and runs it; null when none is due. */
export async function runNext(context: OperationsContext): Promise<OperationRecord | null> {
  const claimed = await context.store.claimNext(context.workerId, context.leaseMs, context.now(), { account: context.core.config.username });
  if (!claimed) return null;
  return executeClaimed(context, claimed);
}

/**
 * Runs the queue until stopped. Each round expires stale approvals and queues approved operations
 * whose approver died before queueing them. It then reconciles operations whose outcome is unknown,
 * including those of crashed workers, and runs due operations one by one, sleeping `pollMs` when
 * none is left. Errors are logged and the loop goes on.
 */
export function startWorker(context: OperationsContext, options: { pollMs?: number } = {}): WorkerHandle {
  const pollMs = options.pollMs ?? 1_000;
  let stopping = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async (): Promise<void> => {
    context.logger.info({ workerId: context.workerId, pollMs, leaseMs: context.leaseMs }, 'queue worker started');
    while (!stopping) {
      try {
        await expirePending(context);
        await queueApproved(context);
        await reconcile(context);
        while (!stopping && (await runNext(context)) !== null) {
          // Keep going while operations are due.
        }
      } catch (error) {
        context.logger.error({ err: error, workerId: context.workerId }, 'queue worker round failed');
      }
      if (!stopping) await sleep(pollMs);
    }
    context.logger.info({ workerId: context.workerId }, 'queue worker stopped');
  };

  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}

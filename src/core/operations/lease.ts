import type { OperationsContext } from './context.js';
import type { OperationRecord } from './types.js';
import type { OperationPatch } from '../store/types.js';

/**
 * Keeps the worker's lease on a `sending` operation alive while it works, so that a slow preview
 * plus a slow REG.API response never lets another worker take the account's lane. Every update of
 * the row goes through `update`, one after another, so each compare-and-set uses the latest version.
 */
export class LeaseKeeper {
  private current: OperationRecord;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** False once an update found the row changed by someone else (the lease ran out and the reconciler took it). */
  held = true;

  constructor(
    private readonly context: OperationsContext,
    claimed: OperationRecord,
  ) {
    this.current = claimed;
    this.timer = setInterval(() => void this.update({}), Math.max(50, Math.floor(context.leaseMs / 3)));
    this.timer.unref();
  }

  get operation(): OperationRecord {
    return this.current;
  }

  /** Applies `patch` and extends the lease, after any update already in flight; returns null when the lease was lost. */
  update(patch: OperationPatch): Promise<OperationRecord | null> {
    const next = this.chain.then(async () => {
      if (!this.held) return null;
      const leaseUntil = new Date(this.context.now().getTime() + this.context.leaseMs).toISOString();
      const updated = await this.context.store.updateOperation(
        this.current.id,
        { states: ['sending'], version: this.current.version },
        { ...patch, leaseUntil, updatedAt: this.context.now().toISOString() },
      );
      if (!updated) {
        this.held = false;
        this.context.logger.warn({ operationId: this.current.id, workerId: this.context.workerId }, 'lease on operation lost');
        return null;
      }
      this.current = updated;
      return updated;
    });
    this.chain = next.catch((error: unknown) => {
      this.context.logger.error({ err: error, operationId: this.current.id }, 'lease renewal failed');
    });
    return next;
  }

  /** Stops renewing and returns the latest record once pending updates have finished. */
  async release(): Promise<OperationRecord> {
    clearInterval(this.timer);
    await this.chain;
    return this.current;
  }
}

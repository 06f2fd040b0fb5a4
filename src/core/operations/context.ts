import type { OperationDefinition } from '../catalogue/types.js';
import type { CallOptions, CallResult } from '../client/types.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { JournalEntry, OperationNotifier, OperationRecord, Preview } from './types.js';

/** The part of the core the operations need; `createCore` returns a superset. */
export interface OperationsCore {
  readonly config: { username: string; responseTimeoutMs: number; tokenAllowsBilling?: boolean; readOnly?: boolean };
  readonly catalogue: readonly OperationDefinition[];
  validate(path: string, input: unknown): Record<string, unknown>;
  call(path: string, input: Record<string, unknown>, options?: CallOptions): Promise<CallResult>;
}

/** The preview functions of `./preview/index.js`, passed in so the queue stays independent of how previews are built. */
export interface PreviewFunctions {
  computePreview(core: never, path: string, input: Record<string, unknown>): Promise<Preview>;
  previewDrifted(before: Preview, now: Preview): string | null;
  prepareInput(core: never, path: string, input: Record<string, unknown>, operationId: string): Promise<Record<string, unknown>>;
}

export interface RetryPolicy {
  /** Delay before the first retry, in milliseconds; each further retry doubles it. Default 2,000. */
  baseDelayMs: number;
  /** Upper bound of one delay, in milliseconds. Default 5 minutes. */
  maxDelayMs: number;
  /** Attempts after which an operation that keeps meeting a temporary error fails. Default 8. */
  maxAttempts: number;
}

/** Everything the lifecycle steps share; built once by `createOperations`. */
export interface OperationsContext {
  core: OperationsCore;
  store: Store;
  logger: Logger;
  workerId: string;
  now: () => Date;
  approvers: readonly string[];
  expiryMs: number;
  leaseMs: number;
  /**
   * How long the reconciler waits before looking up an operation whose request got no answer. A
   * request that timed out here may still be running at REG.API, and a lookup made at once would
   * miss its late effect and send it again.
   */
  settleMs: number;
  retry: RetryPolicy;
  notifiers: readonly OperationNotifier[];
  preview: PreviewFunctions;
}

/** Finds the catalogue entry of a path, or throws an error that names the path. */
export function definitionOf(context: OperationsContext, path: string): OperationDefinition {
  const definition = context.core.catalogue.find((entry) => entry.path === path);
  if (!definition) {
    throw new Error(`Unknown REG.API method "${path}"; use a path such as zone/add_txt, as listed by \`regapi2 call --help\`.`);
  }
  return definition;
}

/** Appends one journal entry for an operation, stamped with the current time. */
export async function journal(
  context: OperationsContext,
  operationId: string,
  kind: JournalEntry['kind'],
  actor: string | null,
  data: Record<string, unknown>,
): Promise<void> {
  await context.store.appendJournal({ operationId, at: context.now().toISOString(), kind, actor, data });
}

/**
 * Tells every notifier about an operation. A failing notifier is logged and skipped, because a
 * Slack outage must not stop the queue; the store stays the record of truth.
 */
export async function notify(context: OperationsContext, operation: OperationRecord, event: 'announce' | 'update'): Promise<void> {
  for (const notifier of context.notifiers) {
    try {
      await notifier[event](operation);
    } catch (error) {
      context.logger.warn({ err: error, operationId: operation.id, event }, 'operation notifier failed');
    }
  }
}

/** Moves an operation to a new state under compare-and-set, journals the change and notifies. */
export async function transition(
  context: OperationsContext,
  operation: OperationRecord,
  patch: Parameters<Store['updateOperation']>[2] & { state: OperationRecord['state'] },
  journalData: Record<string, unknown> = {},
  actor: string | null = context.workerId,
): Promise<OperationRecord | null> {
  const updated = await context.store.updateOperation(
    operation.id,
    { states: [operation.state], version: operation.version },
    { ...patch, updatedAt: context.now().toISOString() },
  );
  if (!updated) return null;
  await journal(context, operation.id, 'state', actor, { from: operation.state, to: updated.state, ...journalData });
  if (updated.state !== operation.state) await notify(context, updated, 'update');
  return updated;
}

/** Builds the patch that hands an operation back to a person, with a warning added to its preview. */
export function backToPerson(context: OperationsContext, preview: Preview | null, warning: string) {
  const base: Preview = preview ?? { headline: 'Operation', confirmWith: '', warnings: [] };
  return {
    state: 'awaiting_approval' as const,
    preview: { ...base, warnings: [...base.warnings, warning] },
    decidedBy: null,
    decidedAt: null,
    expiresAt: new Date(context.now().getTime() + context.expiryMs).toISOString(),
    leaseOwner: null,
    leaseUntil: null,
    notBefore: null,
  };
}

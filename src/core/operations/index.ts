import { hostname } from 'node:os';

import { silentLogger, type Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { OperationsContext, OperationsCore, PreviewFunctions, RetryPolicy } from './context.js';
import { approve, expirePending, reject } from './decide.js';
import { propose } from './propose.js';
import * as previewModule from './preview/index.js';
import { reconcile } from './reconcile.js';
import type { OperationNotifier, Operations } from './types.js';
import { waitFor } from './wait.js';
import { runNext, startWorker } from './worker.js';

export type { OperationsCore, PreviewFunctions, RetryPolicy } from './context.js';
export { ApprovalDeniedError, OperationNotFoundError, OperationStateError } from './errors.js';
export type * from './types.js';
export { FINAL_STATES } from './types.js';

/** Pending operations expire after 4 hours, so a person never approves a stale price or zone. */
const DEFAULT_EXPIRY_MS = 4 * 3600_000;

export interface CreateOperationsOptions {
  core: OperationsCore;
  store: Store;
  logger?: Logger;
  /** Names this process in leases and the journal; default `<host>:<pid>`. */
  workerId?: string;
  now?: () => Date;
  approvalPolicy?: { approvers?: string[]; expiryMs?: number };
  notifiers?: OperationNotifier[];
  /**
   * How long a claimed operation stays leased without renewal, in milliseconds. The worker renews
   * it every third of this while it works. Default: twice the response timeout plus 30 s, so it is
   * always longer than one HTTP call.
   */
  leaseMs?: number;
  /** Wait before looking up a request that got no answer, in milliseconds; default the response timeout. */
  settleMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Replaces the preview functions; the default is `./preview/index.js`. */
  preview?: PreviewFunctions;
}

/** Builds the operations API on a core and a store. */
export function createOperations(options: CreateOperationsOptions): Operations {
  const responseTimeoutMs = options.core.config.responseTimeoutMs;
  const leaseMs = options.leaseMs ?? responseTimeoutMs * 2 + 30_000;
  if (leaseMs <= responseTimeoutMs) {
    throw new Error(`leaseMs (${leaseMs}) must be longer than the response timeout (${responseTimeoutMs} ms), or a slow response would let a second worker send on the same account.`);
  }
  const context: OperationsContext = {
    core: options.core,
    store: options.store,
    logger: options.logger ?? silentLogger,
    workerId: options.workerId ?? `${hostname()}:${process.pid}`,
    now: options.now ?? (() => new Date()),
    approvers: options.approvalPolicy?.approvers ?? [],
    expiryMs: options.approvalPolicy?.expiryMs ?? DEFAULT_EXPIRY_MS,
    leaseMs,
    settleMs: options.settleMs ?? responseTimeoutMs,
    retry: { baseDelayMs: 2_000, maxDelayMs: 300_000, maxAttempts: 8, ...options.retry },
    notifiers: options.notifiers ?? [],
    preview: options.preview ?? (previewModule as unknown as PreviewFunctions),
  };

  return {
    propose: (request) => propose(context, request),
    approve: (id, decision) => approve(context, id, decision),
    reject: (id, decision) => reject(context, id, decision),
    get: (id) => context.store.getOperation(id),
    list: (filter = {}) => context.store.listOperations(filter),
    journal: (id) => context.store.listJournal(id),
    waitFor: (id, waitOptions) => waitFor(context, id, waitOptions),
    startWorker: (workerOptions) => startWorker(context, workerOptions),
    runNext: () => runNext(context),
    reconcile: (id) => reconcile(context, id),
    expirePending: () => expirePending(context),
  };
}

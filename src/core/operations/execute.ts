import { RateLimitedError, RegApiError, TransportError } from '../client/errors.js';
import { NOT_EXECUTED_CODES } from '../client/hints.js';
import { backToPerson, journal, notify, transition, type OperationsContext } from './context.js';
import { TEMPORARY_CODES, backoffDelay, classifyFailure, operationError } from './classify.js';
import { LeaseKeeper } from './lease.js';
import { judgeResult } from './outcome.js';
import { redactInput } from './redact.js';
import { evidenceBeforeSend, reconcileOne } from './reconcile.js';
import type { OperationRecord, Preview } from './types.js';

/**
 * Handles a failure that happened before anything was sent (the preview or the input could not be
 * worked out): a temporary problem queues the operation again, any other fails it.
 */
/**
 * A temporary failure of a read made by the check before sending. It is not a RegApi2Error, so the
 * preview code does not turn it into an "unknown price" warning, which would look like drift and
 * send the operation back to a person; the worker retries the check later instead.
 */
class PreviewReadFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function isTemporary(error: unknown): boolean {
  return (
    error instanceof TransportError ||
    error instanceof RateLimitedError ||
    (error instanceof RegApiError && (NOT_EXECUTED_CODES.has(error.code) || TEMPORARY_CODES.has(error.code)))
  );
}

/**
 * The core as the check before sending uses it: reads bypass the cache, because prices are cached
 * for hours and the check must see today's price, and temporary failures abort the check.
 */
function uncachedCore<C extends OperationsContext['core']>(core: C): C {
  return {
    ...core,
    call: async (path: string, input?: unknown, options?: object) => {
      try {
        return await core.call(path, input as never, { ...options, fresh: true });
      } catch (error) {
        throw isTemporary(error) ? new PreviewReadFailed(error) : error;
      }
    },
  };
}

async function failBeforeSending(context: OperationsContext, keeper: LeaseKeeper, error: unknown, step: string): Promise<OperationRecord | null> {
  const operation = await keeper.release();
  const failures = Number(operation.meta.unsentFailures ?? 0) + 1;
  const described = operationError(error);
  const temporary = isTemporary(error);
  const released = { leaseOwner: null, leaseUntil: null };
  context.logger.warn({ err: error, operationId: operation.id, step }, 'operation step failed before sending');

  if (temporary && failures < context.retry.maxAttempts) {
    const backoff = context.now().getTime() + backoffDelay(context.retry, failures);
    const notBefore = new Date(error instanceof RateLimitedError ? Math.max(backoff, error.retryAt.getTime()) : backoff).toISOString();
    return transition(
      context,
      operation,
      { state: 'queued', notBefore, error: described, meta: { ...operation.meta, unsentFailures: failures }, ...released },
      { step, error: described, sent: false },
    );
  }
  const failure = { ...described, message: `${step} failed, nothing was sent: ${described.message}` };
  return transition(context, operation, { state: 'failed', error: failure, ...released }, { step, error: described, sent: false });
}

/**
 * Runs one claimed operation: checks the preview again, writes the attempt, sends the request and
 * records the outcome. The attempt is in the store before the request leaves, so a crash at any
 * point leaves either an unsent operation or one that the reconciler must look up.
 */
export async function executeClaimed(context: OperationsContext, claimed: OperationRecord): Promise<OperationRecord | null> {
  const keeper = new LeaseKeeper(context, claimed);
  try {
    const finished = await runClaimed(context, keeper, claimed);
    if (!finished) {
      // Another worker or the reconciler changed the row after this worker's lease ran out; it
      // decides the outcome now, by looking it up.
      context.logger.warn({ operationId: claimed.id, workerId: context.workerId }, 'operation outcome not recorded: the lease was lost');
    }
    return finished;
  } finally {
    // Stops the lease renewal on every path, so that an unexpected error lets the lease run out and
    // the reconciler take the operation over.
    await keeper.release();
  }
}

async function runClaimed(context: OperationsContext, keeper: LeaseKeeper, claimed: OperationRecord): Promise<OperationRecord | null> {
  const { core, preview } = context;
  // claimNext moved the row from queued to sending inside the store; the journal records that step too.
  await journal(context, claimed.id, 'state', context.workerId, { from: 'queued', to: 'sending', leaseUntil: claimed.leaseUntil });
  await notify(context, claimed, 'update');
  const operation = claimed;

  let fresh: Preview;
  let sent: Record<string, unknown>;
  try {
    fresh = await preview.computePreview(uncachedCore(core) as never, operation.path, operation.input);
  } catch (error) {
    return failBeforeSending(context, keeper, error instanceof PreviewReadFailed ? error.cause : error, 'preview check');
  }

  const drift = operation.preview ? preview.previewDrifted(operation.preview, fresh) : null;
  if (drift) {
    const latest = await keeper.release();
    context.logger.info({ operationId: operation.id, drift }, 'operation changed since approval; back to a person');
    return transition(context, latest, backToPerson(context, fresh, `Changed since it was approved: ${drift}`), { drift });
  }

  if (fresh.dns && fresh.dns.added.length === 0 && fresh.dns.removed.length === 0) {
    const latest = await keeper.release();
    return transition(
      context,
      latest,
      { state: 'done', result: { noop: true, zone: fresh.dns.zone }, leaseOwner: null, leaseUntil: null },
      { noop: true, reason: 'the zone already matches; nothing was sent' },
    );
  }

  try {
    sent = await preview.prepareInput(core as never, operation.path, operation.input, operation.id);
  } catch (error) {
    return failBeforeSending(context, keeper, error, 'input preparation');
  }

  const before = await evidenceBeforeSend(context, operation, sent);
  const attempt = await keeper.update({ attempts: operation.attempts + 1, error: null });
  if (!attempt) return null;
  await journal(context, operation.id, 'request', context.workerId, {
    attempt: attempt.attempts,
    path: operation.path,
    input: redactInput(sent),
    ...(before ? { before } : {}),
  });
  context.logger.info({ operationId: operation.id, path: operation.path, attempt: attempt.attempts }, 'sending operation');

  try {
    const result = await core.call(operation.path, sent, {
      operationId: operation.id,
      requestedBy: operation.requestedBy,
      sentBy: context.workerId,
      timeoutMs: core.config.responseTimeoutMs,
    });
    const latest = await keeper.release();
    const outcome = judgeResult(result, sent, latest.preview);
    return transition(
      context,
      latest,
      { state: outcome.state, result: outcome.result, error: outcome.error, leaseOwner: null, leaseUntil: null, notBefore: null },
      { attempt: latest.attempts, outcome: result.outcome, failedItems: outcome.result.failedItems.length },
    );
  } catch (error) {
    const latest = await keeper.release();
    const decision = classifyFailure(error, latest.attempts, context.retry, context.now());
    const released = { leaseOwner: null, leaseUntil: null };
    context.logger.warn({ err: error, operationId: operation.id, action: decision.action }, 'operation send failed');

    const details = { attempt: latest.attempts, error: decision.error };
    if (decision.action === 'retry') {
      const notBefore = decision.notBefore.toISOString();
      return transition(context, latest, { state: 'queued', error: decision.error, notBefore, ...released }, { ...details, retryAt: notBefore });
    }
    if (decision.action === 'failed') {
      return transition(context, latest, { state: 'failed', error: decision.error, ...released }, details);
    }
    // The request may still be running at REG.API, so the lookup waits before deciding anything.
    const lookupAt = new Date(context.now().getTime() + context.settleMs).toISOString();
    const unknown = await transition(context, latest, { state: 'outcome_unknown', error: decision.error, notBefore: lookupAt, ...released }, { ...details, lookupAt });
    if (!unknown) return null;
    if (context.settleMs <= 0) await reconcileOne(context, unknown);
    return context.store.getOperation(operation.id);
  }
}

import { RateLimitedError, RegApi2Error, RegApiError, TransportError } from '../client/errors.js';
import { ALREADY_DONE_CODES, NOT_EXECUTED_CODES } from '../client/hints.js';
import type { RetryPolicy } from './context.js';
import type { OperationError } from './types.js';

/**
 * The worker's next step after a failed send:
 * - `retry`: REG.API did not execute the request, so the same request is queued again after `notBefore`;
 * - `unknown`: the request may have been executed, so the reconciler looks the result up first;
 * - `failed`: REG.API refused the request for a reason a retry does not change.
 */
export type FailureAction =
  | { action: 'retry'; error: OperationError; notBefore: Date }
  | { action: 'unknown'; error: OperationError }
  | { action: 'failed'; error: OperationError };

/**
 * Codes outside NOT_EXECUTED_CODES that also mean "not executed, try later": REG.API returns
 * INTERNAL_API_ERROR (with HTTP 503) when it failed before executing anything, and
 * DOMAIN_ORDER_LOCKED while another order for the same domain is still being processed.
 */
export const TEMPORARY_CODES: ReadonlySet<string> = new Set(['INTERNAL_API_ERROR', 'DOMAIN_ORDER_LOCKED']);

export function operationError(error: unknown): OperationError {
  if (error instanceof RegApiError && Object.keys(error.errorParams).length > 0) {
    return { code: error.code, message: error.message, hint: error.hint, params: error.errorParams };
  }
  if (error instanceof RegApi2Error) return { code: error.code, message: error.message, hint: error.hint };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'UNEXPECTED_ERROR', message, hint: 'This is a regapi2 defect; the journal and the log have the details.' };
}

/** Returns the delay before retry number `attempt` (1 for the first retry): exponential, capped, with ±20% jitter. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (0.8 + Math.random() * 0.4));
}

/**
 * Decides what a failed send means. `attempts` counts this attempt, so a resend of an order has
 * `attempts > 1`; only then do DOUBLE_ORDER and DOMAIN_ALREADY_ORDERED point to the earlier attempt.
 */
export function classifyFailure(error: unknown, attempts: number, policy: RetryPolicy, now: Date): FailureAction {
  const described = operationError(error);
  const retry = (at: number): FailureAction => {
    if (attempts >= policy.maxAttempts) {
      return {
        action: 'failed',
        error: {
          ...described,
          message: `${described.message} (gave up after ${attempts} attempts)`,
          hint: `REG.API kept answering ${described.code}; nothing was executed. Propose the operation again later.`,
        },
      };
    }
    return { action: 'retry', error: described, notBefore: new Date(at) };
  };
  const backoff = now.getTime() + backoffDelay(policy, attempts);

  if (error instanceof RateLimitedError) return retry(Math.max(error.retryAt.getTime(), backoff));
  if (error instanceof TransportError) {
    return error.mayHaveReachedServer ? { action: 'unknown', error: described } : retry(backoff);
  }
  if (error instanceof RegApiError) {
    if (NOT_EXECUTED_CODES.has(error.code) || TEMPORARY_CODES.has(error.code)) {
      return retry(backoff);
    }
    if (error.code === 'USER_SERVID_IS_NOT_UNIQUE' || (attempts > 1 && ALREADY_DONE_CODES.has(error.code))) {
      return { action: 'unknown', error: described };
    }
    return { action: 'failed', error: described };
  }
  if (error instanceof RegApi2Error) return { action: 'failed', error: described };
  return { action: 'unknown', error: described };
}

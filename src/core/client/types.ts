/** One element of a list answer (`answer.domains`, `answer.services`, `answer.bills`) judged on its own. */
export interface ItemOutcome {
  /** Position in the request's list, counted from 0 across every bulk chunk. */
  index: number;
  /** The element's name for people: dname, service_id or bill_id as REG.API returned it. */
  key?: string;
  ok: boolean;
  errorCode?: string;
  errorText?: string;
  item: Record<string, unknown>;
}

/**
 * The result of a call that REG.API accepted at the top level. `partial` means some list elements
 * failed; a call where every element failed raises a `RegApiError` instead.
 */
export interface CallResult<T = unknown> {
  path: string;
  answer: T;
  outcome: 'success' | 'partial';
  /** Per-element outcomes; empty when the answer has no per-element results. */
  items: ItemOutcome[];
  /** HTTP requests made: more than one when a long list was split into REG.API's maximum. */
  requests: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the configured response timeout for this call, in milliseconds. */
  timeoutMs?: number;
  /** Bypasses the read cache. */
  fresh?: boolean;
  /** Journal context: the operation this request belongs to, who asked for it and who sent it. */
  operationId?: string;
  requestedBy?: string;
  /** The process that sends the request (a queue worker); the journal's actor when set. */
  sentBy?: string;
}

/** A form body as sent, with the password, signature and key material replaced by `[redacted]`. */
export interface RedactedRequest {
  url: string;
  path: string;
  fields: Record<string, string>;
}

import type { ItemOutcome, RedactedRequest } from './types.js';

/**
 * Base of every error regapi2 raises. `code` is stable and meant for programs; `hint` tells a person
 * what to do next. `request` is a redacted copy of what was (or would have been) sent.
 */
export abstract class RegApi2Error extends Error {
  abstract readonly code: string;
  readonly hint: string;
  readonly request?: RedactedRequest;

  constructor(message: string, hint: string, request?: RedactedRequest, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
    this.request = request;
  }

  /** A plain object for logs, JSON answers and MCP structured content; it holds no secret. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }
}

/** REG.API answered with `result: "error"`, or every element of a list call failed. */
export class RegApiError extends RegApi2Error {
  readonly code: string;
  readonly errorText: string;
  readonly errorParams: Record<string, unknown>;
  readonly path: string;
  /** Per-element outcomes when the error comes from a list answer. */
  readonly items: ItemOutcome[];
  /** HTTP status of the answer; REG.API sends most errors with 200 and INTERNAL_API_ERROR with 503. */
  readonly httpStatus?: number;

  constructor(init: {
    code: string;
    errorText: string;
    errorParams?: Record<string, unknown>;
    path: string;
    hint: string;
    items?: ItemOutcome[];
    request?: RedactedRequest;
    httpStatus?: number;
  }) {
    super(`REG.API ${init.path} failed with ${init.code}: ${init.errorText}`, init.hint, init.request);
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.errorText = init.errorText;
    this.errorParams = init.errorParams ?? {};
    this.path = init.path;
    this.items = init.items ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      path: this.path,
      error_code: this.code,
      error_text: this.errorText,
      error_params: this.errorParams,
      ...(this.items.length > 0 ? { items: this.items } : {}),
    };
  }
}

export type TransportFailure =
  | 'connect_failed'
  | 'timeout'
  | 'connection_dropped'
  | 'http_status'
  | 'not_json'
  | 'bad_envelope';

/**
 * No usable answer: the connection failed, timed out or dropped, or the body was not REG.API's JSON
 * envelope. `mayHaveReachedServer` is false only when the request provably never left this machine,
 * which is what decides whether a write may be sent again.
 */
export class TransportError extends RegApi2Error {
  readonly code: string;
  readonly failure: TransportFailure;
  readonly mayHaveReachedServer: boolean;
  readonly status?: number;
  /** The first characters of a non-JSON body, with secrets removed. */
  readonly excerpt?: string;
  readonly path: string;

  constructor(init: {
    failure: TransportFailure;
    mayHaveReachedServer: boolean;
    message: string;
    hint: string;
    path: string;
    status?: number;
    excerpt?: string;
    request?: RedactedRequest;
    cause?: unknown;
  }) {
    super(init.message, init.hint, init.request, { cause: init.cause });
    this.code = `TRANSPORT_${init.failure.toUpperCase()}`;
    this.failure = init.failure;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    this.status = init.status;
    this.excerpt = init.excerpt;
    this.path = init.path;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      path: this.path,
      may_have_reached_server: this.mayHaveReachedServer,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.excerpt !== undefined ? { excerpt: this.excerpt } : {}),
    };
  }
}

/**
 * The hourly request budget is spent: either regapi2's own shared budget (`scope: "local"`, nothing
 * was sent) or REG.API's limit per account or per IP.
 */
export class RateLimitedError extends RegApi2Error {
  readonly code: string;
  readonly scope: 'local' | 'account' | 'ip';
  /** The earliest time at which a request may succeed. */
  readonly retryAt: Date;

  constructor(init: { scope: 'local' | 'account' | 'ip'; retryAt: Date; code?: string; message: string; hint: string; request?: RedactedRequest }) {
    super(init.message, init.hint, init.request);
    this.scope = init.scope;
    this.retryAt = init.retryAt;
    this.code = init.code ?? 'RATE_BUDGET_EXHAUSTED';
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), scope: this.scope, retry_at: this.retryAt.toISOString() };
  }
}

/** One problem with an input value: where it is and what is wrong. */
export interface ValidationIssue {
  /** Dotted path into the input, list positions included: `services.4.surprise`. */
  path: string;
  message: string;
}

/** Bad input, found before anything was sent. */
export class ValidationError extends RegApi2Error {
  readonly code = 'VALIDATION_FAILED';
  readonly issues: ValidationIssue[];
  readonly path?: string;

  constructor(issues: ValidationIssue[], path?: string, hint = 'Correct the named fields and call again; nothing was sent to REG.API.') {
    const where = path ? ` for ${path}` : '';
    const list = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    super(`Invalid input${where}: ${list}`, hint);
    this.issues = issues;
    this.path = path;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.path ? { path: this.path } : {}), issues: this.issues };
  }
}

/** One bad or missing setting: its name, what is wrong, and where it can be set. */
export interface ConfigIssue {
  setting: string;
  message: string;
  /** The places to set it: the flag, the environment variable and the `~/.regapi2` key. */
  where: string;
}

/** Configuration that cannot work, found at start-up. */
export class ConfigError extends RegApi2Error {
  readonly code = 'CONFIG_INVALID';
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    const list = issues.map((issue) => `${issue.setting}: ${issue.message} (set it with ${issue.where})`).join('\n  ');
    super(`Invalid configuration:\n  ${list}`, 'Fix the settings listed above and start again.');
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

import type { Effect } from '../catalogue/types.js';

/**
 * The lifecycle of a write or billing call:
 * proposed → awaiting_approval → approved → queued → sending → done | done_unpaid | failed,
 * with rejected / expired before approval and outcome_unknown after a send that got no answer.
 * The reconciler moves outcome_unknown to done or failed and sets `reconciled`.
 */
export type OperationState =
  | 'proposed'
  | 'awaiting_approval'
  | 'approved'
  | 'queued'
  | 'sending'
  | 'done'
  | 'done_unpaid'
  | 'failed'
  | 'rejected'
  | 'expired'
  | 'outcome_unknown';

export const FINAL_STATES: readonly OperationState[] = ['done', 'done_unpaid', 'failed', 'rejected', 'expired'];

/** What a person sees before approving: the exact change and, for billing, the money. */
export interface Preview {
  /** One line for people, in English; front ends translate from the structured fields. */
  headline: string;
  /** Billing: the price REG.API quotes, the balance before and after, in rubles unless `currency` says otherwise. */
  price?: number;
  currency?: string;
  balanceBefore?: number;
  balanceAfter?: number;
  /** DNS: records added and removed against the zone as it is now. */
  dns?: { zone: string; added: DnsRecord[]; removed: DnsRecord[]; unchanged: DnsRecord[] };
  /** Deletes: exactly what goes. */
  deletes?: string[];
  /** The objects a person must type to confirm (a domain name or a service id). */
  confirmWith: string;
  /** Anything a person should know before deciding (mixed-script name, no-op, price unknown). */
  warnings: string[];
}

export interface DnsRecord {
  subname: string;
  type: string;
  content: string;
  priority?: number;
}

export interface OperationError {
  code: string;
  message: string;
  hint: string;
  /** REG.API's `error_params`, such as the missing parameter's name; absent when REG.API sent none. */
  params?: Record<string, unknown>;
}

export interface OperationRecord {
  /** 32 lower-case hex characters; orders send it as `user_servid`. */
  id: string;
  /** The REG.RU login the operation runs on: one serial lane per account. */
  account: string;
  path: string;
  effect: Exclude<Effect, 'read'>;
  /** The validated input, as it will be sent (it holds no credential). */
  input: Record<string, unknown>;
  state: OperationState;
  preview: Preview | null;
  /** The requester: `mcp:<client name>`, `slack:<user id>`, `cli:<os user>`. */
  requestedBy: string;
  /** The person who approved or rejected the operation. */
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Pending operations expire at this time (ISO 8601). */
  expiresAt: string;
  attempts: number;
  /** The queue does not pick the operation before this time (backoff). */
  notBefore: string | null;
  /** True once the reconciler decided an outcome_unknown operation. */
  reconciled: boolean;
  result: unknown;
  error: OperationError | null;
  /** The worker holding the operation in `sending`, and until when its lease runs. */
  leaseOwner: string | null;
  leaseUntil: string | null;
  /** Increases on every update; updates compare it to detect a concurrent change. */
  version: number;
  /** Front-end data that is not part of the lifecycle (the Slack card's channel and ts, ...). */
  meta: Record<string, unknown>;
}

/** One journal line: a request, an answer or a decision, redacted. */
export interface JournalEntry {
  operationId: string | null;
  at: string;
  kind: 'request' | 'answer' | 'decision' | 'state' | 'reconcile' | 'note';
  /** The cause of this entry: the requester, an approver or a worker id. */
  actor: string | null;
  data: Record<string, unknown>;
}

/** The channel through which a person confirmed or declined: MCP elicitation form, Slack card, terminal, or single-use token. */
export type ApprovalTier = 'elicitation' | 'slack' | 'terminal' | 'token';

/** A person's decision on a pending operation. */
export interface Decision {
  /** The deciding person: `slack:<user id>`, `cli:<os user>`, `mcp:<client name>`. */
  by: string;
  tier: ApprovalTier;
  /** The text the person typed to confirm, compared with the preview's `confirmWith`. */
  confirmation?: string;
  /** The reason for a rejection, for the journal and the requester. */
  reason?: string;
}

export interface ProposeRequest {
  path: string;
  input: Record<string, unknown>;
  requestedBy: string;
  meta?: Record<string, unknown>;
}

/** Tier 2 (Slack) implements this to post and update approval cards. */
export interface OperationNotifier {
  /** Called once when a new operation waits for approval. */
  announce(operation: OperationRecord): Promise<void>;
  /** Called on every later state change. */
  update(operation: OperationRecord): Promise<void>;
}

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called whenever the operation's state changes while waiting. */
  onProgress?(operation: OperationRecord): void;
  /** How often the store is read, in milliseconds; default 250. */
  pollMs?: number;
}

export interface WorkerHandle {
  /** Stops taking new operations and resolves once the one in flight has finished. */
  stop(): Promise<void>;
}

/** The reconciler's decision for one operation. */
export interface ReconcileOutcome {
  id: string;
  state: OperationState;
  /** One sentence for people: what was looked up and what it showed. */
  finding: string;
}

/** The operations API shared by the queue worker, the previews, MCP, the CLI and Slack. */
export interface Operations {
  propose(request: ProposeRequest): Promise<OperationRecord>;
  approve(id: string, decision: Decision): Promise<OperationRecord>;
  reject(id: string, decision: Decision): Promise<OperationRecord>;
  get(id: string): Promise<OperationRecord | null>;
  list(filter?: { states?: OperationState[]; limit?: number; account?: string }): Promise<OperationRecord[]>;
  journal(id: string): Promise<JournalEntry[]>;
  /**
   * Resolves when the operation reaches a final state, when it is back with a person after it had
   * been approved, or when the timeout or signal ends the wait; returns the operation as it is then.
   */
  waitFor(id: string, options: WaitOptions): Promise<OperationRecord>;
  startWorker(options?: { pollMs?: number }): WorkerHandle;
  /** Runs the next due operation, if any, and returns it in its new state; the worker loop calls this. */
  runNext(): Promise<OperationRecord | null>;
  reconcile(id?: string): Promise<ReconcileOutcome[]>;
  expirePending(): Promise<OperationRecord[]>;
}

import type { JournalEntry, OperationRecord, OperationState } from '../operations/types.js';

export type NewOperation = Omit<OperationRecord, 'version' | 'updatedAt' | 'attempts' | 'leaseOwner' | 'leaseUntil' | 'reconciled' | 'result' | 'error' | 'notBefore' | 'decidedBy' | 'decidedAt'> &
  Partial<Pick<OperationRecord, 'notBefore' | 'decidedBy' | 'decidedAt'>>;

export interface OperationFilter {
  account?: string;
  states?: OperationState[];
  limit?: number;
}

/** A compare-and-set condition: the update happens only when the stored row still matches. */
export interface OperationExpectation {
  states?: OperationState[];
  version?: number;
}

export type OperationPatch = Partial<Omit<OperationRecord, 'id' | 'account' | 'path' | 'effect' | 'createdAt' | 'version'>>;

export type BudgetDecision = { granted: true } | { granted: false; retryAt: number };

export interface ClaimOptions {
  /**
   * Claims only operations of this REG.RU account. A worker sends with its own account's
   * credentials, so it must never take another account's operation from a shared store.
   */
  account?: string;
}

/**
 * Everything that must be shared by every process working on one REG.RU account: operations, the
 * serial lane, the journal, the rate budget, the read cache and once-only keys. `sqlite:` serves the
 * processes of one machine, `postgres://` several machines; both pass the same contract tests.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema; safe when several processes start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  insertOperation(operation: NewOperation): Promise<OperationRecord>;
  getOperation(id: string): Promise<OperationRecord | null>;
  listOperations(filter: OperationFilter): Promise<OperationRecord[]>;
  /** Applies `patch` when `expect` holds and returns the new row, or null when it did not hold. */
  updateOperation(id: string, expect: OperationExpectation, patch: OperationPatch): Promise<OperationRecord | null>;
  /**
   * Moves the oldest due `queued` operation of an account with nothing in `sending` (or whose sender's
   * lease ran out) to `sending`, leased to `workerId`. At most one operation per account is in
   * `sending` at any time, across every process on the store. `options.account` limits the claim
   * to one account.
   */
  claimNext(workerId: string, leaseMs: number, now: Date, options?: ClaimOptions): Promise<OperationRecord | null>;

  appendJournal(entry: JournalEntry): Promise<void>;
  listJournal(operationId: string): Promise<JournalEntry[]>;

  /**
   * Takes one request from every named budget (per account, per egress IP) when all of them have room
   * in the sliding window, or none and the time when the next slot frees up.
   */
  takeBudget(keys: string[], limit: number, windowMs: number, now: number): Promise<BudgetDecision>;

  cacheGet(key: string, now: number): Promise<unknown | undefined>;
  cacheSet(key: string, value: unknown, ttlMs: number, tags: string[], now: number): Promise<void>;
  cacheInvalidate(tags: string[]): Promise<void>;

  /** Returns true the first time a key is claimed within `ttlMs` (Slack redeliveries, single-use tokens). */
  claimOnce(key: string, ttlMs: number, now: number): Promise<boolean>;

  getSetting(scope: string, key: string): Promise<string | null>;
  setSetting(scope: string, key: string, value: string): Promise<void>;
}

import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

import type { JournalEntry, OperationRecord } from '../../operations/types.js';
import type {
  BudgetDecision,
  ClaimOptions,
  NewOperation,
  OperationExpectation,
  OperationFilter,
  OperationPatch,
  Store,
} from '../types.js';
import { journalFromRow, operationFromRow, patchAssignments, type JournalRow, type OperationRow } from './rows.js';
import { migrateSchema } from './schema.js';
import { inImmediateTransaction } from './transaction.js';

export interface SqliteStoreOptions {
  /**
   * How long a statement waits for another process's write lock before failing, in milliseconds.
   * Every transaction here is short, so 10 s is only reached when a process hangs while holding it.
   */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

/**
 * The store on one SQLite file through `node:sqlite`, shared by every regapi2 process on the machine.
 * WAL mode lets readers work while one process writes; every read-modify-write runs in a
 * `BEGIN IMMEDIATE` transaction, which serialises it against the other processes.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  private readonly db: DatabaseSync;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.path = path;
    const created = path !== ':memory:' && !existsSync(path);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
    // The journal holds account data, so a new store file is readable by its owner only.
    if (created) chmodSync(path, 0o600);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec('PRAGMA foreign_keys = ON');
  }

  async migrate(): Promise<void> {
    migrateSchema(this.db);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  async insertOperation(operation: NewOperation): Promise<OperationRecord> {
    const row = this.db
      .prepare(
        `INSERT INTO operations (id, account, path, effect, input, state, preview, requested_by, decided_by,
           decided_at, created_at, updated_at, expires_at, not_before, meta)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING *`,
      )
      .get(
        operation.id,
        operation.account,
        operation.path,
        operation.effect,
        JSON.stringify(operation.input),
        operation.state,
        operation.preview === null ? null : JSON.stringify(operation.preview),
        operation.requestedBy,
        operation.decidedBy ?? null,
        operation.decidedAt ?? null,
        operation.createdAt,
        operation.createdAt,
        operation.expiresAt,
        operation.notBefore ?? null,
        JSON.stringify(operation.meta ?? {}),
      ) as unknown as OperationRow;
    return operationFromRow(row);
  }

  async getOperation(id: string): Promise<OperationRecord | null> {
    const row = this.db.prepare('SELECT * FROM operations WHERE id = ?').get(id) as OperationRow | undefined;
    return row ? operationFromRow(row) : null;
  }

  async listOperations(filter: OperationFilter): Promise<OperationRecord[]> {
    const where: string[] = [];
    const values: (string | number)[] = [];
    if (filter.account !== undefined) {
      where.push('account = ?');
      values.push(filter.account);
    }
    if (filter.states !== undefined) {
      if (filter.states.length === 0) return [];
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      values.push(...filter.states);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = filter.limit !== undefined ? 'LIMIT ?' : '';
    if (filter.limit !== undefined) values.push(filter.limit);
    const rows = this.db
      .prepare(`SELECT * FROM operations ${clause} ORDER BY created_at DESC, id DESC ${limit}`)
      .all(...values) as unknown as OperationRow[];
    return rows.map(operationFromRow);
  }

  async updateOperation(id: string, expect: OperationExpectation, patch: OperationPatch): Promise<OperationRecord | null> {
    const { sql, values } = patchAssignments(patch, new Date().toISOString());
    const conditions = ['id = ?'];
    const conditionValues: (string | number)[] = [id];
    if (expect.states !== undefined) {
      if (expect.states.length === 0) return null;
      conditions.push(`state IN (${expect.states.map(() => '?').join(', ')})`);
      conditionValues.push(...expect.states);
    }
    if (expect.version !== undefined) {
      conditions.push('version = ?');
      conditionValues.push(expect.version);
    }
    const row = this.db
      .prepare(`UPDATE operations SET ${sql.join(', ')}, version = version + 1 WHERE ${conditions.join(' AND ')} RETURNING *`)
      .get(...values, ...conditionValues) as OperationRow | undefined;
    return row ? operationFromRow(row) : null;
  }

  async claimNext(workerId: string, leaseMs: number, now: Date, options: ClaimOptions = {}): Promise<OperationRecord | null> {
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return inImmediateTransaction(this.db, () => {
      // The oldest due operation of an account whose lane is free: no operation of that account is
      // in `sending` under a lease that still runs.
      const candidate = this.db
        .prepare(
          `SELECT id FROM operations AS queued
           WHERE queued.state = 'queued'
             AND (queued.not_before IS NULL OR queued.not_before <= ?)
             AND (? IS NULL OR queued.account = ?)
             AND NOT EXISTS (
               SELECT 1 FROM operations AS busy
               WHERE busy.account = queued.account AND busy.state = 'sending' AND busy.lease_until > ?)
           ORDER BY queued.created_at, queued.id
           LIMIT 1`,
        )
        .get(nowIso, options.account ?? null, options.account ?? null, nowIso) as { id: string } | undefined;
      if (!candidate) return null;
      const row = this.db
        .prepare(
          `UPDATE operations
           SET state = 'sending', lease_owner = ?, lease_until = ?, updated_at = ?, version = version + 1
           WHERE id = ? AND state = 'queued'
           RETURNING *`,
        )
        .get(workerId, leaseUntil, nowIso, candidate.id) as OperationRow | undefined;
      return row ? operationFromRow(row) : null;
    });
  }

  async appendJournal(entry: JournalEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO journal (operation_id, at, kind, actor, data) VALUES (?, ?, ?, ?, ?)')
      .run(entry.operationId, entry.at, entry.kind, entry.actor, JSON.stringify(entry.data));
  }

  async listJournal(operationId: string): Promise<JournalEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM journal WHERE operation_id = ? ORDER BY seq')
      .all(operationId) as unknown as JournalRow[];
    return rows.map(journalFromRow);
  }

  async takeBudget(keys: string[], limit: number, windowMs: number, now: number): Promise<BudgetDecision> {
    return inImmediateTransaction(this.db, (): BudgetDecision => {
      const windowStart = now - windowMs;
      let retryAt = 0;
      for (const key of keys) {
        this.db.prepare('DELETE FROM budget_requests WHERE budget_key = ? AND taken_at <= ?').run(key, windowStart);
        const usage = this.db
          .prepare('SELECT count(*) AS used, min(taken_at) AS oldest FROM budget_requests WHERE budget_key = ?')
          .get(key) as { used: number; oldest: number | null };
        if (usage.used >= limit) {
          // A request leaves the window `windowMs` after it was taken. When several budgets are
          // full, the caller waits for the one that frees a slot last.
          const freesAt = this.oldestInWindow(key, usage.used - limit) + windowMs;
          retryAt = Math.max(retryAt, freesAt);
        }
      }
      if (retryAt > 0) return { granted: false, retryAt };
      const insert = this.db.prepare('INSERT INTO budget_requests (budget_key, taken_at) VALUES (?, ?)');
      for (const key of keys) insert.run(key, now);
      return { granted: true };
    });
  }

  /** Returns the time of the request at position `offset` (0 = oldest) among those in the window. */
  private oldestInWindow(key: string, offset: number): number {
    const row = this.db
      .prepare('SELECT taken_at FROM budget_requests WHERE budget_key = ? ORDER BY taken_at LIMIT 1 OFFSET ?')
      .get(key, offset) as { taken_at: number };
    return row.taken_at;
  }

  async cacheGet(key: string, now: number): Promise<unknown | undefined> {
    const row = this.db.prepare('SELECT value, expires_at FROM cache WHERE key = ?').get(key) as
      | { value: string; expires_at: number }
      | undefined;
    if (!row || row.expires_at <= now) return undefined;
    return JSON.parse(row.value);
  }

  async cacheSet(key: string, value: unknown, ttlMs: number, tags: string[], now: number): Promise<void> {
    inImmediateTransaction(this.db, () => {
      this.db.prepare('DELETE FROM cache WHERE expires_at <= ?').run(now);
      this.db.prepare('DELETE FROM cache_tags WHERE key = ?').run(key);
      this.db
        .prepare('INSERT INTO cache (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at')
        .run(key, JSON.stringify(value ?? null), now + ttlMs);
      const tag = this.db.prepare('INSERT OR IGNORE INTO cache_tags (key, tag) VALUES (?, ?)');
      for (const name of tags) tag.run(key, name);
    });
  }

  async cacheInvalidate(tags: string[]): Promise<void> {
    if (tags.length === 0) return;
    const placeholders = tags.map(() => '?').join(', ');
    inImmediateTransaction(this.db, () => {
      this.db.prepare(`DELETE FROM cache WHERE key IN (SELECT key FROM cache_tags WHERE tag IN (${placeholders}))`).run(...tags);
    });
  }

  async claimOnce(key: string, ttlMs: number, now: number): Promise<boolean> {
    return inImmediateTransaction(this.db, () => {
      this.db.prepare('DELETE FROM once_keys WHERE expires_at <= ?').run(now);
      const inserted = this.db.prepare('INSERT OR IGNORE INTO once_keys (key, expires_at) VALUES (?, ?)').run(key, now + ttlMs);
      return inserted.changes === 1;
    });
  }

  async getSetting(scope: string, key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM settings WHERE scope = ? AND key = ?').get(scope, key) as
      | { value: string }
      | undefined;
    return row ? row.value : null;
  }

  async setSetting(scope: string, key: string, value: string): Promise<void> {
    this.db
      .prepare('INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value')
      .run(scope, key, value);
  }
}

import pg from 'pg';
import type { JournalEntry, OperationRecord } from '../../operations/types.js';
import { silentLogger, type Logger } from '../../log.js';
import type { BudgetDecision, ClaimOptions, NewOperation, OperationExpectation, OperationFilter, OperationPatch, Store } from '../types.js';
import { takeBudgetIn } from './budget.js';
import { accountsWithDueWork, claimForAccount } from './claim.js';
import { JobDelivery } from './delivery.js';
import { migrateSchema } from './migrate.js';
import { patchAssignments, toJsonText, toRecord, type OperationRow } from './rows.js';

export interface PostgresStoreOptions {
  /** A `postgres://` or `postgresql://` connection URL. */
  url: string;
  /** The schema of the store's tables; pg-boss uses `<schema>_jobs`. Default `regapi2`. */
  schema?: string;
  /** Connections in the store's pool. Default 10. */
  poolSize?: number;
  /** Seconds a pg-boss job may stay active; see `DeliveryOptions.expireInSeconds`. Default 300. */
  jobExpireSeconds?: number;
  logger?: Logger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,50}$/;

/** How many accounts one claim scans in the operations table when pg-boss delivers nothing. */
const SCAN_ACCOUNTS = 20;

/**
 * The Store on PostgreSQL, for several replicas on several machines. Operations, the journal, the
 * rate budget, the read cache, once-only keys and settings live in ordinary tables. pg-boss delivers
 * queued work (see `JobDelivery`), and the operations table stays the record of truth.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #delivery: JobDelivery;
  readonly #logger: Logger;

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'regapi2';
    if (!SCHEMA_NAME.test(schema)) {
      throw new Error(`invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and underscores, starting with a letter`);
    }
    this.#schema = schema;
    this.#logger = options.logger ?? silentLogger;
    this.#pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, application_name: 'regapi2' });
    this.#pool.on('error', (error) => {
      this.#logger.error({ err: error }, 'an idle PostgreSQL connection of the store failed; the pool replaces it');
    });
    this.#delivery = new JobDelivery({
      url: options.url,
      schema: `${schema}_jobs`,
      expireInSeconds: options.jobExpireSeconds ?? 300,
      logger: this.#logger,
    });
  }

  /**
   * Migrates the store's own tables. pg-boss starts (and migrates its schema) on the first queue
   * step instead, so that short-lived processes that only read, such as `regapi2 call`, never start it.
   */
  async migrate(): Promise<void> {
    await migrateSchema(this.#pool, this.#schema);
  }

  async close(): Promise<void> {
    await this.#delivery.stop();
    await this.#pool.end();
  }

  /** Runs `work` in one transaction on one connection, rolling back when it throws. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async insertOperation(operation: NewOperation): Promise<OperationRecord> {
    const s = this.#schema;
    return await this.#transaction(async (client) => {
      const { rows } = await client.query<OperationRow>(
        `INSERT INTO ${s}.operations
           (id, account, path, effect, input, state, preview, requested_by, decided_by, decided_at,
            created_at, updated_at, expires_at, not_before, meta)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9, $10, $11, $11, $12, $13, $14::jsonb)
         RETURNING *`,
        [
          operation.id,
          operation.account,
          operation.path,
          operation.effect,
          toJsonText(operation.input),
          operation.state,
          toJsonText(operation.preview),
          operation.requestedBy,
          operation.decidedBy ?? null,
          operation.decidedAt ?? null,
          operation.createdAt,
          operation.expiresAt,
          operation.notBefore ?? null,
          toJsonText(operation.meta ?? {}),
        ],
      );
      const record = toRecord(rows[0]);
      if (record.state === 'queued') await this.#delivery.announce(client, record);
      return record;
    });
  }

  async getOperation(id: string): Promise<OperationRecord | null> {
    const { rows } = await this.#pool.query<OperationRow>(`SELECT * FROM ${this.#schema}.operations WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  async listOperations(filter: OperationFilter): Promise<OperationRecord[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    if (filter.account !== undefined) {
      values.push(filter.account);
      conditions.push(`account = $${values.length}`);
    }
    if (filter.states !== undefined) {
      values.push(filter.states);
      conditions.push(`state = ANY($${values.length})`);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    let limit = '';
    if (filter.limit !== undefined) {
      values.push(filter.limit);
      limit = `LIMIT $${values.length}`;
    }
    const { rows } = await this.#pool.query<OperationRow>(
      `SELECT * FROM ${this.#schema}.operations ${where} ORDER BY created_at DESC, id DESC ${limit}`,
      values,
    );
    return rows.map(toRecord);
  }

  /**
   * Applies a compare-and-set update. Leaving `sending` settles the pg-boss job that delivered the
   * operation, and entering `queued` (a first approval or a retry after backoff) sends a new one, in
   * the same transaction as the row, so a rollback loses neither.
   */
  async updateOperation(id: string, expect: OperationExpectation, patch: OperationPatch): Promise<OperationRecord | null> {
    const s = this.#schema;
    return await this.#transaction(async (client) => {
      const { rows: current } = await client.query<OperationRow>(`SELECT * FROM ${s}.operations WHERE id = $1 FOR UPDATE`, [id]);
      const before = current[0];
      if (before === undefined) return null;
      if (expect.states !== undefined && !expect.states.includes(before.state)) return null;
      if (expect.version !== undefined && expect.version !== before.version) return null;

      const { sql, values } = patchAssignments(patch, 2);
      const assignments = [...sql, 'version = version + 1'];
      if (patch.updatedAt === undefined) assignments.push('updated_at = now()');
      const leavesSending = before.state === 'sending' && patch.state !== undefined && patch.state !== 'sending';
      if (leavesSending) assignments.push('job_id = NULL');

      const { rows } = await client.query<OperationRow>(
        `UPDATE ${s}.operations SET ${assignments.join(', ')} WHERE id = $1 RETURNING *`,
        [id, ...values],
      );
      const after = toRecord(rows[0]);

      if (leavesSending && before.job_id !== null) await this.#delivery.settle(client, before.account, before.job_id);
      const entersQueue = after.state === 'queued' && (before.state !== 'queued' || patch.notBefore !== undefined);
      if (entersQueue) await this.#delivery.announce(client, after);
      return after;
    });
  }

  /**
   * Claims work in two steps. With `options.account` it first fetches a job from that account's
   * pg-boss queue, which hands out one job at a time, and claims the account's oldest due operation.
   * The job stays active until the operation leaves `sending`. When no job is ready, or the account
   * has nothing to claim, it scans the operations table for accounts with due work, so no operation
   * depends on its job being delivered. A claim without an account only scans.
   */
  async claimNext(workerId: string, leaseMs: number, now: Date, options: ClaimOptions = {}): Promise<OperationRecord | null> {
    const s = this.#schema;
    const { account } = options;
    const row = await this.#transaction(async (client) => {
      if (account !== undefined) {
        const jobId = await this.#delivery.take(client, account);
        if (jobId !== null) {
          const claimed = await claimForAccount(client, s, account, { workerId, leaseMs, now, jobId });
          if (claimed !== null) return claimed;
          // The job's operation already ran or left the queue; the scan below finds anything newer.
          await this.#delivery.settle(client, account, jobId);
        }
      }

      for (const candidate of await accountsWithDueWork(client, s, now, SCAN_ACCOUNTS, account)) {
        const claimed = await claimForAccount(client, s, candidate, { workerId, leaseMs, now, jobId: null });
        if (claimed !== null) return claimed;
      }
      return null;
    });
    return row === null ? null : toRecord(row);
  }

  async appendJournal(entry: JournalEntry): Promise<void> {
    await this.#pool.query(
      `INSERT INTO ${this.#schema}.journal (operation_id, at, kind, actor, data) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [entry.operationId, entry.at, entry.kind, entry.actor, toJsonText(entry.data)],
    );
  }

  async listJournal(operationId: string): Promise<JournalEntry[]> {
    const { rows } = await this.#pool.query<{ operation_id: string | null; at: Date; kind: JournalEntry['kind']; actor: string | null; data: Record<string, unknown> }>(
      `SELECT operation_id, at, kind, actor, data FROM ${this.#schema}.journal WHERE operation_id = $1 ORDER BY seq`,
      [operationId],
    );
    return rows.map((row) => ({ operationId: row.operation_id, at: row.at.toISOString(), kind: row.kind, actor: row.actor, data: row.data }));
  }

  async takeBudget(keys: string[], limit: number, windowMs: number, now: number): Promise<BudgetDecision> {
    return await this.#transaction(async (client) => await takeBudgetIn(client, this.#schema, keys, limit, windowMs, now));
  }

  async cacheGet(key: string, now: number): Promise<unknown | undefined> {
    const { rows } = await this.#pool.query<{ value: unknown }>(
      `SELECT value FROM ${this.#schema}.cache WHERE key = $1 AND expires_at_ms > $2`,
      [key, now],
    );
    return rows.length === 0 ? undefined : rows[0].value;
  }

  async cacheSet(key: string, value: unknown, ttlMs: number, tags: string[], now: number): Promise<void> {
    await this.#pool.query(
      `INSERT INTO ${this.#schema}.cache (key, value, expires_at_ms, tags) VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at_ms = EXCLUDED.expires_at_ms, tags = EXCLUDED.tags`,
      [key, toJsonText(value), now + ttlMs, tags],
    );
  }

  async cacheInvalidate(tags: string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.#pool.query(`DELETE FROM ${this.#schema}.cache WHERE tags && $1::text[]`, [tags]);
  }

  async claimOnce(key: string, ttlMs: number, now: number): Promise<boolean> {
    // A concurrent claim of the same key waits on the row lock and then reads the new expiry, so exactly one wins.
    const { rowCount } = await this.#pool.query(
      `INSERT INTO ${this.#schema}.once_keys (key, expires_at_ms) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at_ms = EXCLUDED.expires_at_ms WHERE once_keys.expires_at_ms <= $3`,
      [key, now + ttlMs, now],
    );
    return rowCount === 1;
  }

  async getSetting(scope: string, key: string): Promise<string | null> {
    const { rows } = await this.#pool.query<{ value: string }>(
      `SELECT value FROM ${this.#schema}.settings WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return rows[0]?.value ?? null;
  }

  async setSetting(scope: string, key: string, value: string): Promise<void> {
    await this.#pool.query(
      `INSERT INTO ${this.#schema}.settings (scope, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value`,
      [scope, key, value],
    );
  }
}

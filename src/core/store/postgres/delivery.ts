import { createHash } from 'node:crypto';
import { PgBoss, type Db } from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../../log.js';

/** The prefix of the pg-boss queues, one per REG.RU account, that deliver queued operations. */
export const QUEUE_PREFIX = 'regapi2-ops.';

/**
 * Names the pg-boss queue of an account. pg-boss allows letters, digits, `_`, `-`, `.` and `/` in
 * queue names, so a login with other characters (an e-mail address) is named by its SHA-256 instead.
 */
export function queueNameFor(account: string): string {
  if (/^[\w.-]{1,100}$/.test(account)) return `${QUEUE_PREFIX}${account}`;
  return `${QUEUE_PREFIX}sha256-${createHash('sha256').update(account).digest('hex').slice(0, 32)}`;
}

export interface DeliveryOptions {
  url: string;
  /** The PostgreSQL schema pg-boss keeps its tables in. */
  schema: string;
  /**
   * Seconds a fetched job may stay active before pg-boss fails it. Keep it longer than the REG.API
   * response timeout (30 s by default), so a slow response never frees an account's slot under a
   * live request.
   */
  expireInSeconds: number;
  logger: Logger;
}

/** Lets a pg-boss call run on the caller's transaction, so it commits or rolls back with it. */
function onTransaction(client: pg.PoolClient): Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => await client.query(text, values as unknown[]),
  };
}

/**
 * pg-boss as the delivery layer of the write queue. Every operation that enters `queued` sends one
 * job to its account's queue. Each queue has the `singleton` policy, so at most one job per account
 * is active across every replica. Retries are off (retryLimit 0), because the operations table
 * decides what runs again and the reconciler looks up what happened.
 */
export class JobDelivery {
  readonly #boss: PgBoss;
  readonly #logger: Logger;
  readonly #expireInSeconds: number;
  #started: Promise<void> | null = null;
  /** Queues this process has created or found; creating a queue again is harmless but costs a round trip. */
  readonly #queues = new Map<string, Promise<void>>();
  /** When each kind of pg-boss failure was last logged, and how many were not logged since. */
  readonly #failures = new Map<string, { loggedAt: number; suppressed: number }>();

  constructor(options: DeliveryOptions) {
    this.#logger = options.logger;
    this.#expireInSeconds = options.expireInSeconds;
    this.#boss = new PgBoss({
      connectionString: options.url,
      schema: options.schema,
      max: 4,
      application_name: 'regapi2-delivery',
      schedule: false,
      migrate: true,
      supervise: true,
    });
    this.#boss.on('error', (error: unknown) => {
      this.#logger.error({ err: error }, 'pg-boss reported an error; the workers fall back to scanning the operations table');
    });
  }

  /** Starts pg-boss once; it migrates its own schema under its own advisory lock. */
  async start(): Promise<void> {
    this.#started ??= this.#boss.start().then(() => undefined);
    try {
      await this.#started;
    } catch (error) {
      this.#started = null;
      throw error;
    }
  }

  /** Creates the account's queue unless this process did already; `create_queue` ignores an existing queue. */
  async #queueOf(account: string): Promise<string> {
    await this.start();
    const name = queueNameFor(account);
    let created = this.#queues.get(name);
    if (created === undefined) {
      created = this.#boss.createQueue(name, {
        policy: 'singleton',
        retryLimit: 0,
        expireInSeconds: this.#expireInSeconds,
        deleteAfterSeconds: 24 * 3600,
      });
      this.#queues.set(name, created);
    }
    try {
      await created;
    } catch (error) {
      this.#queues.delete(name);
      throw error;
    }
    return name;
  }

  /**
   * Logs a pg-boss failure at most once a minute per kind, because a worker meets the same failure
   * on every poll while pg-boss is down. The next line logged carries the count left out.
   */
  #warnFailure(what: string, error: unknown, ids: Record<string, unknown>, message: string): void {
    const now = Date.now();
    const last = this.#failures.get(what);
    if (last !== undefined && now - last.loggedAt < 60_000) {
      last.suppressed += 1;
      return;
    }
    this.#logger.warn({ err: error, ...ids, suppressedSinceLastLog: last?.suppressed ?? 0 }, message);
    this.#failures.set(what, { loggedAt: now, suppressed: 0 });
  }

  /**
   * Runs one pg-boss step inside a savepoint of the caller's transaction. A failure rolls back to the
   * savepoint, is logged and returns `fallback`, so the caller's own change still commits. The
   * operations table is the record of truth, and the table scan in claimNext finds work that pg-boss
   * failed to deliver.
   */
  async #step<T>(client: pg.PoolClient, what: string, ids: Record<string, unknown>, fallback: T, work: (db: Db) => Promise<T>): Promise<T> {
    await client.query('SAVEPOINT regapi2_delivery');
    try {
      const result = await work(onTransaction(client));
      await client.query('RELEASE SAVEPOINT regapi2_delivery');
      return result;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT regapi2_delivery');
      this.#warnFailure(what, error, ids, `pg-boss failed to ${what}; the workers find the operation by scanning the operations table`);
      return fallback;
    }
  }

  /** Sends the job of an operation that just entered `queued`, in the caller's transaction. */
  async announce(client: pg.PoolClient, operation: { id: string; account: string; notBefore: string | null }): Promise<void> {
    await this.#step(client, 'send a job', { operationId: operation.id, account: operation.account }, undefined, async (db) => {
      const queue = await this.#queueOf(operation.account);
      await this.#boss.send(
        queue,
        { operationId: operation.id, account: operation.account },
        {
          retryLimit: 0,
          startAfter: operation.notBefore === null ? undefined : new Date(operation.notBefore),
          db,
        },
      );
    });
  }

  /**
   * Fetches the account's next job, in the caller's transaction, unless another job of the account
   * is active. A fetch that loses a race for the account's slot hits a unique violation. pg-boss
   * reports that as an empty fetch, but the violation has aborted the transaction, so an empty fetch
   * rolls back to the savepoint too. Returns the job id, or null.
   */
  async take(client: pg.PoolClient, account: string): Promise<string | null> {
    await client.query('SAVEPOINT regapi2_fetch');
    let jobs: Array<{ id: string }>;
    try {
      const queue = await this.#queueOf(account);
      jobs = await this.#boss.fetch(queue, { batchSize: 1, db: onTransaction(client) });
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT regapi2_fetch');
      this.#warnFailure('fetch a job', error, { account }, 'pg-boss failed to fetch a job; the worker scans the operations table instead');
      return null;
    }

    const job = jobs[0];
    if (job === undefined) {
      await client.query('ROLLBACK TO SAVEPOINT regapi2_fetch');
      return null;
    }
    await client.query('RELEASE SAVEPOINT regapi2_fetch');
    return job.id;
  }

  /** Completes a job of the account's queue in the caller's transaction, whether it is active or still waiting. */
  async settle(client: pg.PoolClient, account: string, jobId: string): Promise<void> {
    await this.#step(client, 'complete a job', { jobId, account }, undefined, async (db) => {
      const queue = await this.#queueOf(account);
      await this.#boss.complete(queue, jobId, null, { db, includeQueued: true });
    });
  }

  async stop(): Promise<void> {
    if (this.#started === null) return;
    await this.#started.catch(() => undefined);
    await this.#boss.stop({ graceful: false, close: true });
  }
}

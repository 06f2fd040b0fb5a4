import { PgBoss, type Db } from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../../log.js';

/** The pg-boss queue that carries "account X has queued work" to the workers of every replica. */
export const OPERATIONS_QUEUE = 'regapi2-operations';

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

export interface DeliveredJob {
  id: string;
  account: string;
}

/** Lets a pg-boss call run on the caller's transaction, so it commits or rolls back with it. */
function onTransaction(client: pg.PoolClient): Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => await client.query(text, values as unknown[]),
  };
}

/**
 * pg-boss as the delivery layer of the write queue. Every operation that enters `queued` sends one
 * job keyed by its account. The queue's `singleton` policy lets at most one job per account be
 * active, so the replicas fetch work for different accounts without contending. Retries are off
 * (retryLimit 0): the operations table decides what runs again, and reconciliation is ours.
 */
export class JobDelivery {
  readonly #boss: PgBoss;
  readonly #logger: Logger;
  readonly #expireInSeconds: number;
  #started: Promise<void> | null = null;
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

  /** Starts pg-boss once (it migrates its own schema under its own advisory lock) and creates the queue. */
  async start(): Promise<void> {
    this.#started ??= (async () => {
      await this.#boss.start();
      await this.#boss.createQueue(OPERATIONS_QUEUE, {
        policy: 'singleton',
        retryLimit: 0,
        expireInSeconds: this.#expireInSeconds,
        deleteAfterSeconds: 24 * 3600,
      });
    })();
    try {
      await this.#started;
    } catch (error) {
      this.#started = null;
      throw error;
    }
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
   * savepoint, is logged and returns `fallback`, so the caller's own change still commits: the
   * operations table is the record of truth, and the table scan in claimNext finds work that pg-boss
   * failed to deliver.
   */
  async #step<T>(client: pg.PoolClient, what: string, ids: Record<string, unknown>, fallback: T, work: (db: Db) => Promise<T>): Promise<T> {
    await client.query('SAVEPOINT regapi2_delivery');
    try {
      await this.start();
      const result = await work(onTransaction(client));
      await client.query('RELEASE SAVEPOINT regapi2_delivery');
      return result;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT regapi2_delivery');
      this.#warnFailure(what, error, ids, `pg-boss failed to ${what}; the workers find the operation by scanning the operations table`);
      return fallback;
    }
  }

  /** Sends the job for an operation that just entered `queued`, in the caller's transaction. */
  async announce(client: pg.PoolClient, operation: { id: string; account: string; notBefore: string | null }): Promise<void> {
    await this.#step(client, 'send a job', { operationId: operation.id }, undefined, async (db) => {
      await this.#boss.send(
        OPERATIONS_QUEUE,
        { operationId: operation.id, account: operation.account },
        {
          singletonKey: operation.account,
          retryLimit: 0,
          startAfter: operation.notBefore === null ? undefined : new Date(operation.notBefore),
          db,
        },
      );
    });
  }

  /**
   * Fetches the next job of an account with no active job, in the caller's transaction. A fetch
   * that loses a race for an account's slot hits a unique violation. pg-boss reports that as an
   * empty fetch, but the violation has aborted the transaction, so an empty fetch rolls back to the
   * savepoint too.
   */
  async take(client: pg.PoolClient): Promise<DeliveredJob | null> {
    await client.query('SAVEPOINT regapi2_fetch');
    let jobs: Array<{ id: string; data: { account?: unknown } | null }>;
    try {
      await this.start();
      jobs = await this.#boss.fetch<{ account?: unknown }>(OPERATIONS_QUEUE, { batchSize: 1, db: onTransaction(client) });
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT regapi2_fetch');
      this.#warnFailure('fetch a job', error, {}, 'pg-boss failed to fetch a job; the worker scans the operations table instead');
      return null;
    }

    const job = jobs[0];
    if (job === undefined) {
      await client.query('ROLLBACK TO SAVEPOINT regapi2_fetch');
      return null;
    }
    await client.query('RELEASE SAVEPOINT regapi2_fetch');
    if (typeof job.data?.account !== 'string') {
      // Not a job this store sent. Settle it, because an unreadable job would be fetched again on every claim.
      this.#logger.warn({ jobId: job.id }, 'pg-boss job without an account was settled unread');
      await this.settle(client, job.id);
      return null;
    }
    return { id: job.id, account: job.data.account };
  }

  /** Completes a job in the caller's transaction, whether it is active or still waiting. */
  async settle(client: pg.PoolClient, jobId: string): Promise<void> {
    await this.#step(client, 'complete a job', { jobId }, undefined, async (db) => {
      await this.#boss.complete(OPERATIONS_QUEUE, jobId, null, { db, includeQueued: true });
    });
  }

  async stop(): Promise<void> {
    if (this.#started === null) return;
    await this.#started.catch(() => undefined);
    await this.#boss.stop({ graceful: false, close: true });
  }
}

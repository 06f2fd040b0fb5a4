import type pg from 'pg';
import type { OperationRow } from './rows.js';

/**
 * Claims the oldest due `queued` operation of one account for `workerId`, or returns null when the
 * account has a `sending` operation whose lease is still running, or nothing due.
 *
 * Claimers of the same account serialise on a transaction-level advisory lock, so the check for a
 * live `sending` row and the update that creates one cannot interleave between replicas. A claimer
 * that finds the lock taken returns null at once instead of waiting behind it.
 */
export async function claimForAccount(
  client: pg.PoolClient,
  schema: string,
  account: string,
  claim: { workerId: string; leaseMs: number; now: Date; jobId: string | null },
): Promise<OperationRow | null> {
  const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [
    `regapi2.account.${schema}.${account}`,
  ]);
  if (!lock.rows[0]?.locked) return null;

  const busy = await client.query(
    `SELECT 1 FROM ${schema}.operations
      WHERE account = $1 AND state = 'sending' AND (lease_until IS NULL OR lease_until > $2)
      LIMIT 1`,
    [account, claim.now],
  );
  if (busy.rowCount !== 0) return null;

  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs);
  const claimed = await client.query<OperationRow>(
    `UPDATE ${schema}.operations
        SET state = 'sending', lease_owner = $3, lease_until = $4, job_id = $5,
            version = version + 1, updated_at = $2
      WHERE id = (
        SELECT id FROM ${schema}.operations
         WHERE account = $1 AND state = 'queued' AND (not_before IS NULL OR not_before <= $2)
         ORDER BY created_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [account, claim.now, claim.workerId, leaseUntil, claim.jobId],
  );
  return claimed.rows[0] ?? null;
}

/**
 * Lists accounts with due `queued` work and no live `sending` operation, oldest work first. The
 * worker scans them when pg-boss delivers nothing, because the operations table is the record of
 * truth. An operation whose job was lost, deferred on the database clock, or already used still runs.
 */
export async function accountsWithDueWork(client: pg.PoolClient, schema: string, now: Date, limit: number, account?: string): Promise<string[]> {
  const { rows } = await client.query<{ account: string }>(
    `SELECT q.account
       FROM ${schema}.operations q
      WHERE q.state = 'queued' AND (q.not_before IS NULL OR q.not_before <= $1)
        AND ($3::text IS NULL OR q.account = $3)
        AND NOT EXISTS (
          SELECT 1 FROM ${schema}.operations s
           WHERE s.account = q.account AND s.state = 'sending' AND (s.lease_until IS NULL OR s.lease_until > $1))
      GROUP BY q.account
      ORDER BY min(q.created_at)
      LIMIT $2`,
    [now, limit, account ?? null],
  );
  return rows.map((row) => row.account);
}

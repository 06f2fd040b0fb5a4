import type pg from 'pg';
import type { BudgetDecision } from '../types.js';

/**
 * Takes one request from every budget in `keys` when each has fewer than `limit` requests in the
 * sliding window ending at `now`, or none. Runs inside the caller's transaction and holds one
 * advisory lock per key until that transaction ends. Keys are locked in sorted order, so two
 * processes taking overlapping sets cannot deadlock.
 */
export async function takeBudgetIn(
  client: pg.PoolClient,
  schema: string,
  keys: string[],
  limit: number,
  windowMs: number,
  now: number,
): Promise<BudgetDecision> {
  const sortedKeys = [...new Set(keys)].sort();
  for (const key of sortedKeys) {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`regapi2.budget.${schema}.${key}`]);
  }

  const windowStart = now - windowMs;
  await client.query(`DELETE FROM ${schema}.budget_events WHERE key = ANY($1) AND at_ms <= $2`, [sortedKeys, windowStart]);

  let retryAt = 0;
  for (const key of sortedKeys) {
    const { rows } = await client.query<{ used: string }>(`SELECT count(*) AS used FROM ${schema}.budget_events WHERE key = $1`, [key]);
    const used = Number(rows[0]?.used ?? 0);
    if (used < limit) continue;

    // The window has room again once enough of the oldest requests fall out of it.
    const { rows: oldest } = await client.query<{ at_ms: string }>(
      `SELECT at_ms FROM ${schema}.budget_events WHERE key = $1 ORDER BY at_ms LIMIT 1 OFFSET $2`,
      [key, used - limit],
    );
    retryAt = Math.max(retryAt, Number(oldest[0]?.at_ms ?? now) + windowMs);
  }
  if (retryAt > 0) return { granted: false, retryAt };

  await client.query(`INSERT INTO ${schema}.budget_events (key, at_ms) SELECT unnest($1::text[]), $2`, [sortedKeys, now]);
  return { granted: true };
}

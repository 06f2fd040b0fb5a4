import type pg from 'pg';
import { LATEST_VERSION, MIGRATIONS } from './schema.js';

/**
 * Creates or upgrades the store's schema. The whole run holds a transaction-level advisory lock
 * keyed on the schema name, so replicas that start at the same moment take turns. The first applies
 * the missing migrations, and the others wait for its commit and then find nothing left to do.
 * Refuses to run against a schema written by a newer release, because this build would misread it.
 */
export async function migrateSchema(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`regapi2.migrate.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_version (
         version    integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now(),
         description text NOT NULL
       )`,
    );

    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${schema}.schema_version`);
    const current = rows[0]?.version ?? 0;
    if (current > LATEST_VERSION) {
      throw new Error(
        `the PostgreSQL schema "${schema}" is at version ${current}, newer than version ${LATEST_VERSION} of this build: upgrade regapi2 on this machine before starting it`,
      );
    }

    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql.replaceAll('SCHEMA.', `${schema}.`));
      await client.query(`INSERT INTO ${schema}.schema_version (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

import type { DatabaseSync } from 'node:sqlite';

import { inImmediateTransaction } from './transaction.js';

/**
 * Schema migrations in order; migration N brings the schema from version N-1 to N. A released
 * migration never changes: a new column or table is a new entry at the end.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE operations (
    id            TEXT PRIMARY KEY,
    account       TEXT NOT NULL,
    path          TEXT NOT NULL,
    effect        TEXT NOT NULL,
    input         TEXT NOT NULL,
    state         TEXT NOT NULL,
    preview       TEXT,
    requested_by  TEXT NOT NULL,
    decided_by    TEXT,
    decided_at    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    not_before    TEXT,
    reconciled    INTEGER NOT NULL DEFAULT 0,
    result        TEXT,
    error         TEXT,
    lease_owner   TEXT,
    lease_until   TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    meta          TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX operations_state_account ON operations (state, account);
  CREATE INDEX operations_created ON operations (created_at);

  CREATE TABLE journal (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    operation_id  TEXT,
    at            TEXT NOT NULL,
    kind          TEXT NOT NULL,
    actor         TEXT,
    data          TEXT NOT NULL
  );
  CREATE INDEX journal_operation ON journal (operation_id, seq);

  CREATE TABLE budget_requests (
    budget_key    TEXT NOT NULL,
    taken_at      INTEGER NOT NULL
  );
  CREATE INDEX budget_requests_key_time ON budget_requests (budget_key, taken_at);

  CREATE TABLE cache (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL,
    expires_at    INTEGER NOT NULL
  );
  CREATE TABLE cache_tags (
    key           TEXT NOT NULL REFERENCES cache (key) ON DELETE CASCADE,
    tag           TEXT NOT NULL,
    PRIMARY KEY (key, tag)
  );
  CREATE INDEX cache_tags_tag ON cache_tags (tag);

  CREATE TABLE once_keys (
    key           TEXT PRIMARY KEY,
    expires_at    INTEGER NOT NULL
  );

  CREATE TABLE settings (
    scope         TEXT NOT NULL,
    key           TEXT NOT NULL,
    value         TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to date. The whole check-and-apply runs in one `BEGIN IMMEDIATE`
 * transaction, so when several processes open a new file at once, one migrates and the others
 * wait on the write lock and then find nothing left to do.
 */
export function migrateSchema(db: DatabaseSync): void {
  inImmediateTransaction(db, () => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `The store's schema is version ${current}, newer than version ${SCHEMA_VERSION} that this regapi2 knows; upgrade regapi2 or use another store.`,
      );
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version += 1) {
      db.exec(MIGRATIONS[version - 1]!);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version);
    }
  });
}

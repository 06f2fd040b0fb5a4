/**
 * The versioned schema of the PostgreSQL store. Each migration runs once, in order, inside the
 * transaction that also records its version. Never edit a released migration; append a new one.
 * `SCHEMA.` is replaced by the store's schema name.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'operations, journal, rate budget, read cache, once-only keys, settings',
    sql: `
      CREATE TABLE SCHEMA.operations (
        id           text PRIMARY KEY,
        account      text NOT NULL,
        path         text NOT NULL,
        effect       text NOT NULL,
        input        jsonb NOT NULL,
        state        text NOT NULL,
        preview      jsonb,
        requested_by text NOT NULL,
        decided_by   text,
        decided_at   timestamptz,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        attempts     integer NOT NULL DEFAULT 0,
        not_before   timestamptz,
        reconciled   boolean NOT NULL DEFAULT false,
        result       jsonb,
        error        jsonb,
        lease_owner  text,
        lease_until  timestamptz,
        version      integer NOT NULL DEFAULT 1,
        meta         jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- The pg-boss job that delivered this operation while it is in sending, settled when it leaves.
        job_id       uuid
      );
      CREATE INDEX operations_queue_idx ON SCHEMA.operations (account, state, created_at);
      CREATE INDEX operations_state_idx ON SCHEMA.operations (state, created_at);
      CREATE INDEX operations_created_idx ON SCHEMA.operations (created_at);

      CREATE TABLE SCHEMA.journal (
        seq          bigserial PRIMARY KEY,
        operation_id text,
        at           timestamptz NOT NULL,
        kind         text NOT NULL,
        actor        text,
        data         jsonb NOT NULL
      );
      CREATE INDEX journal_operation_idx ON SCHEMA.journal (operation_id, seq);

      -- One row per request taken from a budget; rows older than the window are deleted as budgets are taken.
      CREATE TABLE SCHEMA.budget_events (
        key   text NOT NULL,
        at_ms bigint NOT NULL
      );
      CREATE INDEX budget_events_key_idx ON SCHEMA.budget_events (key, at_ms);

      CREATE TABLE SCHEMA.cache (
        key           text PRIMARY KEY,
        value         jsonb NOT NULL,
        expires_at_ms bigint NOT NULL,
        tags          text[] NOT NULL
      );
      CREATE INDEX cache_tags_idx ON SCHEMA.cache USING gin (tags);

      CREATE TABLE SCHEMA.once_keys (
        key           text PRIMARY KEY,
        expires_at_ms bigint NOT NULL
      );

      CREATE TABLE SCHEMA.settings (
        scope text NOT NULL,
        key   text NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (scope, key)
      );
    `,
  },
];

/** The newest schema version this build can read and write. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

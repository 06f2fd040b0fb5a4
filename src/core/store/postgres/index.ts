import { PostgresStore, type PostgresStoreOptions } from './store.js';

export { PostgresStore, type PostgresStoreOptions } from './store.js';
export { QUEUE_PREFIX, queueNameFor } from './delivery.js';

/**
 * Opens the PostgreSQL store for `url` and brings its schema up to date. A `schema` query parameter
 * in the URL (`postgres://host/db?schema=regapi2_staging`) selects the schema, so several
 * installations can share one database.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const url = new URL(options.url);
  const schemaFromUrl = url.searchParams.get('schema');
  if (schemaFromUrl !== null) url.searchParams.delete('schema');
  const store = new PostgresStore({ ...options, url: url.toString(), schema: options.schema ?? schemaFromUrl ?? undefined });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

import { SqliteStore } from './sqlite/index.js';
import type { Logger } from '../log.js';
import type { Store } from './types.js';

export type { Store } from './types.js';

export const DEFAULT_STORE_URL = 'sqlite:~/.regapi2.db';

export interface OpenStoreOptions {
  /** The directory `~` stands for; the current user's home directory unless set. */
  homeDir?: string;
  /** Receives the errors a store reports in the background (the PostgreSQL store's pool and pg-boss). */
  logger?: Logger;
}

/** Resolves the file of a `sqlite:PATH` URL: `~/` is the home directory, a relative path the working directory. */
export function sqlitePathFromUrl(url: string, homeDir: string = homedir()): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (path === '') {
    throw new Error(`Store URL "${url}" names no file; use sqlite:PATH, for example ${DEFAULT_STORE_URL}.`);
  }
  if (path === ':memory:') return path;
  if (path === '~') return homeDir;
  if (path.startsWith('~/')) return join(homeDir, path.slice(2));
  return isAbsolute(path) ? path : resolve(path);
}

/** Returns a store URL fit for messages and logs: a password in a `postgres://` URL becomes `[redacted]`. */
export function redactStoreUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/, '$1:[redacted]@');
}

/**
 * Opens the store a URL names and brings its schema up to date: `sqlite:PATH` (the default,
 * `sqlite:~/.regapi2.db`) for the processes of one machine, `postgres://` for several machines.
 */
export async function openStore(url: string = DEFAULT_STORE_URL, options: OpenStoreOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite:')) {
    const store = new SqliteStore(sqlitePathFromUrl(url, options.homeDir));
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // Loaded on demand so that processes on SQLite never load pg and pg-boss.
    const { openPostgresStore } = await import('./postgres/index.js');
    return await openPostgresStore({ url, logger: options.logger });
  }
  throw new Error(`Store URL "${url}" has an unknown scheme; use sqlite:PATH (for example ${DEFAULT_STORE_URL}) or postgres://USER@HOST/DATABASE.`);
}

import type { Store } from './store/types.js';

/** Read results kept for a while, shared through the store, dropped when a write touches the same object. */
export interface ReadCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown, ttlMs: number, tags: string[]): Promise<void>;
  invalidate(tags: string[]): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Returns how long a read may be served from the cache. Prices and TLD rules change rarely. Service
 * lists, zones and name servers change with writes, which invalidate them, and now and then in the
 * REG.RU account itself. Everything else, domain/check included, is always requested afresh.
 */
export function cacheLifetimeMs(path: string): number {
  if (/\/get_prices$|^domain\/get_tld_info$|^service\/get_servtype_details$|^shop\/get_category_list$/.test(path)) return 6 * HOUR;
  if (/^(service\/get_list|service\/get_info|service\/get_details|zone\/get_resource_records|domain\/get_nss|folder\/get_services|dnssec\/get_status)$/.test(path)) return 2 * MINUTE;
  return 0;
}

export class StoreCache implements ReadCache {
  constructor(private readonly store: Store, private readonly now: () => number = Date.now) {}

  get(key: string): Promise<unknown | undefined> {
    return this.store.cacheGet(key, this.now());
  }

  set(key: string, value: unknown, ttlMs: number, tags: string[]): Promise<void> {
    return this.store.cacheSet(key, value, ttlMs, tags, this.now());
  }

  invalidate(tags: string[]): Promise<void> {
    return this.store.cacheInvalidate(tags);
  }
}

/** The same cache inside one process, for library use without a store. */
export class MemoryCache implements ReadCache {
  private readonly entries = new Map<string, { value: unknown; expires: number; tags: string[] }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<unknown | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.value);
  }

  async set(key: string, value: unknown, ttlMs: number, tags: string[]): Promise<void> {
    this.entries.set(key, { value: structuredClone(value), expires: this.now() + ttlMs, tags });
  }

  async invalidate(tags: string[]): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => tags.includes(tag))) this.entries.delete(key);
    }
  }
}

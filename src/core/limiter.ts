import { hostname } from 'node:os';
import { RateLimitedError } from './client/errors.js';
import type { BudgetDecision, Store } from './store/types.js';

/**
 * The shared request budget. REG.API allows 1,200 requests per hour per account and, at the same time,
 * per source IP, and blocks both for a while when either is exceeded. Every regapi2 process on the
 * account therefore draws from one budget kept in the store, set a little lower (1,100 by default).
 */
export interface RateBudget {
  /** Takes one request from every budget or raises RateLimitedError with the next free slot. */
  take(account: string): Promise<void>;
}

export interface RateBudgetOptions {
  limit: number;
  windowMs: number;
  /** Identifies the egress address: the proxy when one is set, this machine otherwise. */
  egress: string;
  now?: () => number;
}

/** Budget keys for an account and the egress address. */
export function budgetKeys(account: string, egress: string): string[] {
  return [`account:${account}`, `egress:${egress}`];
}

/** Returns the egress identity: a proxy's host, or this machine's name when requests go out directly. */
export function egressOf(httpsProxy?: string): string {
  return httpsProxy ? `proxy:${new URL(httpsProxy).host}` : `host:${hostname()}`;
}

abstract class BudgetBase implements RateBudget {
  constructor(protected readonly options: RateBudgetOptions) {}

  protected abstract decide(keys: string[], now: number): Promise<BudgetDecision>;

  async take(account: string): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    const decision = await this.decide(budgetKeys(account, this.options.egress), now);
    if (decision.granted) return;
    const retryAt = new Date(decision.retryAt);
    throw new RateLimitedError({
      scope: 'local',
      retryAt,
      message: `The request budget of ${this.options.limit} per ${Math.round(this.options.windowMs / 60_000)} minutes for ${account} is spent; nothing was sent. The next request may go at ${retryAt.toISOString()}.`,
      hint: 'REG.API blocks accounts that exceed 1,200 requests per hour. Wait until the time given, use bulk calls, or raise REGAPI_RATE_BUDGET if no other tool uses this account.',
    });
  }
}

/** The budget kept in the store, shared by every process that opens it. */
export class StoreRateBudget extends BudgetBase {
  constructor(private readonly store: Store, options: RateBudgetOptions) {
    super(options);
  }

  protected decide(keys: string[], now: number): Promise<BudgetDecision> {
    return this.store.takeBudget(keys, this.options.limit, this.options.windowMs, now);
  }
}

/** The same sliding window in this process only, for library use without a store. */
export class MemoryRateBudget extends BudgetBase {
  private readonly taken = new Map<string, number[]>();

  protected async decide(keys: string[], now: number): Promise<BudgetDecision> {
    const since = now - this.options.windowMs;
    let retryAt = 0;
    for (const key of keys) {
      const times = (this.taken.get(key) ?? []).filter((time) => time > since);
      this.taken.set(key, times);
      if (times.length >= this.options.limit) retryAt = Math.max(retryAt, times[times.length - this.options.limit] + this.options.windowMs);
    }
    if (retryAt > 0) return { granted: false, retryAt };
    for (const key of keys) this.taken.get(key)!.push(now);
    return { granted: true };
  }
}

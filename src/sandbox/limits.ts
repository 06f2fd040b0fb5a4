/**
 * Counts requests per key (an account or a client address) in a sliding window. Only admitted
 * requests are counted, so the limit lifts for a waiting client as its old requests leave the window.
 */
export class SlidingWindowLimiter {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for `key` and returns true, or returns false when the window is full. */
  tryTake(key: string, now = Date.now()): boolean {
    const recent = (this.times.get(key) ?? []).filter((time) => time > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.times.set(key, recent);
      return false;
    }
    recent.push(now);
    this.times.set(key, recent);
    return true;
  }

  /** Takes back the last request counted for `key`, for a request that another limit then rejected. */
  giveBack(key: string): void {
    this.times.get(key)?.pop();
  }

  reset(): void {
    this.times.clear();
  }
}

/**
 * Tracks open billing calls per account and open orders per domain. REG.API runs one balance-changing
 * call per account at a time (BILLING_LOCK) and one order per domain (DOMAIN_ORDER_LOCKED).
 */
export class LockTable {
  private readonly billing = new Set<string>();
  private readonly orders = new Set<string>();

  tryLockBilling(account: string): boolean {
    if (this.billing.has(account)) return false;
    this.billing.add(account);
    return true;
  }

  unlockBilling(account: string): void {
    this.billing.delete(account);
  }

  /** Locks every domain in `domains` or none of them; returns the first domain already locked, if any. */
  tryLockOrders(domains: readonly string[]): string | undefined {
    const busy = domains.find((domain) => this.orders.has(domain));
    if (busy !== undefined) return busy;
    for (const domain of domains) this.orders.add(domain);
    return undefined;
  }

  unlockOrders(domains: readonly string[]): void {
    for (const domain of domains) this.orders.delete(domain);
  }

  reset(): void {
    this.billing.clear();
    this.orders.clear();
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { as, call, startSandbox, type Sandbox } from './helpers.js';

let sandbox: Sandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const reseller = as('reseller', 'reseller-pass');
const other = as('other', 'other-pass');
const accounts = [
  { username: 'reseller', password: 'reseller-pass', partner: true, balance: 10_000, domains: ['example.ru'] },
  { username: 'other', password: 'other-pass', partner: true, balance: 10_000 },
];
const hosting = (dname: string) => ({ domain_name: dname, servtype: 'srv_webfwd' });
/** Long enough that a second request sent after the first one arrived always overlaps it. */
const HOLD_MS = 1000;

/** Polls until the first billing call has reached the sandbox. */
async function billingCallArrived(target: Sandbox): Promise<void> {
  while (target.counters.billingCalls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('sandbox limits and locks', () => {
  it('answers BILLING_LOCK to an overlapping billing call', async () => {
    sandbox = await startSandbox({ accounts, billingHoldMs: HOLD_MS });
    const first = call(sandbox, 'service/create', hosting('one.ru'), reseller);
    await billingCallArrived(sandbox);
    const second = await call(sandbox, 'service/create', hosting('two.ru'), reseller);
    expect(second.error_code).toBe('BILLING_LOCK');
    expect((await first).result).toBe('success');
    expect(sandbox.counters.billingLockAnswers).toBe(1);
    expect(sandbox.counters.maxConcurrentBilling).toBe(2);
    expect(sandbox.counters.billingCalls).toBe(2);
    expect(sandbox.state('reseller')?.services.filter((service) => service.servtype === 'srv_webfwd')).toHaveLength(1);
  });

  it('runs billing calls one after another without a lock error', async () => {
    sandbox = await startSandbox({ accounts, billingHoldMs: 50 });
    expect((await call(sandbox, 'service/create', hosting('one.ru'), reseller)).result).toBe('success');
    expect((await call(sandbox, 'service/create', hosting('two.ru'), reseller)).result).toBe('success');
    expect(sandbox.counters.maxConcurrentBilling).toBe(1);
    expect(sandbox.counters.billingLockAnswers).toBe(0);
  });

  it('lets reads overlap a billing call', async () => {
    sandbox = await startSandbox({ accounts, billingHoldMs: HOLD_MS });
    const order = call(sandbox, 'service/create', hosting('one.ru'), reseller);
    await billingCallArrived(sandbox);
    expect((await call(sandbox, 'user/get_balance', {}, reseller)).result).toBe('success');
    expect((await order).result).toBe('success');
  });

  it('answers DOMAIN_ORDER_LOCKED to a second order for one domain', async () => {
    sandbox = await startSandbox({ accounts, billingHoldMs: HOLD_MS });
    const first = call(sandbox, 'service/create', hosting('shared.ru'), reseller);
    await billingCallArrived(sandbox);
    const second = await call(sandbox, 'service/create', hosting('shared.ru'), other);
    expect(second.error_code).toBe('DOMAIN_ORDER_LOCKED');
    expect(second.error_params).toEqual({ domain_name: 'shared.ru' });
    expect((await first).result).toBe('success');
    expect(sandbox.counters.domainOrderLockAnswers).toBe(1);
  });

  it('limits requests per account', async () => {
    sandbox = await startSandbox({ accounts, rateLimit: { account: 3, ip: 100 } });
    const codes: Array<string | undefined> = [];
    for (let attempt = 0; attempt < 4; attempt += 1) codes.push((await call(sandbox, 'nop', {}, reseller)).error_code);
    expect(codes).toEqual([undefined, undefined, undefined, 'ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE']);
    expect((await call(sandbox, 'nop', {}, other)).result).toBe('success');
    expect(sandbox.counters.rateLimitAnswers).toBe(1);
  });

  it('limits requests per address across accounts', async () => {
    sandbox = await startSandbox({ accounts, rateLimit: { account: 100, ip: 3 } });
    await call(sandbox, 'nop', {}, reseller);
    await call(sandbox, 'nop', {}, other);
    await call(sandbox, 'nop');
    const blocked = await call(sandbox, 'nop', {}, other);
    expect(blocked.error_code).toBe('IP_EXCEEDED_ALLOWED_CONNECTION_RATE');
  });

  it('lifts the limit when the window slides on', async () => {
    sandbox = await startSandbox({ accounts, rateLimit: { account: 1, windowMs: 200 } });
    expect((await call(sandbox, 'nop', {}, reseller)).result).toBe('success');
    expect((await call(sandbox, 'nop', {}, reseller)).error_code).toBe('ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await call(sandbox, 'nop', {}, reseller)).result).toBe('success');
  });

  it('limits the test account like any other', async () => {
    sandbox = await startSandbox({ rateLimit: { account: 2 } });
    await call(sandbox, 'nop');
    await call(sandbox, 'nop');
    expect((await call(sandbox, 'nop')).error_code).toBe('ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE');
  });

  it('counts requests per account and address', async () => {
    sandbox = await startSandbox({ accounts });
    await call(sandbox, 'nop', {}, reseller);
    await call(sandbox, 'nop', {}, reseller);
    await call(sandbox, 'nop');
    expect(sandbox.counters.requestsByAccount).toEqual({ reseller: 2, test: 1 });
    expect(sandbox.counters.requestsByIp).toEqual({ '127.0.0.1': 3 });
  });

  it('refuses a non-loopback host', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { RateLimitedError } from '../../src/core/client/errors.js';
import { sandboxCore } from '../support/core.js';

// One call per domain, or tight retry loops, spend REG.API's 1,200 requests per hour and block the
// account for everyone using it.
function domainList(count: number): { dname: string }[] {
  return Array.from({ length: count }, (_, index) => ({ dname: `site${index}.ru` }));
}

describe('field case 15: rate limits and batching', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'bulkuser', REGAPI_PASSWORD: 'bulk-pass-15' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'bulkuser', password: 'bulk-pass-15', domains: domainList(1500).map((d) => d.dname) }] });
  });
  afterAll(async () => sandbox.close());

  it('reads 30 zones in one request', async () => {
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const result = await core.call('zone/get_resource_records', { domains: domainList(30) }, { fresh: true });
    await core.close();
    const sent = sandbox.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0].fields.input_data)).domains).toHaveLength(30);
    expect(result.items).toHaveLength(30);
  });

  it('splits 1,500 domains into 1,000 and 500, in order', async () => {
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const result = await core.call('zone/get_resource_records', { domains: domainList(1500) }, { fresh: true });
    await core.close();
    const sizes = sandbox.requests.slice(before).map((request) => JSON.parse(String(request.fields.input_data)).domains.length);
    expect(sizes).toEqual([1000, 500]);
    expect(result.requests).toBe(2);
    expect(result.items).toHaveLength(1500);
    expect(result.items[1000].key).toBe('site1000.ru');
    expect(result.items[1499].index).toBe(1499);
  });

  it('stops at REG.API rate-limit codes without a retry loop', async () => {
    sandbox.faults.add({
      path: 'nop',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'IP_EXCEEDED_ALLOWED_CONNECTION_RATE', error_text: 'Rate exceeded' },
    });
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const error = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();

    expect(error).toBeInstanceOf(RateLimitedError);
    const limited = error as RateLimitedError;
    expect(limited.code).toBe('IP_EXCEEDED_ALLOWED_CONNECTION_RATE');
    expect(limited.scope).toBe('ip');
    expect(limited.message).toContain('1,200');
    expect(limited.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(sandbox.requests.length - before).toBeLessThanOrEqual(2);
  });

  it('refuses locally once the budget is spent, before REG.API would', async () => {
    const core = sandboxCore(sandbox.url, { ...env, REGAPI_RATE_BUDGET: '3' });
    const before = sandbox.requests.length;
    for (let call = 0; call < 3; call += 1) await core.call('nop');
    const error = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).scope).toBe('local');
    expect((error as RateLimitedError).message).toMatch(/nothing was sent/);
    expect(sandbox.requests.length - before).toBe(3);
  });
});

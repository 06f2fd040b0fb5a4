import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { canonicalDomain } from '../../src/core/idn.js';
import { sandboxCore } from '../support/core.js';

// A burst of single checks would spend one request of REG.API's hourly budget each.
describe('concurrent domain/check calls', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'reseller', REGAPI_PASSWORD: 'reseller-pass' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'reseller', password: 'reseller-pass', partner: true, domains: ['taken.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  function checksSince(before: number) {
    return sandbox.requests.slice(before).filter((request) => request.path.endsWith('/domain/check'));
  }

  it('merges a burst into one request', async () => {
    const core = sandboxCore(sandbox.url, env);
    const before = sandbox.requests.length;
    const names = ['free-one.ru', 'taken.ru', 'free-two.ru', 'пример-три.рф', 'free-four.ru'];
    const results = await Promise.all(names.map((name) => core.call<{ domains: { dname: string }[] }>('domain/check', { domain_name: name })));
    await core.close();

    const sent = checksSince(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0].fields.input_data)).domains).toHaveLength(5);
    results.forEach((result, index) => {
      expect(result.items).toHaveLength(1);
      expect(result.items[0].index).toBe(0);
      expect(result.answer.domains).toHaveLength(1);
      expect(canonicalDomain(result.items[0].key ?? '')).toBe(canonicalDomain(names[index]));
    });
    expect(results[1].items[0].ok).toBe(false);
    expect(results[0].items[0].ok).toBe(true);
    expect(results.map((result) => result.requests)).toEqual([1, 0, 0, 0, 0]);
  });

  it('keeps calls with other options apart', async () => {
    const core = sandboxCore(sandbox.url, env);
    const before = sandbox.requests.length;
    await Promise.all([
      core.call('domain/check', { domain_name: 'a-one.ru' }),
      core.call('domain/check', { domain_name: 'a-two.ru', currency: 'USD' }),
    ]);
    await core.close();
    expect(checksSince(before)).toHaveLength(2);
  });

  it('sends a lone call as it was given', async () => {
    const core = sandboxCore(sandbox.url, env);
    const before = sandbox.requests.length;
    const result = await core.call('domain/check', { domain_name: 'alone.ru' });
    await core.close();
    const sent = checksSince(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0].fields.input_data))).toEqual({ domain_name: 'alone.ru' });
    expect(result.items).toHaveLength(1);
  });
});

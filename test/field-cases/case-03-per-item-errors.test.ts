import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { RegApiError } from '../../src/core/client/errors.js';
import { sandboxCore } from '../support/core.js';

// REG.API answers list methods with top-level success while single elements failed; plugins that read
// only the top level reported TXT records as added that never appeared.
describe('field case 3: per-element errors under top-level success', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'dnsuser', REGAPI_PASSWORD: 'dns-pass-3' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'dnsuser', password: 'dns-pass-3', domains: ['example.com'] }] });
  });
  afterAll(async () => sandbox.close());

  it('raises the element error when the only element failed', async () => {
    sandbox.faults.add({
      path: 'zone/add_txt',
      kind: 'answer',
      times: 1,
      body: {
        result: 'success',
        answer: { domains: [{ dname: 'example.ru', result: 'error', error_code: 'DOMAIN_NOT_FOUND', error_text: 'Domain not found' }] },
      },
    });
    const core = sandboxCore(sandbox.url, env);
    const error = await core.call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'abc' }).catch((caught: unknown) => caught);
    await core.close();

    expect(error).toBeInstanceOf(RegApiError);
    const failure = error as RegApiError;
    expect(failure.code).toBe('DOMAIN_NOT_FOUND');
    expect(failure.message).toContain('example.ru');
    expect(failure.message.toLowerCase()).not.toContain('added');
    expect(failure.items).toHaveLength(1);
    expect(failure.items[0].ok).toBe(false);
  });

  it('reports a mixed answer as partial, element by element', async () => {
    const core = sandboxCore(sandbox.url, env);
    // example.com is in the account, example.ru is not: the sandbox fails that element only.
    const result = await core.call('zone/add_txt', {
      domains: [{ dname: 'example.com' }, { dname: 'example.ru' }],
      subdomain: '_acme-challenge',
      text: 'abc',
    });
    await core.close();

    expect(result.outcome).toBe('partial');
    expect(result.items.map((item) => item.ok)).toEqual([true, false]);
    expect(result.items[1].key).toBe('example.ru');
    expect(result.items[1].errorCode).toMatch(/^[A-Z_]+$/);
  });
});

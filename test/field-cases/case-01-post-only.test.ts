import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { RegApiError } from '../../src/core/client/errors.js';
import { sandboxCore } from '../support/core.js';

// REG.RU switched GET off: clients that sent GET, or put input_data into the URL, broke at once and
// saw only ONLY_POST_ALLOWED in the body.
describe('field case 1: POST only', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'dnsuser', REGAPI_PASSWORD: 'dns-pass-1' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'dnsuser', password: 'dns-pass-1', domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('sends add_txt as one form POST with JSON input_data', async () => {
    sandbox.reset?.();
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const result = await core.call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'abc123' });
    await core.close();

    expect(result.outcome).toBe('success');
    const sent = sandbox.requests.slice(before);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/regru2/zone/add_txt');
    expect(request.query).toBe('');
    expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.fields.input_format).toBe('json');
    expect(JSON.parse(String(request.fields.input_data))).toEqual({
      domains: [{ dname: 'example.ru' }],
      subdomain: '_acme-challenge',
      text: 'abc123',
    });
    expect(request.path).not.toContain('dns-pass-1');
    expect(request.path).not.toContain('dnsuser');
  });

  it('reports ONLY_POST_ALLOWED verbatim, once, as a client defect', async () => {
    sandbox.faults.add({
      path: 'zone/add_txt',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'ONLY_POST_ALLOWED', error_text: 'Only HTTP method POST allowed' },
    });
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const error = await core
      .call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'abc123' })
      .catch((caught: unknown) => caught);
    await core.close();

    expect(error).toBeInstanceOf(RegApiError);
    expect((error as RegApiError).code).toBe('ONLY_POST_ALLOWED');
    expect((error as RegApiError).hint).toMatch(/defect in the client/);
    expect(sandbox.requests.length - before).toBe(1);
  });
});

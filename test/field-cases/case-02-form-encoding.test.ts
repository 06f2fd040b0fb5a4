import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxCore } from '../support/core.js';

// Hand-built form bodies changed requests whose values held `"`, `&`, `%` or `+`; REG.RU then answered
// as if the password were wrong, or ignored arguments sent as stray plain fields.
const USERNAME = 'test-user+dns@example.ru';
const PASSWORD = 'p&ss=w"rd%2B+ё';
const CONTROL_FIELDS = ['username', 'password', 'lang', 'io_encoding', 'output_format', 'input_format', 'input_data'];

describe('field case 2: form encoding', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: USERNAME, REGAPI_PASSWORD: PASSWORD };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: USERNAME, password: PASSWORD, domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('keeps special characters in credentials and values intact', async () => {
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const result = await core.call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'a&b=c "d"' });
    await core.close();

    expect(result.outcome).toBe('success');
    const [request] = sandbox.requests.slice(before);
    const form = new URLSearchParams(request.rawBody);
    expect(form.getAll('username')).toEqual([USERNAME]);
    expect(form.getAll('password')).toEqual([PASSWORD]);
    const inputData = JSON.parse(form.get('input_data')!);
    expect(inputData.text).toBe('a&b=c "d"');
    // The password contains a quote, which JSON escapes, so the escaped form is what would show a copy.
    expect(form.get('input_data')).not.toContain(JSON.stringify(PASSWORD).slice(1, -1));
    expect(inputData).not.toHaveProperty('username');
    expect(inputData).not.toHaveProperty('password');
    expect(request.query).toBe('');
  });

  it('sends every method argument inside input_data', async () => {
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    await core.call('service/get_list', { servtype: 'domain' });
    await core.close();

    const [request] = sandbox.requests.slice(before);
    const form = new URLSearchParams(request.rawBody);
    expect([...new Set(form.keys())].sort()).toEqual([...CONTROL_FIELDS].sort());
    expect(JSON.parse(form.get('input_data')!)).toEqual({ servtype: 'domain' });
    expect(form.get('io_encoding')).toBe('utf8');
  });
});

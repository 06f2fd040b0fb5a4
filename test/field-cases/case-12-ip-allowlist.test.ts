import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { RegApiError } from '../../src/core/client/errors.js';
import { sandboxCore } from '../support/core.js';

// Users read ACCESS_DENIED_FROM_IP as a credentials problem and their tools kept repeating the call.
describe('field case 12: IP not allow-listed', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'ipuser', REGAPI_PASSWORD: 'ip-pass-12' };

  beforeAll(async () => {
    sandbox = await startSandbox({
      accounts: [{ username: 'ipuser', password: 'ip-pass-12', domains: ['example.ru'], allowedIps: ['203.0.113.7'] }],
    });
  });
  afterAll(async () => sandbox.close());

  it('names the fix and sends the refused call once', async () => {
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    const error = await core.call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'abc' }).catch((caught: unknown) => caught);
    await core.close();

    expect(error).toBeInstanceOf(RegApiError);
    const failure = error as RegApiError;
    expect(failure.code).toBe('ACCESS_DENIED_FROM_IP');
    expect(failure.hint).toMatch(/outgoing IP address/);
    expect(failure.hint).toMatch(/API settings/);
    expect(failure.hint).toContain('zone/add_txt');
    expect(failure.errorParams.command_name).toBe('zone/add_txt');
    expect(sandbox.requests.length - before).toBe(1);
  });

  it('surfaces the same refusal on nop before any write', async () => {
    const core = sandboxCore(sandbox.url, env);
    const error = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();
    expect((error as RegApiError).code).toBe('ACCESS_DENIED_FROM_IP');
    expect((error as RegApiError).hint).toMatch(/outgoing IP address/);
  });
});

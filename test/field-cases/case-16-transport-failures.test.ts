import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { RegApiError, TransportError } from '../../src/core/client/errors.js';
import { sandboxCore } from '../support/core.js';

// REG.API takes 5–10 s for some calls and answers INTERNAL_API_ERROR with HTTP 503; short timeouts
// turned slow successes into failures, and HTML error pages crashed JSON parsing.
describe('field case 16: timeouts, 5xx and bodies that are not JSON', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'slowuser', REGAPI_PASSWORD: 'slow-pass-16' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'slowuser', password: 'slow-pass-16', domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('waits through an 8 s answer with the default timeout', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'delay', ms: 8_000, times: 1 });
    const core = sandboxCore(sandbox.url, env);
    expect(core.config.responseTimeoutMs).toBeGreaterThanOrEqual(20_000);
    const result = await core.call('nop');
    await core.close();
    expect(result.outcome).toBe('success');
  }, 30_000);

  it('names INTERNAL_API_ERROR behind HTTP 503 as a temporary failure', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'status503', times: 1 });
    const core = sandboxCore(sandbox.url, env);
    const error = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();
    expect(error).toBeInstanceOf(RegApiError);
    expect((error as RegApiError).code).toBe('INTERNAL_API_ERROR');
    expect((error as RegApiError).httpStatus).toBe(503);
    expect((error as RegApiError).hint).toMatch(/temporarily failing/);
  });

  it('survives an HTML 502 page with a short excerpt', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'html502', times: 1 });
    const core = sandboxCore(sandbox.url, env);
    const error = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();
    expect(error).toBeInstanceOf(TransportError);
    const failure = error as TransportError;
    expect(failure.status).toBe(502);
    expect(failure.message).toMatch(/not JSON|non-JSON/);
    expect(failure.excerpt!.length).toBeLessThanOrEqual(201);
  });

  it('rejects an empty body and an unknown result', async () => {
    const core = sandboxCore(sandbox.url, env);
    sandbox.faults.add({ path: 'nop', kind: 'empty', times: 1 });
    const empty = await core.call('nop').catch((caught: unknown) => caught);
    sandbox.faults.add({ path: 'nop', kind: 'pending', times: 1 });
    const pending = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();
    expect(empty).toBeInstanceOf(TransportError);
    expect((empty as TransportError).failure).toBe('not_json');
    expect(pending).toBeInstanceOf(TransportError);
    expect((pending as TransportError).failure).toBe('bad_envelope');
    expect((pending as TransportError).message).toContain('"pending"');
  });

  it('marks a write that timed out as possibly executed', async () => {
    sandbox.faults.add({ path: 'zone/add_txt', kind: 'hold', ms: 3_000, times: 1 });
    const core = sandboxCore(sandbox.url, { ...env, REGAPI_TIMEOUT_MS: '500' });
    const error = await core.call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: 'slow', text: 'v' }).catch((caught: unknown) => caught);
    await core.close();
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).failure).toBe('timeout');
    expect((error as TransportError).mayHaveReachedServer).toBe(true);
  });

  it('marks a refused connection as not sent', async () => {
    const core = sandboxCore('http://127.0.0.1:9/api/regru2', env);
    const error = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).mayHaveReachedServer).toBe(false);
  });
});

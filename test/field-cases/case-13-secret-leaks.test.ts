import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createCore } from '../../src/core/core.js';
import { memoryLogger, sandboxConfig } from '../support/core.js';

// Plugins leaked the password through REG.API's echoed input_params and through debug logs of the form.
const PASSWORD = 'S3cr3t-Pa55';

describe('field case 13: secrets never leak', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'leakuser', password: PASSWORD, domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('keeps the password out of errors, answers and debug logs', async () => {
    sandbox.faults.add({
      path: 'zone/add_txt',
      kind: 'answer',
      times: 1,
      body: {
        result: 'error',
        error_code: 'DOMAIN_NOT_FOUND',
        error_text: `Domain not found for leakuser/${PASSWORD}`,
        error_params: { input_params: { username: 'leakuser', password: PASSWORD } },
        input_params: { username: 'leakuser', password: PASSWORD },
      },
    });
    sandbox.faults.add({ path: 'nop', kind: 'html502', times: 1 });
    const { logger, text } = memoryLogger('trace');
    const core = createCore({ config: sandboxConfig(sandbox.url, { REGAPI_USERNAME: 'leakuser', REGAPI_PASSWORD: PASSWORD }), logger });
    const before = sandbox.requests.length;

    const failure = await core.call('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: 'x', text: 'y' }).catch((caught: unknown) => caught);
    const transport = await core.call('nop').catch((caught: unknown) => caught);
    const success = await core.call('nop');
    await core.close();

    for (const shown of [failure, transport, success]) {
      const serialised = JSON.stringify(shown) + String((shown as Error).message ?? '') + String((shown as { hint?: string }).hint ?? '');
      expect(serialised).not.toContain(PASSWORD);
    }
    expect(JSON.stringify((failure as { request?: unknown }).request)).not.toContain(PASSWORD);
    expect(text()).not.toContain(PASSWORD);
    expect(text()).toContain('REG.API request');
    for (const request of sandbox.requests.slice(before)) {
      expect(request.fields.show_input_params).toBeUndefined();
    }
  });

  it('keeps the signing key out of requests and logs', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const dir = mkdtempSync(join(tmpdir(), 'regapi2-sig-'));
    const keyPath = join(dir, 'sig.pem');
    writeFileSync(keyPath, keyPem);
    const signer = await startSandbox({
      accounts: [{ username: 'siguser', password: 'unused-password', sigPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
    });
    const { logger, text } = memoryLogger('trace');
    const core = createCore({ config: sandboxConfig(signer.url, { REGAPI_USERNAME: 'siguser', REGAPI_SIG_KEY: keyPath, REGAPI_PASSWORD: '' }), logger });
    const result = await core.call('nop');
    await core.close();
    const keyBody = keyPem.split('\n')[1];

    expect(result.outcome).toBe('success');
    const [request] = signer.requests;
    expect(request.fields.sig).toBeTruthy();
    expect(request.fields.password).toBeUndefined();
    expect(request.rawBody).not.toContain(keyBody);
    expect(text()).not.toContain(keyBody);
    await signer.close();
  });
});

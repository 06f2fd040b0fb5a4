import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegApiError } from '../../../src/core/client/errors.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { sandboxCore } from '../../support/core.js';

// REG.API substitutes request values into error_text through error_params, so both may carry the password.
// The password has no quote or backslash, so it reads the same inside JSON.stringify output.
const PASSWORD = 'Err-Params-p&ss=w0rd%2B';

describe('error_params redaction', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'paramuser', password: PASSWORD, domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('scrubs the password from error_params', async () => {
    sandbox.faults.add({
      path: 'nop',
      kind: 'answer',
      times: 1,
      body: {
        result: 'error',
        error_code: 'USER_AUTHENTICATION_FAILED',
        error_text: `Authentication failed for paramuser/${PASSWORD}`,
        error_params: { command_name: 'nop', password: PASSWORD, login: `paramuser/${PASSWORD}` },
      },
    });
    const core = sandboxCore(sandbox.url, { REGAPI_USERNAME: 'paramuser', REGAPI_PASSWORD: PASSWORD });

    const failure = await core.call('nop').catch((caught: unknown) => caught);
    await core.close();

    expect(failure).toBeInstanceOf(RegApiError);
    const error = failure as RegApiError;
    expect(JSON.stringify(error.toJSON())).not.toContain(PASSWORD);
    expect(JSON.stringify(error.errorParams)).not.toContain(PASSWORD);
    expect(error.errorParams.command_name).toBe('nop');
    expect(error.errorParams.login).toBe('paramuser/[redacted]');
  });
});

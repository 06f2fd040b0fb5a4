import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegApiError } from '../../../src/core/client/errors.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { sandboxCore } from '../../support/core.js';

describe('failed list call message', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'many', password: 'many-pass', domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('names ten elements and counts the rest', async () => {
    const core = sandboxCore(sandbox.url, { REGAPI_USERNAME: 'many', REGAPI_PASSWORD: 'many-pass' });
    const domains = Array.from({ length: 1500 }, (_, index) => ({ dname: `absent-${index}.ru` }));

    const failure = await core.call('zone/get_resource_records', { domains }).catch((caught: unknown) => caught);
    await core.close();

    expect(failure).toBeInstanceOf(RegApiError);
    const error = failure as RegApiError;
    expect(error.items).toHaveLength(1500);
    expect(error.message).toContain('absent-0.ru: DOMAIN_NOT_FOUND');
    expect(error.message).toContain('absent-9.ru: DOMAIN_NOT_FOUND');
    expect(error.message).not.toContain('absent-10.ru');
    expect(error.message).toContain('and 1490 more');
  });
});

import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createFacade } from '../../src/core/facade.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxCore } from '../support/core.js';

// `npm test` type-checks the tests, so the @ts-expect-error lines below fail the run when the facade
// stops rejecting a wrong input at compile time.
describe('typed facade', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({});
  });
  afterAll(async () => sandbox.close());

  it('calls reads by category and camel-cased name', async () => {
    const core = sandboxCore(sandbox.url);
    const api = createFacade(core);
    const nop = await api.common.nop();
    const check = await api.domain.check({ domains: [{ dname: 'example.ru' }, { dname: 'пример.рф' }] });
    await core.close();

    expect(nop.answer).toMatchObject({ login: 'test' });
    expect(check.items).toHaveLength(2);
    expectTypeOf(api.zone.getResourceRecords).toBeFunction();
    expectTypeOf(check.outcome).toEqualTypeOf<'success' | 'partial'>();
  });

  it('rejects wrong inputs at compile time and at run time', async () => {
    const core = sandboxCore(sandbox.url);
    const api = createFacade(core);
    const before = sandbox.requests.length;

    // @ts-expect-error domains must be a list of objects
    const wrongType = api.zone.getResourceRecords({ domains: 'example.ru' }).catch((error: unknown) => error);
    // @ts-expect-error domian_name is not a field of domain/check
    const typo = api.domain.check({ domian_name: 'example.ru' }).catch((error: unknown) => error);
    const failures = await Promise.all([wrongType, typo]);
    await core.close();

    expect(failures.map((failure) => (failure as { code?: string }).code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect(String((failures[1] as Error).message)).toContain('domian_name');
    expect(sandbox.requests.length).toBe(before);
  });

  it('refuses writes without an approval handler', async () => {
    const core = sandboxCore(sandbox.url);
    const api = createFacade(core);
    const refused = await api.zone.addTxt({ domain_name: 'example.ru', subdomain: '@', text: 'x' }).catch((error: unknown) => error);
    await core.close();
    expect(String((refused as Error).message)).toMatch(/needs a person's approval/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/client/errors.js';
import { planSetRecord, resolveName } from '../../src/core/dns/index.js';
import { startWorld, type World } from '../core/dns/world.js';

// Clients took the last two labels as the zone, or sent an empty dname with the full name as
// subdomain. regapi2 splits names against the zones the account has, so three-label zones under
// msk.ru work, and inputs that would send an empty dname or repeat the zone are rejected locally.
describe('field case 6: multi-level names and second-level suffixes', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ username: 'case6', domains: ['example.msk.ru', 'example.ru'] });
  });
  afterAll(async () => world.close());

  it('splits _acme-challenge.www.example.msk.ru at example.msk.ru', async () => {
    const plan = await planSetRecord(world.core, { name: '_acme-challenge.www.example.msk.ru', type: 'TXT', value: 'token-6a' });
    expect(plan.call!.input).toMatchObject({ domains: [{ dname: 'example.msk.ru' }], subdomain: '_acme-challenge.www' });

    const mark = world.mark();
    await world.run(plan.call!.path, plan.call!.input);
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/add_txt');
    expect(writes).toHaveLength(1);
    expect(writes[0].input.domains).toEqual([{ dname: 'example.msk.ru' }]);
    expect(writes[0].input.subdomain).toBe('_acme-challenge.www');
  });

  it('handles mixed case and a trailing dot', async () => {
    const resolved = await resolveName(world.core, '_acme-challenge.Host.lvl3.Example.RU.');
    expect(resolved.zone).toBe('example.ru');
    expect(resolved.subdomain).toBe('_acme-challenge.host.lvl3');
  });

  it('rejects an empty dname before sending', async () => {
    const mark = world.mark();
    await expect(
      world.operations.propose({ path: 'zone/add_txt', input: { domains: [{ dname: '' }], subdomain: '_acme-challenge', text: 'x' }, requestedBy: 'cli:tester' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(world.sentSince(mark)).toEqual([]);
  });

  it('rejects a subdomain ending in the zone name before sending', async () => {
    const mark = world.mark();
    const proposal = world.operations.propose({
      path: 'zone/add_txt',
      input: { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge.example.ru.', text: 'x' },
      requestedBy: 'cli:tester',
    });
    await expect(proposal).rejects.toBeInstanceOf(ValidationError);
    await expect(proposal).rejects.toThrow('ends with the zone name example.ru');
    expect(world.sentSince(mark)).toEqual([]);
    expect(await world.operations.list({ states: ['awaiting_approval'] })).toEqual([]);
  });

  it('rejects a relative name that repeats its zone', async () => {
    await expect(resolveName(world.core, 'www.example.ru.example.ru', { zone: 'example.ru' })).rejects.toThrow('ends with the zone name example.ru');
  });
});

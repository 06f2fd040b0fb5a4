import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/client/errors.js';
import { planSetRecord } from '../../src/core/dns/index.js';
import { prepareInput } from '../../src/core/operations/preview/index.js';
import { startWorld, type World } from '../core/dns/world.js';

// Another Russian hosting API stored a TXT named "@" as example.ru.example.ru and refused
// mail._domainkey. regapi2 sends "@" for every spelling of the apex and underscore labels verbatim.
describe('field case 9: apex and underscore labels', () => {
  let world: World;
  const operationId = 'a'.repeat(32);

  beforeAll(async () => {
    world = await startWorld({ username: 'case9', domains: ['example.ru'] });
  });
  afterAll(async () => world.close());

  it.each(['@', '', 'example.ru', 'EXAMPLE.RU.'])('plans the apex TXT for name %j as subdomain "@"', async (name) => {
    const plan = await planSetRecord(world.core, { zone: 'example.ru', name, type: 'TXT', value: 'v=spf1 -all' });
    expect(plan.call!.input.subdomain).toBe('@');
    expect(plan.call!.input.domains).toEqual([{ dname: 'example.ru' }]);
  });

  it.each(['@', '', 'example.ru'])('sends subdomain "@" for the raw add_txt subdomain %j', async (subdomain) => {
    const prepared = await prepareInput(world.core, 'zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain, text: 'v=spf1 -all' }, operationId);
    expect(prepared.subdomain).toBe('@');
  });

  it('sends "@" to REG.API when the zone name is given as subdomain', async () => {
    const mark = world.mark();
    const done = await world.run('zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: 'example.ru', text: 'v=spf1 -all' });
    expect(done.state).toBe('done');
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/add_txt');
    expect(writes).toHaveLength(1);
    expect(writes[0].input.subdomain).toBe('@');
  });

  it.each(['_dmarc', 'mail._domainkey'])('sends %s verbatim', async (label) => {
    const plan = await planSetRecord(world.core, { name: `${label}.example.ru`, type: 'TXT', value: `v=${label}` });
    expect(plan.call!.input.subdomain).toBe(label);

    const mark = world.mark();
    await world.run(plan.call!.path, plan.call!.input);
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/add_txt');
    expect(writes.map((call) => call.input.subdomain)).toEqual([label]);
  });

  it('rejects a label longer than 63 characters without a request', async () => {
    const mark = world.mark();
    const long = 'a'.repeat(64);
    await expect(planSetRecord(world.core, { name: `${long}.example.ru`, type: 'TXT', value: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      world.operations.propose({ path: 'zone/add_txt', input: { domains: [{ dname: 'example.ru' }], subdomain: long, text: 'x' }, requestedBy: 'cli:tester' }),
    ).rejects.toThrow(/63/);
    expect(world.sentSince(mark).filter((call) => call.path !== 'service/get_list')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/client/errors.js';
import { planSetRecord, readZone, resolveName } from '../../src/core/dns/index.js';
import { startWorld, type World } from '../core/dns/world.js';

// acme.sh picked the first listed domain that the requested name merely contained, so a TXT for
// test-example.com landed in example.com. regapi2 takes the longest zone that ends the name on a
// label boundary, whatever order service/get_list returns.
describe('field case 5: zone picked by suffix, not substring', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ username: 'case5', domains: ['example.ru', 'test-example.ru', 'ample.ru'] });
  });
  afterAll(async () => world.close());

  it('lists the zones in the order the case names', async () => {
    const listed = await world.core.call('service/get_list', { servtype: 'domain' });
    const names = ((listed.answer as { services: { dname: string }[] }).services ?? []).map((service) => service.dname);
    expect(names).toEqual(['example.ru', 'test-example.ru', 'ample.ru']);
  });

  it('puts _acme-challenge.test-example.ru into test-example.ru', async () => {
    const plan = await planSetRecord(world.core, { name: '_acme-challenge.test-example.ru', type: 'TXT', value: 'token-5' });
    expect(plan.name.zone).toBe('test-example.ru');
    expect(plan.name.subdomain).toBe('_acme-challenge');

    const mark = world.mark();
    const done = await world.run(plan.call!.path, plan.call!.input);
    expect(done.state).toBe('done');
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/add_txt');
    expect(writes).toHaveLength(1);
    expect(writes[0].input).toMatchObject({ domains: [{ dname: 'test-example.ru' }], subdomain: '_acme-challenge', text: 'token-5' });

    const wrongZone = await readZone(world.core, 'example.ru');
    expect(wrongZone.filter((record) => record.content === 'token-5')).toEqual([]);
    const rightZone = await readZone(world.core, 'test-example.ru');
    expect(rightZone).toContainEqual({ subname: '_acme-challenge', type: 'TXT', content: 'token-5' });
  });

  it('puts www.example.ru into example.ru', async () => {
    const resolved = await resolveName(world.core, 'www.example.ru');
    expect(resolved.zone).toBe('example.ru');
    expect(resolved.subdomain).toBe('www');
  });

  it('rejects example.ru.evil.test and sends no write', async () => {
    const mark = world.mark();
    const attempt = planSetRecord(world.core, { name: 'example.ru.evil.test', type: 'TXT', value: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow('no zone in this account for example.ru.evil.test');
    const sent = world.sentSince(mark).map((call) => call.path);
    expect(sent.filter((path) => path !== 'service/get_list')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/client/errors.js';
import { listRecords, listZones, planSetRecord, resolveName } from '../../../src/core/dns/index.js';
import { startWorld, type World } from './world.js';

describe('resolveName', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ username: 'resolver', domains: ['example.ru', 'sub.example.ru', 'пример.рф'] });
  });
  afterAll(async () => world.close());

  it('lists zones in canonical form, longest first', async () => {
    expect(await listZones(world.core)).toEqual(['xn--e1afmkfd.xn--p1ai', 'sub.example.ru', 'example.ru']);
  });

  it('prefers the longest zone', async () => {
    expect(await resolveName(world.core, 'www.sub.example.ru')).toMatchObject({ zone: 'sub.example.ru', subdomain: 'www' });
    expect(await resolveName(world.core, 'www.other.example.ru')).toMatchObject({ zone: 'example.ru', subdomain: 'www.other' });
  });

  it('resolves the apex to "@"', async () => {
    expect(await resolveName(world.core, 'Example.RU.')).toMatchObject({ zone: 'example.ru', subdomain: '@', fqdn: 'example.ru' });
  });

  it('rejects an empty name without a zone', async () => {
    await expect(resolveName(world.core, '  ')).rejects.toThrow('names no domain');
  });

  it('rejects a zone the account does not have', async () => {
    const attempt = resolveName(world.core, 'www', { zone: 'elsewhere.ru' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow('no zone in this account for elsewhere.ru');
  });

  it('reads the zone list once and answers later names from the cache', async () => {
    const mark = world.mark();
    await resolveName(world.core, 'a.example.ru');
    await resolveName(world.core, 'b.example.ru');
    expect(world.sentSince(mark).filter((call) => call.path === 'service/get_list').length).toBeLessThanOrEqual(1);
  });
});

describe('planSetRecord and listRecords', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({
      username: 'planner',
      domains: ['example.ru'],
      zones: {
        'example.ru': [
          { subname: 'www', rectype: 'A', content: '192.0.2.1' },
          { subname: '@', rectype: 'MX', content: 'mx.example.ru', prio: 10 },
          { subname: 'alias', rectype: 'CNAME', content: 'www.example.ru' },
        ],
      },
    });
  });
  afterAll(async () => world.close());

  it('makes an existing record a no-op that sends nothing', async () => {
    const mark = world.mark();
    const plan = await planSetRecord(world.core, { name: 'WWW.example.ru', type: 'a', value: '192.0.2.1' });
    expect(plan.noop).toBe(true);
    expect(plan.call).toBeNull();
    expect(plan.summary).toContain('already exists');
    expect(world.sentSince(mark).filter((call) => call.path.startsWith('zone/add'))).toEqual([]);
  });

  it('compares host names without case and trailing dot', async () => {
    const plan = await planSetRecord(world.core, { name: 'example.ru', type: 'MX', value: 'MX.example.ru.', priority: 10 });
    expect(plan.noop).toBe(true);
  });

  it('treats another MX priority as a new record', async () => {
    const plan = await planSetRecord(world.core, { name: 'example.ru', type: 'MX', value: 'mx.example.ru', priority: 20 });
    expect(plan.call).toEqual({ path: 'zone/add_mx', input: { domains: [{ dname: 'example.ru' }], subdomain: '@', mail_server: 'mx.example.ru', priority: 20 } });
  });

  it('warns about a second CNAME', async () => {
    const plan = await planSetRecord(world.core, { name: 'alias.example.ru', type: 'CNAME', value: 'other.example.ru' });
    expect(plan.warnings.join(' ')).toContain('CONFLICT_CNAME');
  });

  it.each([
    [{ type: 'A', value: '300.1.1.1' }, 'not a valid A value'],
    [{ type: 'AAAA', value: '192.0.2.1' }, 'not a valid AAAA value'],
    [{ type: 'SRV', value: 'x' }, 'not supported'],
    [{ type: 'TXT', value: 'x', priority: 5 }, 'no priority'],
  ])('rejects %j before sending', async (request, message) => {
    const mark = world.mark();
    await expect(planSetRecord(world.core, { name: 'x.example.ru', ...request })).rejects.toThrow(message);
    expect(world.sentSince(mark)).toEqual([]);
  });

  it('lists the whole zone for the apex name', async () => {
    const listing = await listRecords(world.core, 'example.ru');
    expect(listing.scope).toBe('zone');
    expect(listing.records).toHaveLength(3);
  });

  it('lists one name, optionally of one type', async () => {
    const listing = await listRecords(world.core, 'www.example.ru', 'a');
    expect(listing.scope).toBe('name');
    expect(listing.records).toEqual([{ subname: 'www', type: 'A', content: '192.0.2.1' }]);
    expect((await listRecords(world.core, 'www.example.ru', 'TXT')).records).toEqual([]);
  });
});

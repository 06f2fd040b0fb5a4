import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/client/errors.js';
import { computePreview, prepareInput } from '../../../src/core/operations/preview/index.js';
import { startWorld, type World } from '../dns/world.js';

describe('computePreview against the sandbox', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({
      username: 'previewer',
      balance: 1000,
      prices: { ru: 200, srv_webfwd: 50 },
      domains: ['example.ru', 'пример.рф'],
      services: [{ servtype: 'srv_webfwd', dname: 'example.ru', service_id: 5005 }],
      bills: [
        { bill_id: 9001, payment: 120 },
        { bill_id: 9002, payment: 30 },
      ],
      zones: {
        'example.ru': [
          { subname: 'www', rectype: 'A', content: '192.0.2.1' },
          { subname: '@', rectype: 'MX', content: 'mx.example.ru', prio: 10 },
        ],
      },
    });
  });
  afterAll(async () => world.close());

  it('prices a domain order from domain/check and the balance', async () => {
    const preview = await computePreview(world.core, 'domain/create', { domain_name: 'new-name.ru', period: 1, nss: { ns0: 'ns1.reg.ru', ns1: 'ns2.reg.ru' }, contacts: { descr: 'x' } });
    expect(preview.price).toBe(200);
    expect(preview.balanceBefore).toBe(1000);
    expect(preview.balanceAfter).toBe(800);
    expect(preview.confirmWith).toBe('new-name.ru');
    const checks = world.sentSince(0).filter((call) => call.path === 'domain/check');
    expect(checks.at(-1)?.input).toMatchObject({ domains: [{ dname: 'new-name.ru' }] });
  });

  it('says so when REG.API quotes no price', async () => {
    // domain/check is for partners only and domain/get_prices has no transfer prices.
    const preview = await computePreview(world.core, 'domain/transfer', { domain_name: 'other.ru', authinfo: 'secret-code' });
    expect(preview.price).toBeUndefined();
    expect(preview.balanceAfter).toBeUndefined();
    expect(preview.warnings.join(' ')).toMatch(/price is unknown|no price/);
  });

  it('prices a service order from service/get_prices', async () => {
    const preview = await computePreview(world.core, 'service/create', { domain_name: 'example.ru', servtype: 'srv_webfwd', period: 2 });
    expect(preview.price).toBe(100);
    expect(preview.balanceAfter).toBe(900);
  });

  it('prices a domain renewal from domain/get_prices', async () => {
    const preview = await computePreview(world.core, 'service/renew', { domain_name: 'example.ru', period: 2 });
    expect(preview.price).toBe(400);
    expect(preview.balanceAfter).toBe(600);
  });

  it('reports an unknown service renewal price', async () => {
    const preview = await computePreview(world.core, 'service/renew', { service_id: 5005, period: 1 });
    expect(preview.price).toBeUndefined();
    expect(preview.warnings.join(' ')).toContain('no renewal price for srv_webfwd');
  });

  it('prices paying bills from the balance', async () => {
    const preview = await computePreview(world.core, 'bill/change_pay_type', { bills: [9001, 9002], pay_type: 'prepay', currency: 'RUR' });
    expect(preview.price).toBe(150);
    expect(preview.balanceAfter).toBe(850);
    expect(preview.confirmWith).toBe('9001');
  });

  it('lists DNS records added against the zone', async () => {
    const preview = await computePreview(world.core, 'zone/add_alias', { domains: [{ dname: 'example.ru' }], subdomain: 'api', ipaddr: '192.0.2.7' });
    expect(preview.dns).toEqual({ zone: 'example.ru', added: [{ subname: 'api', type: 'A', content: '192.0.2.7' }], removed: [], unchanged: [] });
    expect(preview.confirmWith).toBe('example.ru');
  });

  it('reports an add that already exists as unchanged', async () => {
    const preview = await computePreview(world.core, 'zone/add_alias', { domains: [{ dname: 'example.ru' }], subdomain: 'www', ipaddr: '192.0.2.1' });
    expect(preview.dns?.added).toEqual([]);
    expect(preview.dns?.unchanged).toEqual([{ subname: 'www', type: 'A', content: '192.0.2.1' }]);
    expect(preview.warnings.join(' ')).toContain('already exists');
  });

  it('lists every record zone/clear removes', async () => {
    const preview = await computePreview(world.core, 'zone/clear', { domains: [{ dname: 'example.ru' }] });
    expect(preview.dns?.removed).toHaveLength(2);
    expect(preview.dns?.removed).toContainEqual({ subname: '@', type: 'MX', content: 'mx.example.ru', priority: 10 });
  });

  it('follows update_records actions in order', async () => {
    const preview = await computePreview(world.core, 'zone/update_records', {
      domains: [{ dname: 'example.ru' }],
      action_list: [
        { action: 'remove_record', subdomain: 'www', record_type: 'A', content: '192.0.2.1' },
        { action: 'add_alias', subdomain: 'www', ipaddr: '192.0.2.2' },
      ],
    });
    expect(preview.dns?.removed).toEqual([{ subname: 'www', type: 'A', content: '192.0.2.1' }]);
    expect(preview.dns?.added).toEqual([{ subname: 'www', type: 'A', content: '192.0.2.2' }]);
  });

  it('names records in full across two zones', async () => {
    const preview = await computePreview(world.core, 'zone/update_records', {
      domains: [
        { dname: 'example.ru', action_list: [{ action: 'add_alias', subdomain: 'api', ipaddr: '192.0.2.5' }] },
        { dname: 'пример.рф', action_list: [{ action: 'add_txt', subdomain: '@', text: 'hi' }] },
      ],
    });
    expect(preview.dns?.zone).toBe('example.ru, xn--e1afmkfd.xn--p1ai');
    expect(preview.dns?.added).toEqual([
      { subname: 'api.example.ru', type: 'A', content: '192.0.2.5' },
      { subname: 'xn--e1afmkfd.xn--p1ai', type: 'TXT', content: 'hi' },
    ]);
  });

  it('leaves out the DNS block when REG.API picks the records', async () => {
    const preview = await computePreview(world.core, 'zone/tune_forwarding', { domains: [{ dname: 'example.ru' }] });
    expect(preview.dns).toBeUndefined();
    expect(preview.warnings.join(' ')).toContain('cannot be listed');
  });

  it('names the service a delete removes', async () => {
    const preview = await computePreview(world.core, 'service/delete', { service_id: 5005, servtype: 'srv_webfwd' });
    expect(preview.deletes).toEqual(['service 5005 (srv_webfwd for example.ru)']);
    expect(preview.confirmWith).toBe('5005');
  });

  it('asks for both forms of an IDN zone', async () => {
    const preview = await computePreview(world.core, 'zone/add_txt', { domains: [{ dname: 'ПРИМЕР.РФ' }], subdomain: '_acme-challenge', text: 'проверка связи' });
    expect(preview.confirmWith).toBe('пример.рф (xn--e1afmkfd.xn--p1ai)');
    expect(preview.dns?.added).toEqual([{ subname: '_acme-challenge', type: 'TXT', content: 'проверка связи' }]);
  });

  it('rejects read-only paths', async () => {
    await expect(computePreview(world.core, 'domain/check', { domain_name: 'a.ru' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('computePreview for a partner', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ username: 'partner', partner: true, balance: 300, prices: { ru: 200 }, domains: ['example.ru'] });
  });
  afterAll(async () => world.close());

  it('prices two years from domain/check plus one renewal', async () => {
    const preview = await computePreview(world.core, 'domain/create', { domain_name: 'two-years.ru', period: 2, nss: { ns0: 'ns1.reg.ru', ns1: 'ns2.reg.ru' }, contacts: { descr: 'x' } });
    expect(preview.price).toBe(400);
    expect(preview.balanceAfter).toBe(-100);
    expect(preview.warnings.join(' ')).toContain('does not cover');
    const checks = world.sentSince(0).filter((call) => call.path === 'domain/check');
    expect(checks).toHaveLength(1);
  });
});

describe('prepareInput', () => {
  let world: World;
  const id = '0123456789abcdef0123456789abcdef';

  beforeAll(async () => {
    world = await startWorld({ username: 'preparer', domains: ['example.ru'] });
  });
  afterAll(async () => world.close());

  it.each(['domain/create', 'domain/transfer', 'service/create'])('adds user_servid to %s', async (path) => {
    const prepared = await prepareInput(world.core, path, { domain_name: 'x.ru' }, id);
    expect(prepared.user_servid).toBe(id);
  });

  it('keeps a user_servid the caller chose', async () => {
    const prepared = await prepareInput(world.core, 'service/create', { domain_name: 'x.ru', user_servid: 'abc' }, id);
    expect(prepared.user_servid).toBe('abc');
  });

  it('adds no user_servid to renewals', async () => {
    const prepared = await prepareInput(world.core, 'service/renew', { service_id: 1, period: 1 }, id);
    expect(prepared.user_servid).toBeUndefined();
  });

  it('sends nothing', async () => {
    const mark = world.mark();
    await prepareInput(world.core, 'zone/add_txt', { domains: [{ dname: 'Example.RU.' }], subdomain: '', text: 't' }, id);
    expect(world.sentSince(mark)).toEqual([]);
  });

  it('gives the same input when called twice', async () => {
    const once = await prepareInput(world.core, 'zone/add_txt', { domains: [{ dname: 'Example.RU.' }], subdomain: 'example.ru', text: 't' }, id);
    const twice = await prepareInput(world.core, 'zone/add_txt', once, id);
    expect(twice).toEqual(once);
    expect(once).toEqual({ domains: [{ dname: 'example.ru' }], subdomain: '@', text: 't' });
  });
});

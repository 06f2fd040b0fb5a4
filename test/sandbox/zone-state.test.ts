import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { as, call, startSandbox, type Sandbox } from './helpers.js';

let sandbox: Sandbox;
const owner = as('owner', 'owner-pass');

beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [
      {
        username: 'owner',
        password: 'owner-pass',
        partner: true,
        domains: ['example.ru', 'пример.рф', { dname: 'elsewhere.ru', nss: ['ns1.example.net', 'ns2.example.net'] }],
        zones: {
          'example.ru': [
            { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenA' },
            { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenB' },
            { subname: '@', rectype: 'TXT', content: 'v=spf1 -all' },
          ],
        },
      },
    ],
  });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
});

async function records(dname: string): Promise<Array<{ subname: string; rectype: string; content: string; prio: unknown }>> {
  const envelope = await call(sandbox, 'zone/get_resource_records', { domains: [{ dname }] }, owner);
  return envelope.answer.domains[0].rrs;
}

describe('sandbox zone state', () => {
  it('appends a TXT record and lists it', async () => {
    const envelope = await call(sandbox, 'zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_dmarc', text: 'v=DMARC1; p=none' }, owner);
    expect(envelope.answer.domains[0]).toMatchObject({ dname: 'example.ru', result: 'success', servtype: 'domain' });
    expect(typeof envelope.answer.domains[0].service_id).toBe('string');
    expect(await records('example.ru')).toContainEqual({ subname: '_dmarc', rectype: 'TXT', content: 'v=DMARC1; p=none', prio: null, state: 'A' });
  });

  it('appends a duplicate as a second record', async () => {
    const input = { domain_name: 'example.ru', subdomain: 'www', ipaddr: '192.0.2.7' };
    await call(sandbox, 'zone/add_alias', input, owner);
    await call(sandbox, 'zone/add_alias', input, owner);
    const a = (await records('example.ru')).filter((record) => record.rectype === 'A');
    expect(a).toHaveLength(2);
  });

  it('removes one TXT value when content is given', async () => {
    await call(sandbox, 'zone/remove_record', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', record_type: 'TXT', content: 'tokenA' }, owner);
    const txt = (await records('example.ru')).filter((record) => record.rectype === 'TXT').map((record) => record.content);
    expect(txt).toEqual(['tokenB', 'v=spf1 -all']);
  });

  it('removes every value of the name and type without content', async () => {
    await call(sandbox, 'zone/remove_record', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', record_type: 'TXT' }, owner);
    const txt = (await records('example.ru')).filter((record) => record.rectype === 'TXT').map((record) => record.content);
    expect(txt).toEqual(['v=spf1 -all']);
  });

  it('fails an unknown domain on its own element', async () => {
    const envelope = await call(
      sandbox,
      'zone/add_txt',
      { domains: [{ dname: 'missing.ru' }, { dname: 'example.ru' }], subdomain: '@', text: 'x' },
      owner,
    );
    expect(envelope.result).toBe('success');
    expect(envelope.answer.domains[0]).toMatchObject({ dname: 'missing.ru', result: 'error', error_code: 'DOMAIN_NOT_FOUND' });
    expect(envelope.answer.domains[0].error_text).toContain('missing.ru');
    expect(envelope.answer.domains[1].result).toBe('success');
  });

  it('refuses zones off REG.RU name servers', async () => {
    const envelope = await call(sandbox, 'zone/add_txt', { dname: 'elsewhere.ru', subdomain: '@', text: 'x' }, owner);
    expect(envelope.answer.domains[0].error_code).toBe('DOMAIN_IS_NOT_USE_REGRU_NSS');
  });

  it('accepts punycode and Unicode for one zone and answers in Unicode', async () => {
    const byPunycode = await call(sandbox, 'zone/add_txt', { dname: 'xn--e1afmkfd.xn--p1ai', subdomain: '@', text: 'проверка связи' }, owner);
    const byUnicode = await call(sandbox, 'zone/add_txt', { dname: 'ПРИМЕР.РФ.', subdomain: '@', text: 'второй' }, owner);
    expect(byPunycode.answer.domains[0].dname).toBe('пример.рф');
    expect(byUnicode.answer.domains[0].dname).toBe('пример.рф');
    expect((await records('пример.рф')).map((record) => record.content)).toEqual(['проверка связи', 'второй']);
  });

  it('rejects a bad address per domain', async () => {
    const envelope = await call(sandbox, 'zone/add_alias', { dname: 'example.ru', subdomain: 'www', ipaddr: '300.1.1.1' }, owner);
    expect(envelope.answer.domains[0].error_code).toBe('IP_INVALID');
  });

  it('rejects a bad subdomain per domain', async () => {
    const envelope = await call(sandbox, 'zone/add_txt', { dname: 'example.ru', subdomain: 'a b', text: 'x' }, owner);
    expect(envelope.answer.domains[0].error_code).toBe('SUBD_INVALID');
  });

  it('stores MX priority as a number', async () => {
    await call(sandbox, 'zone/add_mx', { dname: 'example.ru', mail_server: 'mx.example.ru', priority: 10 }, owner);
    expect(await records('example.ru')).toContainEqual({ subname: '@', rectype: 'MX', content: 'mx.example.ru', prio: 10, state: 'A' });
  });

  it('applies update_records actions in order and stops at the first failure', async () => {
    const envelope = await call(
      sandbox,
      'zone/update_records',
      {
        domains: [{ dname: 'example.ru' }],
        action_list: [
          { action: 'add_alias', subdomain: 'api', ipaddr: '192.0.2.8' },
          { action: 'remove_record', subdomain: '@', record_type: 'TXT', content: 'v=spf1 -all' },
          { action: 'add_cname', subdomain: 'bad', canonical_name: 'not a host' },
          { action: 'add_alias', subdomain: 'never', ipaddr: '192.0.2.9' },
        ],
      },
      owner,
    );
    const item = envelope.answer.domains[0];
    expect(item.result).toBe('error');
    expect(item.error_code).toBe('CNAME_INVALID');
    expect(item.action_list.map((action: { result: string }) => action.result)).toEqual(['success', 'success', 'error']);
    const names = (await records('example.ru')).map((record) => `${record.subname}/${record.rectype}/${record.content}`);
    expect(names).toContain('api/A/192.0.2.8');
    expect(names).not.toContain('@/TXT/v=spf1 -all');
    expect(names.some((name) => name.startsWith('never/'))).toBe(false);
  });

  it('rejects an unknown update action', async () => {
    const envelope = await call(sandbox, 'zone/update_records', { dname: 'example.ru', action_list: [{ action: 'add_everything' }] }, owner);
    expect(envelope.answer.domains[0].error_code).toBe('INVALID_ACTION');
  });

  it('clears a zone', async () => {
    await call(sandbox, 'zone/clear', { dname: 'example.ru' }, owner);
    expect(await records('example.ru')).toEqual([]);
  });

  it('sets the SOA values', async () => {
    await call(sandbox, 'zone/update_soa', { dname: 'example.ru', ttl: '6h', minimum_ttl: '1h' }, owner);
    const envelope = await call(sandbox, 'zone/get_resource_records', { dname: 'example.ru' }, owner);
    expect(envelope.answer.domains[0].soa).toEqual({ ttl: '6h', minimum_ttl: '1h' });
  });

  it('turns DNSSEC on for REG.RU-hosted zones only', async () => {
    const enabled = await call(sandbox, 'dnssec/enable', { domains: [{ dname: 'example.ru' }, { dname: 'elsewhere.ru' }] }, owner);
    expect(enabled.answer.domains[0]).toMatchObject({ result: 'success', status: 'enabled' });
    expect(enabled.answer.domains[1].error_code).toBe('DOMAIN_IS_NOT_USE_REGRU_NSS');
    const status = await call(sandbox, 'dnssec/get_status', { dname: 'example.ru' }, owner);
    expect(status.answer.domains[0].status).toBe('enabled');
    const records = await call(sandbox, 'dnssec/get_records', { dname: 'example.ru' }, owner);
    expect(records.answer.domains[0].records[0]).toMatch(/^example\.ru\. 3600 IN DS /);
  });

  it('takes outside DNSSEC keys for external zones only', async () => {
    const key = 'elsewhere.ru. 3600 IN DS 2371 13 2 1F987CC6583E92DF0890718C42';
    const external = await call(sandbox, 'dnssec/add_keys', { domains: [{ dname: 'elsewhere.ru', records: [key] }] }, owner);
    expect(external.answer.domains[0]).toMatchObject({ result: 'success', status: 'enabled' });
    const hosted = await call(sandbox, 'dnssec/add_keys', { domains: [{ dname: 'example.ru', records: [key] }] }, owner);
    expect(hosted.answer.domains[0].error_code).toBe('DOMAIN_USES_REGRU_NSS');
    const broken = await call(sandbox, 'dnssec/add_keys', { domains: [{ dname: 'elsewhere.ru', records: ['not a key'] }] }, owner);
    expect(broken.answer.domains[0].error_code).toBe('INVALID_RECORDS');
  });

  it('keeps the state per sandbox account', () => {
    const zone = sandbox.state('owner')?.zones.get('example.ru');
    expect(zone?.records).toHaveLength(3);
    expect(sandbox.state('test')).toBeUndefined();
  });
});

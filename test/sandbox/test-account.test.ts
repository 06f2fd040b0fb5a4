import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startSandbox, type Sandbox } from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox test account', () => {
  it('returns the documented balance', async () => {
    expect((await call(sandbox, 'user/get_balance')).answer).toEqual({ currency: 'RUR', prepay: 1000 });
    expect((await call(sandbox, 'user/get_balance', { currency: 'UAH' })).answer.currency).toBe('UAH');
  });

  it('answers user/nop without answer', async () => {
    const envelope = await call(sandbox, 'user/nop');
    expect(envelope.result).toBe('success');
    expect(envelope).not.toHaveProperty('answer');
  });

  it('answers service/nop per element', async () => {
    const envelope = await call(sandbox, 'service/nop', {
      services: [{ dname: 'test.ru' }, { service_id: 111111 }, { service_id: '22bug22' }, { surprise: 'surprise.ru' }],
    });
    const services = envelope.answer.services;
    expect(envelope.result).toBe('success');
    expect(services[0]).toMatchObject({ dname: 'test.ru', result: 'success', servtype: 'domain' });
    expect(services[1]).toMatchObject({ result: 'success', service_id: 111111 });
    expect(services[2]).toMatchObject({ service_id: '22bug22', result: 'error', error_code: 'INVALID_SERVICE_ID' });
    expect(services[3]).toMatchObject({ surprise: 'surprise.ru', result: 'error', error_code: 'NO_DOMAIN' });
  });

  it('checks domains without asking the registry', async () => {
    const envelope = await call(sandbox, 'domain/check', {
      domains: [{ dname: 'ya.ru' }, { dname: 'wwww.bogus' }, { dname: 'xn--000.com' }, { dname: 'pаypal.com' }, { dname: 'Пример.РФ' }],
    });
    const codes = envelope.answer.domains.map((item: { error_code?: string; result: string }) => item.error_code ?? item.result);
    expect(codes).toEqual(['Available', 'INVALID_DOMAIN_NAME_FORMAT', 'INVALID_DOMAIN_NAME_PUNYCODE', 'HAVE_MIXED_CODETABLES', 'Available']);
    expect(envelope.answer.domains[4].dname).toBe('пример.рф');
  });

  it('orders a service with the documented answer', async () => {
    const envelope = await call(sandbox, 'service/create', { domain_name: 'qqq.ru', servtype: 'srv_hosting_ispmgr' });
    expect(envelope.answer).toMatchObject({ bill_id: 1234, payment: 100, service_id: 987654 });
    expect(envelope.answer.descr).toMatch(/srv_hosting_ispmgr.+ordered/);
  });

  it('changes nothing on writes', async () => {
    await call(sandbox, 'zone/add_txt', { domains: [{ dname: 'test.ru' }], subdomain: '@', text: 'v=spf1 -all' });
    const records = await call(sandbox, 'zone/get_resource_records', { domains: [{ dname: 'test.ru' }] });
    expect(records.answer.domains[0].rrs).toEqual([{ subname: 'www', rectype: 'A', content: '111.222.111.222', prio: '0', state: 'A' }]);
  });

  it('answers zone calls per domain with string service ids', async () => {
    const envelope = await call(sandbox, 'zone/nop', { domains: [{ dname: 'test.ru' }, { dname: 'test.com' }] });
    expect(envelope.answer.domains).toEqual([
      { dname: 'test.ru', result: 'success', service_id: '12345', servtype: 'domain' },
      { dname: 'test.com', result: 'success', service_id: '12346', servtype: 'domain' },
    ]);
  });

  it('fails bad zone items on their own', async () => {
    const envelope = await call(sandbox, 'zone/add_txt', { domains: [{ service_id: 'abc' }, {}], subdomain: '@', text: 'x' });
    expect(envelope.result).toBe('success');
    expect(envelope.answer.domains[0]).toMatchObject({ service_id: 'abc', result: 'error', error_code: 'INVALID_SERVICE_ID' });
    expect(envelope.answer.domains[1]).toMatchObject({ result: 'error', error_code: 'NO_DOMAIN' });
  });

  it('names a missing required parameter', async () => {
    const envelope = await call(sandbox, 'zone/add_txt', { domains: [{ dname: 'test.ru' }], subdomain: '@' });
    expect(envelope.error_code).toBe('PARAMETER_MISSING');
    expect(envelope.error_params).toEqual({ param: 'text' });
  });

  it('answers service/get_servtype_details with a list', async () => {
    const envelope = await call(sandbox, 'service/get_servtype_details', { servtype: 'srv_webfwd' });
    expect(Array.isArray(envelope.answer)).toBe(true);
    expect(envelope.answer[0]).toHaveProperty('commonname');
  });

  it('returns the folder placeholder', async () => {
    expect((await call(sandbox, 'folder/nop')).answer).toEqual({ id: '-1', name: 'test_folder_name' });
  });

  it('returns the unpaid example bill', async () => {
    const bills = (await call(sandbox, 'bill/get_not_payed')).answer.bills;
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({ bill_id: '12345', pay_status: 'notpayed' });
  });

  it('rejects a transfer without domains', async () => {
    expect((await call(sandbox, 'domain/transfer', { authinfo: 'abcdefgh' })).error_code).toBe('DOMAINS_NOT_FOUND');
  });

  it('rejects lists over 1000 objects', async () => {
    const domains = Array.from({ length: 1001 }, (_, index) => ({ dname: `d${index}.ru` }));
    const envelope = await call(sandbox, 'domain/check', { domains });
    expect(envelope.error_code).toBe('TOO_MANY_OBJECTS_IN_ONE_REQUEST');
    expect(envelope.error_params).toEqual({ max_objects: 1000 });
  });
});

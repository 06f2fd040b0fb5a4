import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { as, call, startSandbox, type Sandbox } from './helpers.js';

let sandbox: Sandbox;
const reseller = as('reseller', 'reseller-pass');
const client = as('client', 'client-pass');
const contacts = { contacts: { e_mail: 'owner@example.ru', person: 'Ivan Ivanov', country: 'RU' }, enduser_ip: '192.0.2.1' };

beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [
      { username: 'reseller', password: 'reseller-pass', partner: true, balance: 1000, domains: ['taken.ru'], prices: { ru: 200 } },
      { username: 'client', password: 'client-pass', balance: 50, domains: ['client.ru'], folders: [{ folder_name: 'main' }] },
    ],
  });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
});

describe('sandbox orders', () => {
  it('registers a domain and spends the balance', async () => {
    const envelope = await call(sandbox, 'domain/create', { domain_name: 'new-site.ru', period: 2, ...contacts }, reseller);
    expect(envelope.result).toBe('success');
    expect(envelope.answer).toMatchObject({ payment: 400, pay_type: 'prepay' });
    expect(envelope.answer.domains).toEqual([{ dname: 'new-site.ru', result: 'success', service_id: envelope.answer.service_id }]);
    expect((await call(sandbox, 'user/get_balance', {}, reseller)).answer.prepay).toBe(600);
    const listed = (await call(sandbox, 'service/get_list', { servtype: 'domain' }, reseller)).answer.services;
    expect(listed.map((service: { dname: string }) => service.dname)).toEqual(['taken.ru', 'new-site.ru']);
  });

  it('requires enduser_ip from a partner', async () => {
    const envelope = await call(sandbox, 'domain/create', { domain_name: 'new-site.ru', contacts: contacts.contacts }, reseller);
    expect(envelope.error_code).toBe('PARAMETER_MISSING');
    expect(envelope.error_params).toEqual({ param: 'enduser_ip' });
  });

  it('reports a taken domain in the legacy shape', async () => {
    const envelope = await call(sandbox, 'domain/create', { domains: [{ dname: 'taken.ru' }, { dname: 'free.ru' }], ...contacts }, reseller);
    expect(envelope.answer.domains[0]).toEqual({
      dname: 'taken.ru',
      error_code: 'DOMAIN_ALREADY_EXISTS',
      result: 'Domain already exists, use whois service',
    });
    expect(envelope.answer.domains[1].result).toBe('success');
    expect(envelope.answer.payment).toBe(200);
  });

  it('reports an unpaid domain order as already ordered', async () => {
    const poor = as('client', 'client-pass');
    const order = { domain_name: 'pending.ru', ok_if_no_money: 1, contacts: contacts.contacts };
    const first = await call(sandbox, 'domain/create', order, poor);
    expect(first.answer.domains[0].result).toBe('success');
    expect(sandbox.state('client')?.services.at(-1)?.state).toBe('N');
    const second = await call(sandbox, 'domain/create', order, poor);
    expect(second.answer.domains[0].error_code).toBe('DOMAIN_ALREADY_ORDERED');
  });

  it('transfers a domain in with authinfo', async () => {
    sandbox.state('reseller')!.balance = 5000;
    const envelope = await call(
      sandbox,
      'domain/transfer',
      { domains: [{ dname: 'moved.com', authinfo: 'Abcdef12345' }, { dname: 'noauth.com' }, { dname: 'moved.ru' }], period: 0, user_servid: 'c0ffee', enduser_ip: '192.0.2.1' },
      reseller,
    );
    const results = envelope.answer.domains.map((item: { error_code?: string; result: string }) => item.error_code ?? item.result);
    expect(results).toEqual(['success', 'AUTHINFO_NOT_FOUND', 'success']);
    expect(envelope.answer.payment).toBe(1400);
    const moved = sandbox.state('reseller')?.services.find((service) => service.dname === 'moved.com');
    expect(moved?.state).toBe('A');
  });

  it('checks availability against every account', async () => {
    const envelope = await call(sandbox, 'domain/check', { domains: [{ dname: 'client.ru' }, { dname: 'free.ru' }] }, reseller);
    expect(envelope.answer.domains[0].error_code).toBe('DOMAIN_ALREADY_EXISTS');
    expect(envelope.answer.domains[1]).toMatchObject({ dname: 'free.ru', result: 'Available', price: 200 });
  });

  it('refuses a reused user_servid and keeps one service', async () => {
    const order = { domain_name: 'site.ru', servtype: 'srv_hosting_ispmgr', user_servid: 'a1b2c3' };
    const first = await call(sandbox, 'service/create', order, reseller);
    const second = await call(sandbox, 'service/create', { ...order, domain_name: 'other.ru' }, reseller);
    expect(first.result).toBe('success');
    expect(second.error_code).toBe('USER_SERVID_IS_NOT_UNIQUE');
    const services = sandbox.state('reseller')?.services.filter((service) => service.user_servid === 'a1b2c3');
    expect(services).toHaveLength(1);
    expect(sandbox.state('reseller')?.balance).toBe(900);
  });

  it('finds an order by user_servid', async () => {
    const created = await call(sandbox, 'service/create', { domain_name: 'site.ru', servtype: 'srv_webfwd', user_servid: 'feed' }, reseller);
    const info = await call(sandbox, 'service/get_info', { user_servid: 'feed' }, reseller);
    expect(info.answer.services[0]).toMatchObject({
      service_id: created.answer.service_id,
      dname: 'site.ru',
      servtype: 'srv_webfwd',
      state: 'A',
      user_servid: 'feed',
    });
    const missing = await call(sandbox, 'service/get_info', { user_servid: 'beef' }, reseller);
    expect(missing.answer.services[0]).toMatchObject({ result: 'error', error_code: 'SERVICE_NOT_FOUND' });
  });

  it('rejects a malformed user_servid', async () => {
    const envelope = await call(sandbox, 'service/create', { domain_name: 'site.ru', servtype: 'srv_webfwd', user_servid: 'XYZ' }, reseller);
    expect(envelope.error_code).toBe('BAD_USER_SERVID');
  });

  it('fails an uncovered order with NOT_ENOUGH_MONEY and changes nothing', async () => {
    const before = sandbox.state('client')?.services.length;
    const envelope = await call(sandbox, 'service/create', { domain_name: 'client.ru', servtype: 'srv_webfwd' }, client);
    expect(envelope.error_code).toBe('NOT_ENOUGH_MONEY');
    expect(sandbox.state('client')?.services.length).toBe(before);
    expect(sandbox.state('client')?.balance).toBe(50);
  });

  it('creates an unpaid bill with ok_if_no_money and pays it later', async () => {
    const order = await call(sandbox, 'service/create', { domain_name: 'client.ru', servtype: 'srv_webfwd', ok_if_no_money: 1 }, client);
    expect(order.result).toBe('success');
    const unpaid = (await call(sandbox, 'bill/get_not_payed', {}, client)).answer.bills;
    expect(unpaid).toHaveLength(1);
    expect(unpaid[0]).toMatchObject({ bill_id: order.answer.bill_id, payment: 120, pay_status: 'notpayed' });
    expect(sandbox.state('client')?.services.at(-1)?.state).toBe('N');

    const again = await call(sandbox, 'service/create', { domain_name: 'client.ru', servtype: 'srv_webfwd', ok_if_no_money: 1 }, client);
    expect(again.error_code).toBe('DOUBLE_ORDER');

    const short = await call(sandbox, 'bill/change_pay_type', { bills: [order.answer.bill_id], pay_type: 'prepay', currency: 'RUR' }, client);
    expect(short.answer.bills[0].error_code).toBe('NOT_ENOUGH_MONEY');
    sandbox.state('client')!.balance = 500;
    const paid = await call(sandbox, 'bill/change_pay_type', { bills: [order.answer.bill_id], pay_type: 'prepay', currency: 'RUR' }, client);
    expect(paid.answer.bills[0]).toMatchObject({ result: 'success', pay_status: 'payed' });
    expect(sandbox.state('client')?.balance).toBe(380);
    expect(sandbox.state('client')?.services.at(-1)?.state).toBe('A');
  });

  it('renews a domain and moves its expiration date', async () => {
    const before = sandbox.state('reseller')?.services[0]?.expiration_date ?? '';
    const envelope = await call(sandbox, 'service/renew', { domain_name: 'taken.ru', period: 1 }, reseller);
    expect(envelope.answer).toMatchObject({ status: 'renew_success', payment: 200, period: 1 });
    const after = envelope.answer.services[0].expiration_date as string;
    expect(Number(after.slice(0, 4)) - Number(before.slice(0, 4))).toBe(1);
  });

  it('deletes an unpaid bill with its order', async () => {
    const order = await call(sandbox, 'service/create', { domain_name: 'client.ru', servtype: 'srv_webfwd', ok_if_no_money: 1 }, client);
    const deleted = await call(sandbox, 'bill/delete', { bills: [{ bill_id: order.answer.bill_id }, { bill_id: 1 }] }, client);
    expect(deleted.answer.bills[0]).toMatchObject({ result: 'success', status: 'deleted' });
    expect(deleted.answer.bills[1]).toMatchObject({ result: 'error', error_code: 'BILL_ID_NOT_FOUND' });
    expect(sandbox.state('client')?.services.at(-1)?.state).toBe('D');
  });

  it('answers per service with INVALID_SERVICE_ID', async () => {
    const envelope = await call(sandbox, 'service/get_info', { services: [{ service_id: '22bug22' }, { dname: 'client.ru' }] }, client);
    expect(envelope.answer.services[0]).toMatchObject({ service_id: '22bug22', error_code: 'INVALID_SERVICE_ID' });
    expect(envelope.answer.services[1]).toMatchObject({ dname: 'client.ru', result: 'success' });
  });

  it('reports services as writable', async () => {
    const envelope = await call(sandbox, 'service/check_readonly', { services: [{ dname: 'client.ru' }] }, client);
    expect(envelope.answer.services[0]).toMatchObject({ dname: 'client.ru', result: 'success', is_readonly: 0 });
  });

  it('sets the private person flag', async () => {
    const envelope = await call(sandbox, 'domain/update_private_person_flag', { dname: 'client.ru', private_person_flag: 1 }, client);
    expect(envelope.answer.pp_flag).toBe('is set');
    expect(envelope.answer.domains[0].result).toBe('success');
    expect(sandbox.state('client')?.services[0]?.privatePerson).toBe(true);
  });

  it('files services into folders', async () => {
    const added = await call(sandbox, 'folder/add_services', { folder_name: 'main', services: [{ dname: 'client.ru' }], return_folder_contents: 1 }, client);
    expect(added.answer.folder_content).toEqual([{ service_id: expect.any(String), servtype: 'domain', domain_name: 'client.ru' }]);
    const folders = await call(sandbox, 'service/get_folders', { domain_name: 'client.ru' }, client);
    expect(folders.answer.folders.map((folder: { folder_name: string }) => folder.folder_name)).toEqual(['main']);
    expect((await call(sandbox, 'folder/create', { folder_name: 'main' }, client)).error_code).toBe('FOLDER_ALREADY_EXISTS');
  });
});

import { describe, expect, it } from 'vitest';
import { findOperation } from '../../../src/core/catalogue/index.js';
import { validateInput } from '../../../src/core/call/validate.js';
import { ValidationError, type ValidationIssue } from '../../../src/core/client/errors.js';

/** Validates `input` as the core does before sending and returns the issues (empty when valid). */
function issuesOf(path: string, input: unknown): ValidationIssue[] {
  try {
    validateInput(findOperation(path)!, input);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
}

function parse(path: string, input: unknown): Record<string, unknown> {
  return findOperation(path)!.input.parse(input) as Record<string, unknown>;
}

const RUBY_GEM_SERVICES = [
  { dname: 'test.ru' },
  { dname: 'test.su', servtype: 'srv_hosting_ispmgr' },
  { service_id: 111111 },
  { service_id: '22bug22' },
];

describe('service/nop input', () => {
  it('accepts the Ruby gem example', () => {
    expect(issuesOf('service/nop', { services: RUBY_GEM_SERVICES })).toEqual([]);
  });

  it('rejects unknown key with position', () => {
    const issues = issuesOf('service/nop', { services: [...RUBY_GEM_SERVICES, { surprise: 'surprise.ru' }] });
    expect(issues.map((issue) => issue.path)).toContain('services.4.surprise');
    expect(issues.find((issue) => issue.path === 'services.4.surprise')?.message).toMatch(/unknown key "surprise"/);
  });

  it('accepts no arguments', () => {
    expect(issuesOf('service/nop', {})).toEqual([]);
  });
});

describe('zone/add_txt input', () => {
  const valid = { domain_name: 'example.ru', subdomain: '_acme-challenge', text: 'abc123' };

  it('accepts a domain, subdomain and text', () => {
    expect(issuesOf('zone/add_txt', valid)).toEqual([]);
  });

  it.each([['dname'], ['domain_name']])('accepts the domain as %s', (key) => {
    expect(issuesOf('zone/add_txt', { [key]: 'example.ru', subdomain: '@', text: 'x' })).toEqual([]);
  });

  it('accepts service id or domains', () => {
    expect(issuesOf('zone/add_txt', { service_id: 12345, subdomain: '@', text: 'x' })).toEqual([]);
    expect(
      issuesOf('zone/add_txt', { domains: [{ dname: 'a.ru' }, { dname: 'b.ru' }], subdomain: '@', text: 'x' }),
    ).toEqual([]);
  });

  it.each([['пример.рф'], ['xn--e1afmkfd.xn--p1ai'], ['EXAMPLE.RU.']])('accepts the domain form %s', (name) => {
    expect(issuesOf('zone/add_txt', { domain_name: name, subdomain: '@', text: 'x' })).toEqual([]);
  });

  it('rejects a numeric text naming text', () => {
    const issues = issuesOf('zone/add_txt', { ...valid, text: 123 });
    expect(issues.map((issue) => issue.path)).toEqual(['text']);
  });

  it('rejects a missing subdomain and text', () => {
    const paths = issuesOf('zone/add_txt', { domain_name: 'example.ru' }).map((issue) => issue.path);
    expect(paths).toEqual(['subdomain', 'text']);
  });

  it('rejects a missing domain', () => {
    const issues = issuesOf('zone/add_txt', { subdomain: '@', text: 'x' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/No domain named/);
  });

  it('rejects an empty domains list', () => {
    expect(issuesOf('zone/add_txt', { domains: [], subdomain: '@', text: 'x' }).map((issue) => issue.path)).toContain(
      'domains',
    );
  });

  it('rejects an empty domains item', () => {
    const issues = issuesOf('zone/add_txt', { domains: [{ dname: 'a.ru' }, {}], subdomain: '@', text: 'x' });
    expect(issues.map((issue) => issue.path)).toEqual(['domains.1']);
  });

  it('rejects a misspelt field', () => {
    const issues = issuesOf('zone/add_txt', { ...valid, txt: 'abc' });
    expect(issues.map((issue) => issue.path)).toEqual(['txt']);
  });

  it('rejects a label over 63 characters', () => {
    const issues = issuesOf('zone/add_txt', { ...valid, subdomain: `${'a'.repeat(64)}.www` });
    expect(issues.map((issue) => issue.path)).toEqual(['subdomain']);
  });
});

describe('shared input pieces', () => {
  it.each([
    [true, 1],
    [false, 0],
    [1, 1],
    [0, 0],
    ['1', 1],
    ['0', 0],
  ])('reads the flag %j as %j', (given, sent) => {
    expect(parse('domain/update_private_person_flag', { dname: 'a.ru', private_person_flag: given }).private_person_flag).toBe(sent);
  });

  it('rejects a flag other than 0/1', () => {
    const issues = issuesOf('domain/update_private_person_flag', { dname: 'a.ru', private_person_flag: 'yes' });
    expect(issues).toEqual([{ path: 'private_person_flag', message: expect.stringMatching(/0 or 1/) }]);
  });

  it.each([['0123456789abcdef0123456789abcdef'], ['a1']])('accepts user_servid %s', (value) => {
    expect(issuesOf('service/get_info', { user_servid: value })).toEqual([]);
  });

  it.each([['0123456789abcdef0123456789abcdef0'], ['xyz'], ['ABC'], ['']])('rejects user_servid %j', (value) => {
    expect(issuesOf('service/get_info', { user_servid: value }).map((issue) => issue.path)).toEqual(['user_servid']);
  });

  it.each([['2026-01-31'], ['2024-02-29']])('accepts the date %s', (date) => {
    expect(issuesOf('bill/get_for_period', { start_date: date, end_date: date })).toEqual([]);
  });

  it.each([['2026-1-31'], ['31.01.2026'], ['2026-02-30'], ['2025-02-29']])('rejects the date %s', (date) => {
    const paths = issuesOf('bill/get_for_period', { start_date: date, end_date: '2026-01-01' }).map((issue) => issue.path);
    expect(paths).toEqual(['start_date']);
  });

  it.each([[1], ['1'], ['12'], [99]])('accepts record_number %j', (value) => {
    expect(issuesOf('zone/add_ns', { dname: 'a.ru', subdomain: 'sub', dns_server: 'ns1.b.ru', record_number: value })).toEqual([]);
  });

  it.each([['123'], ['1a'], [100], [-1]])('rejects record_number %j', (value) => {
    const issues = issuesOf('zone/add_ns', { dname: 'a.ru', subdomain: 'sub', dns_server: 'ns1.b.ru', record_number: value });
    expect(issues).toEqual([{ path: 'record_number', message: expect.stringMatching(/one or two digits/) }]);
  });

  it('checks currency codes', () => {
    expect(issuesOf('user/get_balance', { currency: 'usd' })).toEqual([]);
    expect(issuesOf('user/get_balance', { currency: 'RUR' })).toEqual([]);
    expect(issuesOf('user/get_balance', { currency: 'GBP' }).map((issue) => issue.path)).toEqual(['currency']);
  });

  it('accepts bills as ids or objects', () => {
    expect(issuesOf('bill/delete', { bills: [{ bill_id: 12345 }, 12346, '12347'] })).toEqual([]);
    expect(issuesOf('bill/delete', {}).map((issue) => issue.message)).toEqual([expect.stringMatching(/No bill named/)]);
  });
});

describe('method-specific inputs', () => {
  it('rejects periods that buy nothing', () => {
    expect(issuesOf('service/renew', { service_id: 4001, period: 1 })).toEqual([]);
    expect(issuesOf('service/renew', { service_id: 4001, period: 0 }).map((issue) => issue.path)).toEqual(['period']);
    expect(issuesOf('service/renew', { service_id: 4001, period: '0' }).map((issue) => issue.path)).toEqual(['period']);
    expect(issuesOf('service/create', { servtype: 'srv_hosting_ispmgr', domain_name: 'a.ru', period: 0 }).map((issue) => issue.path)).toEqual(['period']);
  });

  it('limits domain registrations to 10 years', () => {
    const order = { domain_name: 'a.ru', profile_type: 'RU.PP', profile_name: 'main', nss: { ns0: 'ns1.reg.ru', ns1: 'ns2.reg.ru' } };
    expect(issuesOf('domain/create', { ...order, period: 10 })).toEqual([]);
    const tooLong = issuesOf('domain/create', { ...order, period: 99 });
    expect(tooLong.map((issue) => issue.path)).toEqual(['period']);
    expect(tooLong[0].message).toMatch(/1 to 10 years/);
    expect(issuesOf('domain/transfer', { domain_name: 'a.ru', period: 0 })).toEqual([]);
  });

  it('checks A and AAAA addresses', () => {
    expect(issuesOf('zone/add_alias', { dname: 'a.ru', subdomain: 'www', ipaddr: '192.0.2.10' })).toEqual([]);
    expect(issuesOf('zone/add_alias', { dname: 'a.ru', subdomain: 'www', ipaddr: '2001:db8::1' }).map((issue) => issue.path)).toEqual([
      'ipaddr',
    ]);
    expect(issuesOf('zone/add_aaaa', { dname: 'a.ru', subdomain: 'www', ipaddr: '2001:db8::1' })).toEqual([]);
  });

  it('checks zone/update_records actions', () => {
    const actions = [
      { action: 'add_alias', subdomain: 'www', ipaddr: '11.22.33.44' },
      { action: 'add_cname', subdomain: '@', canonical_name: 'www.test.ru' },
      { action: 'remove_record', subdomain: '_acme-challenge', record_type: 'TXT', content: 'tokenA' },
    ];
    expect(issuesOf('zone/update_records', { domains: [{ dname: 'test.ru' }], action_list: actions })).toEqual([]);
    expect(issuesOf('zone/update_records', { domains: [{ dname: 'test.ru', action_list: actions }] })).toEqual([]);

    const unknownAction = issuesOf('zone/update_records', { dname: 'test.ru', action_list: [{ action: 'add_bogus' }] });
    expect(unknownAction.map((issue) => issue.path)).toEqual(['action_list.0.action']);

    const extraField = issuesOf('zone/update_records', {
      dname: 'test.ru',
      action_list: [{ action: 'add_txt', subdomain: '@', text: 'x', ttl: 300 }],
    });
    expect(extraField.map((issue) => issue.path)).toEqual(['action_list.0.ttl']);

    const noActions = issuesOf('zone/update_records', { dname: 'test.ru' });
    expect(noActions.map((issue) => issue.path)).toEqual(['action_list']);
  });

  it('takes DNSSEC keys per domain', () => {
    const records = ['example.ru. 3600 IN DS 2371 13 2 ABCDEF'];
    expect(issuesOf('dnssec/add_keys', { domains: [{ dname: 'example.ru', records }] })).toEqual([]);
    expect(issuesOf('dnssec/add_keys', { dname: 'example.ru', records }).map((issue) => issue.path)).toEqual(['records']);
  });

  it('requires contacts and nss for domain/create', () => {
    const paths = issuesOf('domain/create', { domain_name: 'example.ru' }).map((issue) => issue.path);
    expect(paths).toEqual(['contacts', 'nss']);
    const order = {
      domain_name: 'example.ru',
      contacts: { person: 'Ivan Ivanov', p_addr_city: 'Moscow', x_custom_field: 'kept' },
      nss: { ns0: 'ns1.reg.ru', ns1: 'ns2.reg.ru' },
      user_servid: 'abc123',
      period: 1,
    };
    expect(issuesOf('domain/create', order)).toEqual([]);
    expect(issuesOf('domain/create', { domain_name: 'example.ru', profile_type: 'RU.PP', profile_name: 'me', not_delegated: 1 })).toEqual(
      [],
    );
  });

  it('requires name servers for domain/update_nss', () => {
    expect(issuesOf('domain/update_nss', { dname: 'a.ru' }).map((issue) => issue.path)).toEqual(['nss']);
    expect(issuesOf('domain/update_nss', { dname: 'a.ru', ns0: 'ns1.reg.ru', ns1: 'ns2.reg.ru' })).toEqual([]);
    expect(issuesOf('domain/update_nss', { dname: 'a.ru', undelegate: true })).toEqual([]);
  });

  it('types unnamed contact fields as strings', () => {
    const issues = issuesOf('domain/update_contacts', { dname: 'a.ru', contacts: { o_company: 'X', x_number: 5 } });
    expect(issues.map((issue) => issue.path)).toEqual(['contacts.x_number']);
  });

  it('takes service/create options as strings', () => {
    const order = { servtype: 'srv_hosting_ispmgr', domain_name: 'qqq.ru', subtype: 'Host-0-0420', contype: 'hosting_pp', some_option: 'on' };
    expect(issuesOf('service/create', order)).toEqual([]);
    expect(issuesOf('service/create', { ...order, some_option: { nested: true } }).map((issue) => issue.path)).toEqual([
      'some_option',
    ]);
    expect(issuesOf('service/create', { servtype: 'srv_hosting_ispmgr' }).map((issue) => issue.path)).toEqual(['domain_name']);
    expect(issuesOf('service/create', { servtype: 'srv_license_isp', uplink_service_id: 5, subtype: 'lite5' })).toEqual([]);
  });

  it('requires servtype and subtype with uplink_service_id', () => {
    const issues = issuesOf('service/get_info', { uplink_service_id: 123, servtype: 'srv_license_isp' });
    expect(issues.map((issue) => issue.path)).toEqual(['subtype']);
  });

  it('requires servtype for service/delete', () => {
    expect(issuesOf('service/delete', { service_id: 1 }).map((issue) => issue.path)).toEqual(['servtype']);
    expect(issuesOf('service/delete', { service_id: 1, servtype: 'srv_webfwd' })).toEqual([]);
  });

  it('renews by services or domains lists', () => {
    expect(issuesOf('service/renew', { domains: [{ dname: 'a.ru' }], period: 1 })).toEqual([]);
    expect(issuesOf('service/renew', { services: [{ service_id: 1 }], period: 2, pay_type: 'prepay' })).toEqual([]);
    expect(issuesOf('service/renew', { period: 1 }).map((issue) => issue.message)).toEqual([
      expect.stringMatching(/No service named/),
    ]);
  });

  it('needs a target folder for folder/move_services', () => {
    const services = [{ service_id: 1 }];
    expect(issuesOf('folder/move_services', { folder_id: 1, services, new_folder_name: 'b' })).toEqual([]);
    expect(issuesOf('folder/move_services', { folder_id: 1, services }).map((issue) => issue.path)).toEqual(['new_folder_id']);
  });

  it('requires domains for get_premium_prices', () => {
    expect(issuesOf('domain/get_premium_prices', { domains: [{ dname: 'a.ru' }] })).toEqual([]);
    expect(issuesOf('domain/get_premium_prices', {}).map((issue) => issue.path)).toEqual(['domains']);
  });

  it('rejects unknown keys in root methods', () => {
    expect(issuesOf('nop', { verbose: 1 }).map((issue) => issue.path)).toEqual(['verbose']);
  });
});

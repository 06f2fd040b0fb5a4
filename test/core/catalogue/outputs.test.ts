import { describe, expect, it } from 'vitest';
import { catalogue, findOperation } from '../../../src/core/catalogue/index.js';

function parseAnswer(path: string, answer: unknown): any {
  return findOperation(path)!.output.parse(answer);
}

/** A get_resource_records answer as the test account (numbers) or a real account (strings) sends it. */
function resourceRecords(serviceId: unknown, prio: unknown) {
  return {
    domains: [
      {
        dname: 'example.ru',
        result: 'success',
        service_id: serviceId,
        rrs: [{ subname: '@', rectype: 'MX', content: 'mx.example.ru', prio, state: 'A' }],
        soa: { ttl: '1d', minimum_ttl: '12h' },
      },
    ],
  };
}

describe('answer normalisation', () => {
  it('reads prio strings and numbers alike', () => {
    const fromString = parseAnswer('zone/get_resource_records', resourceRecords(12345, '10'));
    const fromNumber = parseAnswer('zone/get_resource_records', resourceRecords('12345', 10));
    expect(fromString).toEqual(fromNumber);
    expect(fromString.domains[0].rrs[0].prio).toBe(10);
  });

  it('keeps service ids as strings', () => {
    expect(parseAnswer('zone/get_resource_records', resourceRecords(12345, 0)).domains[0].service_id).toBe('12345');
    expect(parseAnswer('zone/get_resource_records', resourceRecords('12345', 0)).domains[0].service_id).toBe('12345');
  });

  it('accepts a null prio', () => {
    expect(parseAnswer('zone/get_resource_records', resourceRecords('12345', null)).domains[0].rrs[0].prio).toBeNull();
  });

  it('keeps unnamed fields', () => {
    const answer = resourceRecords(1, 0);
    (answer.domains[0] as Record<string, unknown>).future_field = 'kept';
    expect(parseAnswer('zone/get_resource_records', answer).domains[0].future_field).toBe('kept');
  });

  it('reads the Ruby gem service/nop answer', () => {
    const parsed = parseAnswer('service/nop', {
      services: [
        { dname: 'test.ru', result: 'success', service_id: 12345, servtype: 'domain' },
        { dname: 'test12347.ru', result: 'success', service_id: '111111', servtype: 'domain' },
        { service_id: '22bug22', result: 'error', error_code: 'INVALID_SERVICE_ID', error_text: 'service_id is invalid' },
        { surprise: 'surprise.ru', result: 'error', error_code: 'NO_DOMAIN', error_text: 'domain_name not given or empty' },
      ],
    });
    expect(parsed.services.map((item: { service_id?: string }) => item.service_id)).toEqual([
      '12345',
      '111111',
      '22bug22',
      undefined,
    ]);
    expect(parsed.services[3].surprise).toBe('surprise.ru');
  });

  it('turns amounts into numbers', () => {
    const parsed = parseAnswer('bill/get_not_payed', {
      bills: [
        {
          bill_id: '12345',
          bill_date: '1917-10-26',
          currency: 'RUR',
          payment: '100',
          orig_payment: 100,
          pay_type: 'cach',
          pay_status: 'notpayed',
          pay_date: null,
          items: [{ itemtype: 'service', dname: 'october.org', servtype: 'domain', service_id: 12345, action: 'new' }],
        },
      ],
    });
    const [bill] = parsed.bills;
    expect(bill.bill_id).toBe('12345');
    expect(bill.payment).toBe(100);
    expect(bill.orig_payment).toBe(100);
    expect(bill.pay_date).toBeNull();
    expect(bill.items[0].service_id).toBe('12345');
  });

  it('reads balances and counters from strings', () => {
    expect(parseAnswer('user/get_balance', { currency: 'RUR', prepay: '1000.50' }).prepay).toBe(1000.5);
    expect(parseAnswer('user/get_statistics', { active_domains_cnt: '3', balance_total: 100 }).active_domains_cnt).toBe(3);
  });

  it('rejects a non-numeric amount', () => {
    expect(findOperation('user/get_balance')!.output.safeParse({ prepay: 'lots' }).success).toBe(false);
  });

  it('reads 0/1 flags as booleans', () => {
    const parsed = parseAnswer('domain/get_tld_info', {
      tld_info: { idn_allowed: '1', privacy_protection_allowed: 0, email_verification: true },
    });
    expect(parsed.tld_info).toMatchObject({ idn_allowed: true, privacy_protection_allowed: false, email_verification: true });
  });

  it('reads the service/get_servtype_details list answer', () => {
    const parsed = parseAnswer('service/get_servtype_details', [
      { commonname: 'Web-forwarding', is_renewable: '1', price_new: '120.00', servtype: 'srv_webfwd', unit: 'year' },
    ]);
    expect(parsed[0]).toMatchObject({ is_renewable: true, price_new: 120 });
  });

  it('reads domain/get_prices keyed by TLD', () => {
    const parsed = parseAnswer('domain/get_prices', {
      currency: 'USD',
      price_group: 3,
      prices: { ru: { reg_price: '3.5', renew_price: 4 }, 'рф': { reg_price: 3 } },
    });
    expect(parsed.price_group).toBe('3');
    expect(parsed.prices.ru.reg_price).toBe(3.5);
    expect(parsed.prices['рф'].reg_price).toBe(3);
  });

  it('accepts an empty answer object', () => {
    for (const operation of catalogue) {
      if (['service/get_servtype_details', 'hosting/get_rs_themes'].includes(operation.path)) continue;
      expect(operation.output.safeParse({}).success, operation.path).toBe(true);
    }
  });

  it('accepts a missing answer everywhere', () => {
    for (const operation of catalogue) {
      expect(operation.output.safeParse(undefined).success, operation.path).toBe(true);
    }
  });

  it('rejects an answer of the wrong kind', () => {
    expect(findOperation('zone/get_resource_records')!.output.safeParse('text').success).toBe(false);
    expect(findOperation('service/get_servtype_details')!.output.safeParse({ servtype: 'x' }).success).toBe(false);
  });
});

import type { Lang } from '../messages.js';
import { ApiError, itemError, type Params } from '../protocol.js';
import { hasIdentification, listObjects } from '../model/identify.js';
import { checkRegistrableName, toUnicodeName } from '../model/names.js';
import { DEFAULT_PRICES, splitPrices } from '../model/prices.js';
import { cannedEach } from './items.js';

/**
 * Answers of the public test account (`test`/`test`). REG.API validates the test account's input like
 * a real account's, executes nothing, and answers with fixed example values; the values below are the
 * ones REG.API's documentation and the official Ruby and Perl clients' tests show. Nothing here ever
 * changes state.
 */

export interface CannedContext {
  params: Params;
  lang: Lang;
}

export type CannedAnswer = (context: CannedContext) => unknown;

const DEFAULT_TLDS = new Set(splitPrices(DEFAULT_PRICES).tlds.keys());

function requireParam(params: Params, name: string): void {
  if (params[name] === undefined || params[name] === '') throw new ApiError('PARAMETER_MISSING', { param: name });
}

function requireIdentification(params: Params, field: string): void {
  if (!Array.isArray(params[field]) && !hasIdentification(params)) throw new ApiError('NO_DOMAIN');
}

const NOT_PAYED_BILL = {
  bill_id: '12345',
  bill_date: '1917-10-26',
  currency: 'RUR',
  payment: '100',
  orig_payment: '100',
  pay_type: 'cach',
  pay_status: 'notpayed',
  pay_date: null,
  items: [
    { itemtype: 'service', dname: 'october.org', servtype: 'domain', service_id: '12345', action: 'new' },
    { itemtype: 'service', dname: 'october.org', servtype: 'srv_certificate', service_id: '12346', action: 'new' },
  ],
};

/** Bill ids from `bill_id` or `bills` (ids or `{bill_id}` objects). */
function billIds(params: Params): unknown[] {
  if (Array.isArray(params.bills)) return params.bills.map((bill) => (bill !== null && typeof bill === 'object' ? (bill as Params).bill_id : bill));
  return params.bill_id === undefined ? [] : [params.bill_id];
}

function zoneAnswer({ params, lang }: CannedContext): unknown {
  return { domains: cannedEach(params, 'domains', lang, () => ({}), { serviceIdAsString: true }) };
}

function checkDomains({ params, lang }: CannedContext): unknown {
  if (!Array.isArray(params.domains) && params.domain_name === undefined && params.dname === undefined) throw new ApiError('NO_DOMAIN');
  const domains = listObjects(params, 'domains').map((input) => {
    const name = String(input.dname ?? input.domain_name ?? '');
    const checked = checkRegistrableName(name, DEFAULT_TLDS);
    // The test account does not ask the registry, so every valid name is reported free.
    if (checked.ok) return { dname: checked.unicode, result: 'Available' };
    return itemError({ dname: name }, checked.code, lang, { domain_name: name });
  });
  return { domains };
}

function domainPrices({ params }: CannedContext): unknown {
  const prices: Record<string, Params> = {};
  for (const [tld, price] of Object.entries(DEFAULT_PRICES)) {
    if (tld.startsWith('srv_')) continue;
    prices[tld] = {
      reg_price: price,
      renew_price: price,
      reg_min_period: 1,
      reg_max_period: 10,
      retail_reg_price: price,
      retail_renew_price: price,
    };
  }
  prices['__idn.com'] = { ...prices.com };
  return { currency: String(params.currency ?? 'RUR'), price_group: '0', prices };
}

export const testAccountAnswers: Record<string, CannedAnswer> = {
  nop: () => ({ login: 'test', user_id: 0 }),
  reseller_nop: () => ({ login: 'test', user_id: 0 }),
  get_user_id: () => ({ user_id: 0 }),
  get_service_id: ({ params }) => {
    requireIdentification(params, 'services');
    return { service_id: 12345 };
  },

  'user/nop': () => undefined,
  'user/create': ({ params }) => {
    for (const name of ['user_login', 'user_password', 'user_email', 'user_country_code']) requireParam(params, name);
    // NOTE: REG.API rejects a 4-character password with country `ru` as INVALID_CONTACTS; which of the
    // two trips the check is not documented, so the sandbox rejects either.
    if (String(params.user_password).length < 6 || !/^[A-Z]{2}$/.test(String(params.user_country_code))) {
      throw new ApiError('INVALID_CONTACTS');
    }
    return { user_id: '777' };
  },
  'user/get_statistics': ({ params }) => ({
    active_domains_cnt: 2,
    active_domains_get_ctrl_cnt: 0,
    balance_total: 100,
    domain_folders_cnt: 1,
    renew_domains_cnt: 0,
    renew_domains_get_ctrl_cnt: 0,
    undelegated_domains_cnt: 0,
    ...(params.date_from !== undefined ? { costs_for_period: 0, reg_domains_cnt: 0, trans_in_domains_cnt: 0 } : {}),
  }),
  'user/get_balance': ({ params }) => ({ currency: String(params.currency ?? 'RUR'), prepay: 1000 }),
  'user/get_reseller_url': () => ({ url: 'https://test1.ru' }),

  'bill/nop': ({ params }) => {
    const ids = billIds(params);
    if (ids.length === 0) return undefined;
    return { bills: ids.map((id) => ({ bill_id: Number(id), pay_status: 'notpayed', payment: 100, currency: 'RUR' })) };
  },
  'bill/get_not_payed': () => ({ bills: [NOT_PAYED_BILL] }),
  'bill/get_for_period': ({ params }) => {
    requireParam(params, 'start_date');
    requireParam(params, 'end_date');
    return { bills: [{ ...NOT_PAYED_BILL, pay_status: 'payed', pay_type: 'prepay' }] };
  },
  'bill/change_pay_type': ({ params }) => {
    requireParam(params, 'pay_type');
    const ids = billIds(params);
    if (ids.length === 0) throw new ApiError('PARAMETER_MISSING', { param: 'bills' });
    return { bills: ids.map((id) => ({ bill_id: Number(id), result: 'success', pay_type: params.pay_type, old_pay_type: 'bank' })) };
  },
  'bill/delete': ({ params }) => {
    const ids = billIds(params);
    if (ids.length === 0) throw new ApiError('PARAMETER_MISSING', { param: 'bills' });
    return { bills: ids.map((id) => ({ bill_id: Number(id), result: 'success', status: 'deleted' })) };
  },

  'service/nop': ({ params, lang }) => ({ services: cannedEach(params, 'services', lang) }),
  'service/get_prices': ({ params }) => ({
    currency: String(params.currency ?? 'RUR'),
    pricegroup: '0',
    show_renew_data: String(params.show_renew_data ?? '0'),
    prices: Object.entries(DEFAULT_PRICES)
      .filter(([key]) => key.startsWith('srv_'))
      .map(([servtype, price]) => ({ servortld: servtype, unit: 'month', subtype: '', price: String(price) })),
  }),
  'service/get_servtype_details': ({ params }) => {
    requireParam(params, 'servtype');
    // REG.API answers this method with a list, not an object.
    return [
      {
        commonname: 'Web-forwarding',
        extparams: {},
        is_renewable: '1',
        periods_new: '1-10',
        periods_renew: '1-10',
        price_new: '120.00',
        price_renew: '120.00',
        servtype: 'srv_webfwd',
        subtype: '',
        unit: 'year',
      },
    ];
  },
  'service/create': ({ params }) => {
    requireParam(params, 'servtype');
    const dname = String(params.domain_name ?? params.dname ?? '');
    if (dname === '' && params.uplink_service_id === undefined) throw new ApiError('NO_DOMAIN');
    return {
      descr: `service ${String(params.servtype)} is ordered for domain ${dname}`,
      bill_id: 1234,
      payment: 100,
      service_id: 987654,
    };
  },
  'service/delete': ({ params }) => {
    requireIdentification(params, 'services');
    requireParam(params, 'servtype');
    return undefined;
  },
  'service/get_list': ({ params }) => {
    const servtype = String(params.servtype ?? 'domain');
    const common = { servtype, subtype: '', state: 'A', creation_date: '2010-01-01', expiration_date: '2030-01-01' };
    return {
      services: [
        { service_id: 111, dname: 'test.ru', ...common },
        { service_id: 222, dname: 'foo-test.ru', ...common },
      ],
    };
  },
  'service/get_info': ({ params, lang }) => {
    requireIdentification(params, 'services');
    return {
      services: cannedEach(params, 'services', lang, () => ({
        subtype: '',
        state: 'A',
        creation_date: '2010-01-01',
        expiration_date: '2030-01-01',
      })),
    };
  },
  'service/get_dedicated_server_list': () => ({
    server_list: [
      {
        server_id: 171,
        cpu_content: 'Intel Xeon',
        cpu_count: 1,
        cpu_core: 4,
        ram_content: 'DDR4',
        ram_count: 2,
        ram_size: '8 GB',
        hdd_content: 'SSD',
        hdd_count: 2,
        hdd_size: '480 GB',
        month_traf: '10000',
        price_retail: '5000',
      },
    ],
  }),
  'service/get_bills': ({ params, lang }) => {
    requireIdentification(params, 'services');
    return { services: cannedEach(params, 'services', lang, () => ({ bills: ['123456', '234567'] })) };
  },
  'service/renew': ({ params }) => {
    requireIdentification(params, 'services');
    return { period: Number(params.period ?? 1), bill_id: 1234, payment: 100, currency: 'RUR', status: 'renew_success' };
  },
  'service/refill': ({ params }) => {
    requireIdentification(params, 'services');
    return {
      pay_type: 'prepay',
      pay_notes: 'Amount successfully charged',
      payment: '36.88',
      currency: String(params.currency ?? 'RUR'),
      bill_id: 1000000,
      service_id: Number(params.service_id ?? 123456),
    };
  },
  'service/get_depreciated_period': ({ params }) => {
    requireIdentification(params, 'services');
    return { depreciated_period: 0.5 };
  },

  'domain/nop': ({ params }) => (params.domain_name !== undefined || params.dname !== undefined ? { service_id: '123456' } : undefined),
  'domain/get_prices': domainPrices,
  'domain/get_suggest': ({ params }) => {
    requireParam(params, 'word');
    return { suggestions: [{ name: String(params.word), avail_in: ['ru', 'рф'] }] };
  },
  'domain/get_deleted': () => ({
    domains: [{ domain_name: 'deleted-example.ru', date_delete: '2013-10-15', registered: 0, first_create_date: '2005-01-01', yandex_tic: 10, google_pr: 2 }],
  }),
  'domain/check': checkDomains,
  'domain/create': ({ params, lang }) => {
    requireIdentification(params, 'domains');
    return {
      bill_id: 1234,
      payment: 250,
      pay_type: String(params.pay_type ?? 'prepay'),
      pay_notes: 'Amount successfully charged',
      service_id: 12345,
      domains: cannedEach(params, 'domains', lang),
    };
  },
  'domain/transfer': ({ params, lang }) => {
    if (!Array.isArray(params.domains) && !hasIdentification(params)) throw new ApiError('DOMAINS_NOT_FOUND');
    return { bill_id: 1234, payment: 250, pay_type: 'prepay', domains: cannedEach(params, 'domains', lang) };
  },
  'domain/get_docs_upload_uri': () => ({ docs_upload_sid: 123456, url: 'https://test1.ru/docs?sid=123456' }),
  'domain/update_private_person_flag': ({ params }) => {
    requireParam(params, 'private_person_flag');
    return { pp_flag: String(params.private_person_flag) === '1' ? 'is set' : 'is cleared' };
  },
  'domain/get_nss': ({ params, lang }) => {
    requireIdentification(params, 'domains');
    return { domains: cannedEach(params, 'domains', lang, () => ({ nss: [{ ns: 'ns1.reg.ru' }, { ns: 'ns2.reg.ru' }] })) };
  },
  'domain/get_transfer_status': ({ params, lang }) => ({
    domains: cannedEach(params, 'domains', lang, () => ({ status: 'pendingTransfer' })),
  }),

  'zone/nop': zoneAnswer,
  'zone/get_resource_records': ({ params, lang }) => ({
    domains: cannedEach(
      params,
      'domains',
      lang,
      () => ({
        // The test account sends prio as a string, real accounts as a number.
        rrs: [{ subname: 'www', rectype: 'A', content: '111.222.111.222', prio: '0', state: 'A' }],
        soa: { ttl: '1d', minimum_ttl: '12h' },
      }),
      { serviceIdAsString: true },
    ),
  }),
  'zone/update_records': ({ params, lang }) => {
    if (params.action_list === undefined && !Array.isArray(params.domains)) throw new ApiError('PARAMETER_MISSING', { param: 'action_list' });
    const domains = cannedEach(params, 'domains', lang, () => ({}), { serviceIdAsString: true }).map((item, index) => {
      if (item.result !== 'success') return item;
      const own = Array.isArray(params.domains) ? (params.domains[index] as Params | undefined)?.action_list : undefined;
      const actions = Array.isArray(own) ? own : Array.isArray(params.action_list) ? params.action_list : [];
      return { ...item, action_list: actions.map((action) => ({ action: String((action as Params)?.action ?? ''), result: 'success' })) };
    });
    return { domains };
  },

  'dnssec/get_status': ({ params, lang }) => ({ domains: cannedEach(params, 'domains', lang, () => ({ status: 'enabled' })) }),

  'folder/nop': () => ({ id: '-1', name: 'test_folder_name' }),
  'folder/create': ({ params }) => {
    requireParam(params, 'folder_name');
    return undefined;
  },
  'folder/remove': () => undefined,
  'folder/rename': ({ params }) => {
    requireParam(params, 'new_folder_name');
    return { folder_content: [{ service_id: 12345, servtype: 'domain', domain_name: 'test.ru' }] };
  },
  'folder/get_services': () => ({ folder_content: [{ service_id: 12345, servtype: 'domain', domain_name: 'test.ru' }] }),

  'hosting/nop': () => undefined,
  'hosting/get_jelastic_refill_url': () => ({ url: 'https://test1.ru' }),
  'hosting/set_jelastic_refill_url': ({ params }) => {
    requireParam(params, 'url');
    return undefined;
  },

  'shop/nop': ({ params }) => (params.dname !== undefined ? { lot_id: '123' } : undefined),
};


import { ApiError, itemError, type Params } from '../protocol.js';
import { hasIdentification, listObjects } from '../model/identify.js';
import { checkRegistrableName } from '../model/names.js';
import { DEFAULT_PRICES, splitPrices } from '../model/prices.js';
import { cannedEach } from './items.js';
import { requireIdentification, requireParam, type CannedAnswer, type CannedContext } from './support.js';

const DEFAULT_TLDS = new Set(splitPrices(DEFAULT_PRICES).tlds.keys());

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

/** The test account's domain, zone, DNSSEC, folder, hosting and shop methods. */
export const domainAnswers: Record<string, CannedAnswer> = {
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

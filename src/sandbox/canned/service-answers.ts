import { ApiError } from '../protocol.js';
import { DEFAULT_PRICES } from '../model/prices.js';
import { cannedEach } from './items.js';
import { requireIdentification, requireParam, type CannedAnswer } from './support.js';

/** The test account's service methods. */
export const serviceAnswers: Record<string, CannedAnswer> = {
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
};

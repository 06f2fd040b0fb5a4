import { ApiError } from '../protocol.js';
import { billIds, requireIdentification, requireParam, type CannedAnswer } from './support.js';

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

/** The test account's root, user and bill methods. */
export const accountAnswers: Record<string, CannedAnswer> = {
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
};

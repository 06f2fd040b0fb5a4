import { ApiError, type Params } from '../protocol.js';
import { createBill, decidePayment, extendService, paymentTerms, periodUnit, readPeriod, unitPrice } from '../model/billing.js';
import { resolveService, serviceSummary } from '../model/identify.js';
import { findTld, toAsciiName, toUnicodeName } from '../model/names.js';
import { addPeriod, isoDate, type AccountState, type BillItem, type ServiceRecord } from '../model/state.js';
import type { Handler, HandlerContext } from './context.js';
import { answerEach } from './items.js';
import { checkUserServid } from './user-servid.js';

/** Returns the fields `service/get_info` and `service/get_list` show for a service. */
function serviceDetails(service: ServiceRecord): Params {
  return {
    subtype: service.subtype,
    state: service.state,
    creation_date: service.creation_date,
    expiration_date: service.expiration_date,
    ...(service.user_servid !== undefined ? { user_servid: service.user_servid } : {}),
    ...(service.uplink_service_id !== undefined ? { uplink_service_id: String(service.uplink_service_id) } : {}),
  };
}

function foldersOf(account: AccountState, service: ServiceRecord): Params[] {
  return account.folders
    .filter((folder) => folder.services.includes(service.service_id))
    .map((folder) => ({ folder_id: String(folder.folder_id), folder_name: folder.folder_name }));
}

/** Resolves the single service a call names, or throws its error as a top-level error. */
export function requireService(context: HandlerContext): ServiceRecord {
  const resolved = resolveService(context.account, context.params, String(context.params.servtype ?? 'domain'));
  if (!resolved.ok) throw new ApiError(resolved.code, resolved.params);
  return resolved.service;
}

const create: Handler = (context) => {
  const { account, world, params } = context;
  const servtype = String(params.servtype ?? '');
  if (servtype === '') throw new ApiError('PARAMETER_MISSING', { param: 'servtype' });
  if (servtype === 'domain') {
    throw new ApiError('PARAMETER_INCORRECT', { param: 'servtype', error_detail: 'order domains with domain/create' });
  }
  const dname = toAsciiName(String(params.domain_name ?? params.dname ?? ''));
  const uplink = params.uplink_service_id === undefined ? undefined : Number(params.uplink_service_id);
  if (dname === '' && uplink === undefined) throw new ApiError('NO_DOMAIN');
  const userServid = checkUserServid(account, params.user_servid);

  const price = unitPrice(account, servtype);
  if (price === undefined) throw new ApiError('PRICES_NOT_FOUND', { servtype });
  const sameKind = account.services.filter((service) => service.servtype === servtype && service.dname === dname && service.state !== 'D');
  if (sameKind.some((service) => service.state === 'N')) {
    throw new ApiError('DOUBLE_ORDER', { domain_name: toUnicodeName(dname), servtype });
  }
  if (sameKind.length > 0) throw new ApiError('SERVICE_ALREADY_EXISTS');

  const period = readPeriod(params);
  const amount = price * period;
  const terms = paymentTerms(params);
  const outcome = decidePayment(account, amount, terms);
  const today = isoDate(new Date());
  const service: ServiceRecord = {
    service_id: world.nextServiceId(),
    servtype,
    subtype: String(params.subtype ?? ''),
    dname,
    user_servid: userServid,
    state: outcome === 'paid' ? 'A' : 'N',
    creation_date: today,
    expiration_date: addPeriod(today, period, periodUnit(servtype)),
    autorenew: false,
    nss: [],
    uplink_service_id: uplink,
  };
  account.services.push(service);
  const item: BillItem = { itemtype: 'service', dname, servtype, service_id: service.service_id, action: 'new' };
  const bill = createBill(account, world, amount, [item], terms, outcome);
  return {
    descr: `service ${servtype} is ordered for domain ${toUnicodeName(dname)}`,
    bill_id: String(bill.bill_id),
    payment: amount,
    pay_type: terms.payType,
    pay_notes: outcome === 'paid' ? 'Amount successfully charged' : 'Bill created; pay it to activate the service',
    service_id: String(service.service_id),
    ...(uplink !== undefined ? { uplink_service_id: String(uplink) } : {}),
  };
};

/** Computes the price of renewing one service for `period` units, or undefined when the model has no price. */
function renewalPrice(account: AccountState, service: ServiceRecord, period: number): number | undefined {
  const tld = service.servtype === 'domain' ? findTld(service.dname, new Set(account.tldPrices.keys())) : undefined;
  const price = unitPrice(account, service.servtype, tld);
  return price === undefined ? undefined : price * period;
}

/**
 * Renews every named service in one bill. A prepay bill covered by the balance is paid, and the
 * expiration dates move at once. Otherwise the bill stays unpaid (`only_bill_created`) if
 * `ok_if_no_money` allows it.
 */
const renew: Handler = (context) => {
  const { account, world, params } = context;
  const period = readPeriod(params);
  const field = Array.isArray(params.domains) ? 'domains' : 'services';
  const chosen: Array<{ service: ServiceRecord; amount: number }> = [];
  const items = answerEach(context, field, (service) => {
    if (service.state !== 'A' && service.state !== 'S') return { error: 'INCORRECT_STATE' };
    const amount = renewalPrice(account, service, period);
    if (amount === undefined) return { error: 'PRICES_NOT_FOUND', params: { servtype: service.servtype } };
    chosen.push({ service, amount });
    return {};
  });
  if (chosen.length === 0) return { period, payment: 0, currency: account.currency, services: items };

  const total = chosen.reduce((sum, entry) => sum + entry.amount, 0);
  const terms = paymentTerms(params);
  const outcome = decidePayment(account, total, terms);
  const billItems: BillItem[] = chosen.map(({ service }) => ({
    itemtype: 'service',
    dname: service.dname,
    servtype: service.servtype,
    service_id: service.service_id,
    action: 'renew',
    period,
  }));
  const bill = createBill(account, world, total, billItems, terms, outcome);
  if (outcome === 'paid') for (const { service } of chosen) extendService(service, period);
  const withDates = items.map((item) => {
    const service = chosen.find((entry) => String(entry.service.service_id) === item.service_id)?.service;
    return service ? { ...item, expiration_date: service.expiration_date } : item;
  });
  return {
    period,
    bill_id: String(bill.bill_id),
    payment: total,
    currency: account.currency,
    status: outcome === 'paid' ? 'renew_success' : 'only_bill_created',
    services: withDates,
  };
};

const remove: Handler = (context) => {
  const service = requireService(context);
  service.state = 'D';
  for (const folder of context.account.folders) folder.services = folder.services.filter((id) => id !== service.service_id);
  if (service.servtype === 'domain') context.account.zones.delete(service.dname);
  return undefined;
};

function setState(from: ServiceRecord['state'], to: ServiceRecord['state'], failure: string): Handler {
  return (context) => {
    const service = requireService(context);
    if (service.state !== from) throw new ApiError(failure);
    service.state = to;
    return undefined;
  };
}

export const serviceHandlers: Record<string, Handler> = {
  'service/nop': (context) => ({ services: answerEach(context, 'services', () => ({})) }),
  'service/get_prices': ({ account }) => ({
    currency: account.currency,
    pricegroup: '0',
    show_renew_data: '0',
    prices: [...account.servicePrices].map(([servtype, price]) => ({
      servortld: servtype,
      subtype: '',
      unit: periodUnit(servtype),
      price: String(price),
    })),
  }),
  'service/get_info': (context) => ({
    services: answerEach(context, 'services', (service) => ({
      ...serviceDetails(service),
      ...(String(context.params.show_folders ?? '0') === '1' ? { folders: foldersOf(context.account, service) } : {}),
    })),
  }),
  'service/get_list': ({ account, params }) => {
    const servtype = params.servtype === undefined || params.servtype === '' ? undefined : String(params.servtype);
    const listed = account.services.filter(
      (service) => service.state !== 'D' && (servtype === undefined || service.servtype === servtype),
    );
    return { services: listed.map((service) => ({ ...serviceSummary(service), ...serviceDetails(service) })) };
  },
  'service/create': create,
  'service/renew': renew,
  'service/delete': remove,
  'service/get_folders': (context) => ({ folders: foldersOf(context.account, requireService(context)) }),
  'service/get_bills': (context) => ({
    services: answerEach(context, 'services', (service) => ({
      bills: context.account.bills
        .filter((bill) => bill.pay_status !== 'deleted' && bill.items.some((item) => item.service_id === service.service_id))
        .map((bill) => String(bill.bill_id)),
    })),
  }),
  'service/set_autorenew_flag': (context) => {
    const flag = String(context.params.flag_value ?? '');
    if (flag !== '0' && flag !== '1') throw new ApiError('PARAMETER_MISSING', { param: 'flag_value' });
    requireService(context).autorenew = flag === '1';
    return undefined;
  },
  // Read-only means locked against changes; the sandbox locks nothing, so every service is writable.
  'service/check_readonly': (context) => ({ services: answerEach(context, 'services', () => ({ is_readonly: 0 })) }),
  'service/suspend': setState('A', 'S', 'INCORRECT_STATE'),
  'service/resume': setState('S', 'A', 'SERVICE_NOT_SUSPENDED'),
  'service/get_depreciated_period': (context) => {
    const service = requireService(context);
    const msLeft = Date.parse(`${service.expiration_date}T00:00:00Z`) - Date.now();
    const unitMs = periodUnit(service.servtype) === 'year' ? 365 * 86_400_000 : 30 * 86_400_000;
    return { depreciated_period: Math.max(0, Math.round((msLeft / unitMs) * 100) / 100) };
  },
};

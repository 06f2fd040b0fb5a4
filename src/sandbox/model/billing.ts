import { ApiError, type Params } from '../protocol.js';
import { MONTHLY_SERVTYPES } from './prices.js';
import { addPeriod, isoDate, type AccountState, type BillItem, type BillState, type ServiceRecord, type World } from './state.js';

export interface PaymentTerms {
  payType: string;
  okIfNoMoney: boolean;
}

/** Reads `pay_type` (default `prepay`) and `ok_if_no_money` from a call's parameters. */
export function paymentTerms(params: Params): PaymentTerms {
  const payType = params.pay_type === undefined || params.pay_type === '' ? 'prepay' : String(params.pay_type);
  const flag = String(params.ok_if_no_money ?? '0');
  return { payType, okIfNoMoney: flag === '1' || flag === 'true' };
}

/**
 * Decides how an order of `amount` rubles is paid, before anything changes. REG.API pays at once only
 * `prepay` orders that the balance covers. Other pay types become an unpaid bill, and so do uncovered
 * orders with `ok_if_no_money`. An uncovered prepay order without that flag fails with NOT_ENOUGH_MONEY.
 */
export function decidePayment(account: AccountState, amount: number, terms: PaymentTerms): 'paid' | 'unpaid' {
  if (terms.payType === 'prepay' && account.balance >= amount) return 'paid';
  if (terms.payType !== 'prepay' || terms.okIfNoMoney) return 'unpaid';
  throw new ApiError('NOT_ENOUGH_MONEY', { payment: amount, balance: account.balance });
}

/** Records a bill and, when paid, takes the amount from the balance. */
export function createBill(
  account: AccountState,
  world: World,
  amount: number,
  items: BillItem[],
  terms: PaymentTerms,
  outcome: 'paid' | 'unpaid',
): BillState {
  const bill: BillState = {
    bill_id: world.nextBillId(),
    bill_date: isoDate(new Date()),
    currency: account.currency,
    payment: amount,
    pay_type: terms.payType,
    pay_status: outcome === 'paid' ? 'payed' : 'notpayed',
    items,
  };
  if (outcome === 'paid') account.balance = roundMoney(account.balance - amount);
  account.bills.push(bill);
  return bill;
}

export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function periodUnit(servtype: string): 'year' | 'month' {
  return MONTHLY_SERVTYPES.has(servtype) ? 'month' : 'year';
}

/** Applies what a paid bill buys: new services become active, renewals extend the expiration date. */
export function applyPaidItems(account: AccountState, items: BillItem[]): void {
  for (const item of items) {
    const service = account.services.find((candidate) => candidate.service_id === item.service_id);
    if (!service) continue;
    if (item.action === 'new' && service.state === 'N') service.state = 'A';
    if (item.action === 'renew') extendService(service, item.period ?? 1);
  }
}

export function extendService(service: ServiceRecord, period: number): void {
  service.expiration_date = addPeriod(service.expiration_date, period, periodUnit(service.servtype));
}

/** Looks up the price of one period unit: the TLD price for domains, the servtype price for services. */
export function unitPrice(account: AccountState, servtype: string, tld?: string): number | undefined {
  if (servtype === 'domain') return tld === undefined ? undefined : account.tldPrices.get(tld);
  return account.servicePrices.get(servtype);
}

/** Reads `period` (default 1): a whole number of years or months from 1 to 120, or 0 when `allowZero` is set. */
export function readPeriod(params: Params, allowZero = false): number {
  if (params.period === undefined || params.period === '') return 1;
  const period = Number(params.period);
  const minimum = allowZero ? 0 : 1;
  if (!Number.isInteger(period) || period < minimum || period > 120) {
    throw new ApiError('PARAMETER_INCORRECT', { param: 'period', error_detail: `${String(params.period)} is not a valid period` });
  }
  return period;
}

import { ApiError, itemError, type Params } from '../protocol.js';
import { applyPaidItems, roundMoney } from '../model/billing.js';
import { toUnicodeName } from '../model/names.js';
import type { AccountState, BillState } from '../model/state.js';
import type { Handler, HandlerContext } from './context.js';

/** Converts a bill to the form REG.API lists: ids as strings, names in Unicode. */
export function billView(bill: BillState): Params {
  return {
    bill_id: String(bill.bill_id),
    bill_date: bill.bill_date,
    currency: bill.currency,
    payment: bill.payment,
    pay_type: bill.pay_type,
    pay_status: bill.pay_status,
    items: bill.items.map((item) => ({
      itemtype: item.itemtype,
      dname: toUnicodeName(item.dname),
      servtype: item.servtype,
      service_id: String(item.service_id),
      action: item.action,
    })),
  };
}

/** Bill ids from `bill_id` or the `bills` list (ids or `{bill_id}` objects). */
function requestedBills(params: Params): unknown[] {
  if (Array.isArray(params.bills)) {
    return params.bills.map((bill) => (bill !== null && typeof bill === 'object' ? (bill as Params).bill_id : bill));
  }
  return params.bill_id === undefined ? [] : [params.bill_id];
}

function findBill(account: AccountState, id: unknown): BillState | undefined {
  return account.bills.find((bill) => String(bill.bill_id) === String(id) && bill.pay_status !== 'deleted');
}

/** Runs `work` on each requested bill; an unknown id fails on its own with BILL_ID_NOT_FOUND. */
function eachBill(context: HandlerContext, work: (bill: BillState) => Params | { error: string }): Params[] {
  const ids = requestedBills(context.params);
  if (ids.length === 0) throw new ApiError('PARAMETER_MISSING', { param: 'bills' });
  return ids.map((id) => {
    const bill = findBill(context.account, id);
    if (!bill) return itemError({ bill_id: String(id) }, 'BILL_ID_NOT_FOUND', context.lang);
    const result = work(bill);
    if (typeof result.error === 'string') return itemError({ bill_id: String(bill.bill_id) }, result.error, context.lang);
    return { bill_id: String(bill.bill_id), result: 'success', ...result };
  });
}

function page(bills: BillState[], params: Params): BillState[] {
  const limit = Math.min(Number(params.limit ?? 100) || 100, 1024);
  const offset = Number(params.offset ?? 0) || 0;
  return bills.slice(offset, offset + limit);
}

const changePayType: Handler = (context) => {
  const payType = String(context.params.pay_type ?? '');
  if (payType === '') throw new ApiError('PARAMETER_MISSING', { param: 'pay_type' });
  const { account } = context;
  return {
    bills: eachBill(context, (bill) => {
      if (bill.pay_status === 'payed') return { error: 'ORDER_ALREADY_PAYED' };
      const old = bill.pay_type;
      if (payType === 'prepay') {
        // Switching to prepay pays the bill from the balance at once.
        if (account.balance < bill.payment) return { error: 'NOT_ENOUGH_MONEY' };
        account.balance = roundMoney(account.balance - bill.payment);
        bill.pay_status = 'payed';
        applyPaidItems(account, bill.items);
      }
      bill.pay_type = payType;
      return { pay_type: payType, old_pay_type: old, pay_status: bill.pay_status, payment: bill.payment };
    }),
  };
};

const deleteBills: Handler = (context) => ({
  bills: eachBill(context, (bill) => {
    if (bill.pay_status === 'payed') return { error: 'BILL_CAN_NOT_REMOVED' };
    bill.pay_status = 'deleted';
    // The services the unpaid bill ordered go with it.
    for (const item of bill.items) {
      const service = context.account.services.find((candidate) => candidate.service_id === item.service_id);
      if (service && item.action === 'new' && service.state === 'N') service.state = 'D';
    }
    return { status: 'deleted' };
  }),
});

export const billHandlers: Record<string, Handler> = {
  'bill/nop': (context) => {
    if (requestedBills(context.params).length === 0) return undefined;
    return { bills: eachBill(context, (bill) => billView(bill)) };
  },
  'bill/get_not_payed': ({ account, params }) => ({
    bills: page(account.bills.filter((bill) => bill.pay_status === 'notpayed'), params).map(billView),
  }),
  'bill/get_for_period': ({ account, params }) => {
    for (const param of ['start_date', 'end_date']) {
      if (params[param] === undefined) throw new ApiError('PARAMETER_MISSING', { param });
    }
    const start = String(params.start_date);
    const end = String(params.end_date);
    const inPeriod = account.bills.filter((bill) => bill.pay_status !== 'deleted' && bill.bill_date >= start && bill.bill_date <= end);
    return { bills: page(inPeriod, params).map(billView) };
  },
  'bill/change_pay_type': changePayType,
  'bill/delete': deleteBills,
};

import type { CallResult, ItemOutcome } from '../client/types.js';
import type { OperationError, OperationState, Preview } from './types.js';

/** The state, result and error an operation stores after REG.API accepted the call. */
export interface SendOutcome {
  state: Extract<OperationState, 'done' | 'done_unpaid'>;
  result: {
    answer: unknown;
    outcome: CallResult['outcome'];
    requests: number;
    items: ItemOutcome[];
    /** List elements REG.API refused while accepting the call, named for people. */
    failedItems: { index: number; key?: string; errorCode?: string; errorText?: string }[];
  };
  /** Set for a partial outcome, so a front end shows the refused elements next to the success. */
  error: OperationError | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks whether REG.API created an order or renewal that still waits for payment. A renewal
 * returns `status: only_bill_created`. An order returns a bill either way: it stays unpaid when
 * its pay type is not `prepay`, or when `ok_if_no_money` let it through although the preview
 * showed the price exceeding the balance.
 */
export function isUnpaid(answer: unknown, input: Record<string, unknown>, preview: Preview | null): boolean {
  if (!isRecord(answer)) return false;
  if (answer.status === 'only_bill_created' || answer.pay_status === 'notpayed') return true;
  const services = Array.isArray(answer.services) ? answer.services : [];
  if (services.some((item) => isRecord(item) && item.status === 'only_bill_created')) return true;
  if (answer.bill_id === undefined || answer.status !== undefined) return false;
  const payType = input.pay_type === undefined || input.pay_type === '' ? 'prepay' : String(input.pay_type);
  if (payType !== 'prepay') return true;
  const okIfNoMoney = input.ok_if_no_money === true || input.ok_if_no_money === 1 || input.ok_if_no_money === '1';
  const short = preview?.balanceAfter !== undefined && preview.balanceAfter < 0;
  return okIfNoMoney && short;
}

/** Refused elements named in the PARTIAL_FAILURE message; `failedItems` in the result lists every one. */
const NAMED_FAILURES_MAX = 10;

/** Turns an accepted call into the operation's final state and result. */
export function judgeResult(result: CallResult, input: Record<string, unknown>, preview: Preview | null): SendOutcome {
  const failedItems = result.items
    .filter((item) => !item.ok)
    .map((item) => ({ index: item.index, key: item.key, errorCode: item.errorCode, errorText: item.errorText }));
  const names = failedItems.slice(0, NAMED_FAILURES_MAX).map((item) => `${item.key ?? `#${item.index}`} (${item.errorCode ?? 'error'})`);
  if (failedItems.length > names.length) names.push(`and ${failedItems.length - names.length} more (see failedItems)`);
  return {
    state: isUnpaid(result.answer, input, preview) ? 'done_unpaid' : 'done',
    result: { answer: result.answer, outcome: result.outcome, requests: result.requests, items: result.items, failedItems },
    error:
      failedItems.length > 0
        ? {
            code: 'PARTIAL_FAILURE',
            message: `REG.API refused ${failedItems.length} of ${result.items.length} elements: ${names.join(', ')}`,
            hint: 'The other elements went through. Fix the refused ones and propose them again.',
          }
        : null,
  };
}

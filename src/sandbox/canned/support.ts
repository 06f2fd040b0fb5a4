import type { Lang } from '../messages.js';
import { ApiError, type Params } from '../protocol.js';
import { hasIdentification } from '../model/identify.js';

export interface CannedContext {
  params: Params;
  lang: Lang;
}

export type CannedAnswer = (context: CannedContext) => unknown;

/** Raises PARAMETER_MISSING naming `name` when the call lacks it. */
export function requireParam(params: Params, name: string): void {
  if (params[name] === undefined || params[name] === '') throw new ApiError('PARAMETER_MISSING', { param: name });
}

/** Raises NO_DOMAIN when the call names no object, neither in a `field` list nor at the top level. */
export function requireIdentification(params: Params, field: string): void {
  if (!Array.isArray(params[field]) && !hasIdentification(params)) throw new ApiError('NO_DOMAIN');
}

/** Bill ids from `bill_id` or `bills` (ids or `{bill_id}` objects). */
export function billIds(params: Params): unknown[] {
  if (Array.isArray(params.bills)) return params.bills.map((bill) => (bill !== null && typeof bill === 'object' ? (bill as Params).bill_id : bill));
  return params.bill_id === undefined ? [] : [params.bill_id];
}


/**
 * Loose schemas for REG.API answers. The same field arrives as a number from one account and as a
 * string from another (the test account sends `service_id` as a number and `prio` as `"0"`, real
 * accounts the other way round), so these schemas accept both and normalise: ids become strings,
 * amounts and counters become numbers, 0/1 flags become booleans. Unknown fields pass through.
 *
 * Each normaliser ends in `.pipe(<plain schema>)` so that `z.toJSONSchema(schema, { io: 'output' })`
 * describes the normalised type instead of failing on the transform.
 */
import { z } from 'zod';

/** An id: number or string in, string out. */
export const idOut = z.union([z.string(), z.number()]).transform(String).pipe(z.string());

/** An amount or counter: number or numeric string in, number out. A non-numeric string fails. */
export const amountOut = z.union([z.string(), z.number()]).transform(Number).pipe(z.number());

/** An amount that may be null or empty: null out for both. */
export const amountOrNullOut = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((value) => (value === null || value === '' ? null : Number(value)))
  .pipe(z.number().nullable());

/** A record priority: REG.API sends `"10"`, `10` or `null` (records without a priority). */
export const prioOut = amountOrNullOut;

const FALSE_WORDS = new Set(['', '0', 'false', 'no', 'n']);

/** A flag sent as 0/1, "0"/"1" or a JSON boolean: boolean out. */
export const flagOut = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((value) => {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    return !FALSE_WORDS.has(value.trim().toLowerCase());
  })
  .pipe(z.boolean());

/** A text field that some answers leave null. */
export const textOut = z.string().nullable();

/** The per-object fields of a list answer item, as REG.API returns them for domains and services. */
export const itemResultShape = {
  dname: z.string().optional(),
  domain_name: z.string().optional(),
  service_id: idOut.optional(),
  servtype: z.string().optional(),
  /** `success`, `Available` (domain/check), `error`, or in the legacy style the error text itself. */
  result: z.string().optional(),
  error_code: z.string().optional(),
  error_text: z.string().optional(),
  error_params: z.record(z.string(), z.unknown()).optional(),
};

/** One element of `answer.domains` or `answer.services` with its own outcome. */
export const itemResult = z.looseObject(itemResultShape);

/** Builds a list answer item schema with method-specific fields. */
export function itemWith<S extends z.ZodRawShape>(extra: S) {
  return z.looseObject({ ...itemResultShape, ...extra });
}

/** An answer with no documented content: whatever REG.API sends passes through. */
export const looseAnswer = z.looseObject({});

/** Builds an answer schema whose `domains` list carries one outcome per domain. */
export function domainsAnswer<I extends z.ZodType = typeof itemResult, S extends z.ZodRawShape = {}>(
  item?: I,
  extra?: S,
) {
  return z.looseObject({ domains: z.array(item ?? itemResult).optional(), ...(extra ?? ({} as S)) });
}

/** Builds an answer schema whose `services` list carries one outcome per service. */
export function servicesAnswer<I extends z.ZodType = typeof itemResult, S extends z.ZodRawShape = {}>(
  item?: I,
  extra?: S,
) {
  return z.looseObject({ services: z.array(item ?? itemResult).optional(), ...(extra ?? ({} as S)) });
}

/** One line of a bill: the service it pays for. */
export const billLine = z.looseObject({
  itemtype: z.string().optional(),
  dname: z.string().optional(),
  servtype: z.string().optional(),
  service_id: idOut.optional(),
  action: z.string().optional(),
});

/** A bill as the bill methods return it. */
export const bill = z.looseObject({
  bill_id: idOut.optional(),
  bill_date: textOut.optional(),
  currency: z.string().optional(),
  payment: amountOrNullOut.optional(),
  total_payment: amountOrNullOut.optional(),
  orig_payment: amountOrNullOut.optional(),
  pay_type: z.string().optional(),
  old_pay_type: z.string().optional(),
  pay_status: z.string().optional().describe('notpayed, confirmed, payed or cancelled'),
  pay_date: textOut.optional(),
  items: z.array(billLine).optional(),
  status: z.string().optional(),
  result: z.string().optional(),
  error_code: z.string().optional(),
  error_text: z.string().optional(),
});

/** The answer of every bill method. */
export const billsAnswer = z.looseObject({ bills: z.array(bill).optional() });

/** Money fields in the answer of a method that orders, renews or pays. */
export const paymentAnswerShape = {
  bill_id: idOut.optional(),
  payment: amountOrNullOut.optional(),
  total_payment: amountOrNullOut.optional(),
  pay_type: z.string().optional(),
  pay_notes: z.string().optional(),
  currency: z.string().optional(),
  service_id: idOut.optional(),
};

/** One service as service/get_info and service/get_list describe it. */
export const serviceInfo = itemWith({
  subtype: z.string().optional(),
  state: z.string().optional().describe('N not active, A active, S suspended, D deleted, O moved to another registrar'),
  creation_date: textOut.optional(),
  expiration_date: textOut.optional(),
  user_servid: z.string().optional(),
  uplink_service_id: idOut.optional(),
});

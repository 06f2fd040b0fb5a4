import { itemError, type Params } from '../protocol.js';
import { identificationOf, listObjects, resolveService, serviceSummary } from '../model/identify.js';
import type { ServiceRecord } from '../model/state.js';
import type { HandlerContext } from './context.js';

/** What the work on one list element returns: extra answer fields, or an error code for that element. */
export type ItemResult = Params | ItemFailure;

/** A failed element: its error code, the values for the error text, and extra fields to show with it. */
export interface ItemFailure {
  error: string;
  params?: Record<string, unknown>;
  extra?: Params;
}

function isError(result: ItemResult): result is ItemFailure {
  return typeof result.error === 'string';
}

/** Returns the keys a failed element shows: what the caller sent, with `domain_name` also given as `dname`. */
function echoOf(input: Params): Params {
  const echo = identificationOf(input);
  if (echo.dname === undefined && echo.domain_name !== undefined) echo.dname = echo.domain_name;
  if (Object.keys(echo).length === 0) return { ...input };
  return echo;
}

/**
 * Runs `work` for every object of a list-capable call and builds REG.API's second error level: each
 * element carries its own `result`, and a failed element its `error_code` and `error_text`, while the
 * call as a whole succeeds.
 */
export function answerEach(
  context: HandlerContext,
  field: 'domains' | 'services',
  work: (service: ServiceRecord, input: Params) => ItemResult,
  defaultServtype = 'domain',
): Params[] {
  return listObjects(context.params, field).map((input) => {
    const resolved = resolveService(context.account, input, defaultServtype);
    if (!resolved.ok) return itemError(echoOf(input), resolved.code, context.lang, resolved.params);
    const summary = serviceSummary(resolved.service);
    const result = work(resolved.service, input);
    if (isError(result)) return { ...itemError(summary, result.error, context.lang, result.params), ...result.extra };
    return { ...summary, result: 'success', ...result };
  });
}

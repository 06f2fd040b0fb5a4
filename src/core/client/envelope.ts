import { RegApiError, TransportError } from './errors.js';
import { hintFor } from './hints.js';
import { redactErrorParams, scrubText, stripEcho } from './redact.js';
import type { RawAnswer } from './transport.js';
import type { ItemOutcome, RedactedRequest } from './types.js';

/** The list fields whose elements carry their own `result` (REG.API's second error level). */
export const ITEM_LIST_FIELDS = ['domains', 'services', 'bills'] as const;

/** Values of an element's `result` that mean it succeeded; domain/check says `Available` for a free name. */
const ITEM_SUCCESS = new Set(['success', 'Available']);

const EXCERPT_LENGTH = 200;

export interface JudgeContext {
  path: string;
  request: RedactedRequest;
  /** Strings that must never appear in an excerpt (password, key passphrase). */
  secrets: readonly string[];
  /** How the answer's list elements are judged; `none` where `error_code` in an element is data. */
  itemOutcomes: 'judge' | 'report' | 'none';
}

export interface JudgedAnswer {
  answer: unknown;
  items: ItemOutcome[];
}

function excerpt(body: string, secrets: readonly string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const cut = flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
  return scrubText(cut, secrets);
}

function keyOf(item: Record<string, unknown>): string | undefined {
  const key = item.dname ?? item.domain_name ?? item.service_id ?? item.bill_id;
  return key === undefined || key === null ? undefined : String(key);
}

/**
 * Judges each element of the answer's result list. An element succeeded only when its `result` is
 * `success` (or `Available`) and it has no `error_code`; an element with neither `result` nor
 * `error_code` is plain data, so such lists yield no outcomes.
 */
export function judgeItems(answer: unknown): ItemOutcome[] {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return [];
  for (const field of ITEM_LIST_FIELDS) {
    const list = (answer as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    const judged = list.some((item) => item && typeof item === 'object' && ('result' in item || 'error_code' in item));
    if (!judged) return [];
    return list.map((raw, index): ItemOutcome => {
      const item = (raw && typeof raw === 'object' ? raw : { value: raw }) as Record<string, unknown>;
      const result = item.result;
      const errorCode = typeof item.error_code === 'string' && item.error_code !== '' ? item.error_code : undefined;
      const ok = errorCode === undefined && typeof result === 'string' && ITEM_SUCCESS.has(result);
      const outcome: ItemOutcome = { index, key: keyOf(item), ok, item };
      if (!ok) {
        outcome.errorCode = errorCode ?? 'ITEM_FAILED';
        // Legacy answers put the error text into `result` itself.
        const text = item.error_text ?? (typeof result === 'string' && !ITEM_SUCCESS.has(result) ? result : undefined);
        outcome.errorText = typeof text === 'string' ? text : 'the element failed without an error text';
      }
      return outcome;
    });
  }
  return [];
}

/** Checks the whole envelope: HTTP status, JSON, `result`, and REG.API's error fields. */
export function judgeAnswer(raw: RawAnswer, context: JudgeContext): JudgedAnswer {
  const { path, request, secrets } = context;
  const text = raw.body.toString('utf8');
  let parsed: unknown;
  let parseFailed = false;
  try {
    parsed = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    parseFailed = true;
  }

  const envelope = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;

  if (envelope?.result === 'error' && typeof envelope.error_code === 'string') {
    const params = redactErrorParams((envelope.error_params ?? {}) as Record<string, unknown>, secrets);
    const code = envelope.error_code;
    throw new RegApiError({
      code,
      errorText: scrubText(typeof envelope.error_text === 'string' ? envelope.error_text : code, secrets),
      errorParams: params,
      path,
      hint: hintFor(code, params),
      request,
      httpStatus: raw.status,
    });
  }

  if (raw.status < 200 || raw.status > 299) {
    let body = 'a JSON body that is not an error envelope';
    if (text.trim() === '') body = 'an empty body';
    else if (parseFailed) body = `a non-JSON body: "${excerpt(text, secrets)}"`;
    throw new TransportError({
      failure: 'http_status',
      mayHaveReachedServer: true,
      message: `REG.API ${path} answered HTTP ${raw.status} with ${body}`,
      hint: raw.status >= 500 ? 'REG.RU or a proxy on the way is failing. Try again later; queued operations are checked before anything is sent again.' : 'Check REGAPI_URL and any proxy in between.',
      path,
      status: raw.status,
      excerpt: parseFailed ? excerpt(text, secrets) : undefined,
      request,
    });
  }

  if (text.trim() === '' || parseFailed) {
    throw new TransportError({
      failure: 'not_json',
      mayHaveReachedServer: true,
      message: text.trim() === '' ? `REG.API ${path} answered with an empty body` : `REG.API ${path} answered with something that is not JSON: "${excerpt(text, secrets)}"`,
      hint: 'The answer was not REG.API\'s JSON envelope; a proxy or an outage page may be in the way. Try again later.',
      path,
      status: raw.status,
      excerpt: parseFailed ? excerpt(text, secrets) : undefined,
      request,
    });
  }

  if (!envelope || envelope.result !== 'success') {
    const shown = envelope ? JSON.stringify(envelope.result) : 'no object';
    throw new TransportError({
      failure: 'bad_envelope',
      mayHaveReachedServer: true,
      message: `REG.API ${path} answered with result ${shown}, which is neither "success" nor "error"`,
      hint: 'The outcome is unknown. Check the object at REG.RU before sending the request again.',
      path,
      status: raw.status,
      request,
    });
  }

  const answer = stripEcho(envelope.answer);
  const items = context.itemOutcomes === 'none' ? [] : judgeItems(answer);
  return { answer, items };
}

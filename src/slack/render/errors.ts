import { RateLimitedError, RegApi2Error, RegApiError, TransportError, ValidationError } from '../../core/client/errors.js';
import type { OperationError } from '../../core/operations/types.js';
import { explainErrorCode, messagesFor, slackDate, type Locale } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';

/** `error_params` keys that name the object an error is about, in the order people look for them. */
const OBJECT_PARAMS = ['domain_name', 'dname', 'service_id', 'param', 'command_name', 'tld', 'servtype'];

/** One line for a code: the code itself and what it means, in the locale. */
export function explainCode(locale: Locale, code: string, fallbackText?: string): string {
  const t = messagesFor(locale);
  const explanation = explainErrorCode(locale, code) ?? t.error_unknownCode({ text: escapeSlackText(fallbackText ?? code) });
  return t.error_coded({ code, explanation });
}

function objectLine(locale: Locale, params: Record<string, unknown>): string | undefined {
  const parts = OBJECT_PARAMS.filter((key) => params[key] !== undefined && params[key] !== '').map((key) => `${key} ${escapeSlackText(String(params[key]))}`);
  return parts.length > 0 ? messagesFor(locale).error_object({ object: parts.join(', ') }) : undefined;
}

/**
 * Explains an error for a person in Slack: the stable code, its meaning in the locale, the object, and
 * for English readers the core's next step. Unknown errors get a generic line; their details stay in
 * the log, so nothing internal (or secret) reaches the chat.
 */
export function describeError(locale: Locale, error: unknown): string {
  const t = messagesFor(locale);

  if (error instanceof ValidationError) {
    const list = error.issues.map((issue) => `• ${escapeSlackText(issue.path ? `${issue.path}: ${issue.message}` : issue.message)}`).join('\n');
    return withHint(locale, t.validation_failed({ list }), error.hint);
  }

  if (error instanceof RegApiError) {
    const failed = error.items.filter((item) => !item.ok);
    if (failed.length > 1) {
      const list = failed
        .map((item) => `• ${escapeSlackText(item.key ?? `#${item.index + 1}`)}: ${explainCode(locale, item.errorCode ?? 'ERROR', item.errorText)}`)
        .join('\n');
      return t.partial_failed({ list });
    }
    const lines = [explainCode(locale, error.code, error.errorText)];
    const object = objectLine(locale, { ...error.errorParams, ...(failed[0]?.key ? { domain_name: failed[0].key } : {}) });
    if (object) lines.push(object);
    return withHint(locale, lines.join('\n'), error.hint);
  }

  if (error instanceof RateLimitedError) {
    return `${explainCode(locale, error.code)}\n${t.error_retryAt({ date: slackDate(error.retryAt) })}`;
  }

  if (error instanceof TransportError || error instanceof RegApi2Error) {
    return withHint(locale, explainCode(locale, error.code, error.message), error.hint);
  }

  return t.error_internal();
}

/** Explains the error an operation ended with, as the queue stored it. */
export function describeOperationError(locale: Locale, error: OperationError): string {
  const lines = [explainCode(locale, error.code, error.message)];
  const object = error.params ? objectLine(locale, error.params) : undefined;
  if (object) lines.push(object);
  return withHint(locale, lines.join('\n'), error.hint);
}

/** The core's hints are in English, so only English readers get them; the Russian tables carry the next step. */
function withHint(locale: Locale, text: string, hint: string | undefined): string {
  if (locale !== 'en' || !hint) return text;
  return `${text}\n${messagesFor(locale).error_hint({ hint: escapeSlackText(hint) })}`;
}

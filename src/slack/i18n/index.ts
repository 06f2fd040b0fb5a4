import { en, type Messages } from './en.js';
import { ru } from './ru.js';
import { isKnownErrorCode } from './error-codes.js';
import { errorsEn } from './errors.en.js';
import { errorsRu } from './errors.ru.js';

export type Locale = 'ru' | 'en';

/** Russian is the default for people in Slack; `/regapi lang en` switches one person to English. */
export const DEFAULT_LOCALE: Locale = 'ru';

export type { Messages } from './en.js';

const CATALOGUES: Record<Locale, Messages> = { ru, en };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'en';
}

/** The explanation of an error code in the locale, or undefined for a code the tables do not have. */
export function explainErrorCode(locale: Locale, code: string): string | undefined {
  if (!isKnownErrorCode(code)) return undefined;
  return locale === 'ru' ? errorsRu[code] : errorsEn[code];
}

/** REG.API names the ruble `RUR`; Intl and ISO 4217 call it `RUB`. */
function isoCurrency(currency: string | undefined): string {
  const upper = (currency ?? 'RUB').toUpperCase();
  return upper === 'RUR' ? 'RUB' : upper;
}

/** An amount for people in the locale's format: `1 234,50 ₽` in Russian, `RUB 1,234.50` in English. */
export function formatMoney(locale: Locale, amount: number, currency?: string): string {
  const code = isoCurrency(currency);
  try {
    return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', { style: 'currency', currency: code }).format(amount);
  } catch {
    // An unknown currency code makes Intl throw; show the number and the code as REG.API sent them.
    return `${new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US').format(amount)} ${code}`;
  }
}

/**
 * A date in Slack's `<!date^...>` syntax, which every reader's client shows in their own time zone and
 * format. The fallback after `|` is for clients that cannot render it. `withTime: false` is for
 * calendar dates such as expiry dates, which REG.API gives without a time.
 */
export function slackDate(iso: string | Date, options: { withTime?: boolean } = {}): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  const seconds = Math.floor(date.getTime() / 1000);
  if (options.withTime === false) return `<!date^${seconds}^{date_short_pretty}|${date.toISOString().slice(0, 10)}>`;
  const fallback = date.toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
}

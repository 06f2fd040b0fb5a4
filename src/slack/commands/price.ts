import { toUnicode } from '../../core/idn.js';
import { formatMoney } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { asRecord, readAmount } from './amounts.js';
import type { CommandRequest, Reply } from './types.js';

/** Looks the TLD up in `domain/get_prices`, whose keys are Unicode for Cyrillic zones (`рф`). */
export async function runPrice(request: CommandRequest, tldText: string): Promise<Reply> {
  const { t, locale } = request;
  const tld = toUnicode(tldText) || tldText.toLowerCase();
  const answer = asRecord((await request.deps.core.call('domain/get_prices', {})).answer);
  const prices = asRecord(answer.prices);
  const entry = prices[tld] ?? prices[tldText.toLowerCase()];
  if (entry === undefined) return { text: t.price_unknown({ tld: escapeSlackText(tld) }) };

  const currency = typeof answer.currency === 'string' ? answer.currency : undefined;
  const show = (value: unknown): string => {
    const amount = readAmount(value);
    return amount === undefined ? t.price_missing() : formatMoney(locale, amount, currency);
  };
  const row = asRecord(entry);
  return { text: t.price_line({ tld: escapeSlackText(tld), reg: show(row.reg_price), renew: show(row.renew_price) }) };
}

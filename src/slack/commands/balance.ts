import { formatMoney } from '../i18n/index.js';
import { asRecord, readAmount } from './amounts.js';
import type { CommandRequest, Reply } from './types.js';

/** The balance is account data, so it only ever goes to the person who asked (an ephemeral reply). */
export async function runBalance(request: CommandRequest): Promise<Reply> {
  const { t, locale } = request;
  const answer = asRecord((await request.deps.core.call('user/get_balance', {}, { fresh: true })).answer);
  const currency = typeof answer.currency === 'string' ? answer.currency : undefined;
  const money = (value: unknown): string => formatMoney(locale, readAmount(value) ?? 0, currency);
  return { text: t.balance_text({ available: money(answer.prepay), blocked: money(answer.blocked), credit: money(answer.credit) }) };
}

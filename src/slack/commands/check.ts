import { RegApiError } from '../../core/client/errors.js';
import type { ItemOutcome } from '../../core/client/types.js';
import { displayDomain } from '../../core/idn.js';
import { formatMoney } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { explainCode } from '../render/errors.js';
import { readAmount } from './amounts.js';
import { readDomain } from './target.js';
import type { CommandRequest, Reply } from './types.js';

/** Checks availability with one bulk `domain/check` and lists each name with its price or reason. */
export async function runCheck(request: CommandRequest, names: string[]): Promise<Reply> {
  const { t, locale } = request;
  const invalid = names.filter((name) => readDomain(name) === undefined);
  if (invalid.length > 0) return { text: invalid.map((value) => t.problem_badDomain({ value: escapeSlackText(value) })).join('\n') };

  const domains = names.map((name) => ({ dname: readDomain(name) as string }));
  let items: ItemOutcome[];
  try {
    items = (await request.deps.core.call('domain/check', { domains })).items;
  } catch (error) {
    // Every name taken or invalid is still an answer here: the core raises it because no item succeeded.
    if (!(error instanceof RegApiError) || error.items.length === 0) throw error;
    items = error.items;
  }

  const lines = items.map((item) => {
    const name = escapeSlackText(displayDomain(item.key ?? domains[item.index]?.dname ?? '?'));
    if (item.ok) {
      const price = readAmount(item.item.price);
      const currency = typeof item.item.currency === 'string' ? item.item.currency : undefined;
      return t.check_available({ name, price: price !== undefined ? formatMoney(locale, price, currency) : undefined });
    }
    return t.check_unavailable({ name, reason: explainCode(locale, item.errorCode ?? 'ERROR', item.errorText) });
  });
  return { text: [t.check_header({ count: items.length }), ...lines].join('\n') };
}

import { RegApi2Error } from '../../client/errors.js';
import { displayDomain, toUnicode } from '../../idn.js';
import type { Preview } from '../types.js';
import { targetsOf } from './targets.js';
import type { PreviewCore } from './types.js';

type Answer = Record<string, unknown>;
type Quote = { price?: number; currency?: string; warnings: string[] };

const DEFAULT_CURRENCY = 'RUR';

function obj(value: unknown): Answer {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Answer) : {};
}

function list(value: unknown): Answer[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

function amount(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

function periodOf(input: Answer): number {
  return amount(input.period) ?? 1;
}

function failure(path: string, error: unknown): string {
  if (error instanceof RegApi2Error) return `${path} failed with ${error.code}, so the price is unknown: ${error.message}`;
  throw error;
}

/** Sums per-object prices; one missing price makes the total unknown, because a partial sum would understate it. */
function total(prices: (number | undefined)[]): number | undefined {
  return prices.every((price): price is number => price !== undefined) && prices.length > 0 ? prices.reduce((sum, price) => sum + price, 0) : undefined;
}

/** Reads `domain/get_prices` once: prices per TLD, keyed as REG.API keys them (Cyrillic TLDs in Unicode). */
async function domainPriceTable(core: PreviewCore, warnings: string[]): Promise<{ prices: Answer; currency?: string }> {
  try {
    const answer = obj((await core.call('domain/get_prices', { show_renew_data: 1 })).answer);
    return { prices: obj(answer.prices), currency: typeof answer.currency === 'string' ? answer.currency : undefined };
  } catch (error) {
    warnings.push(failure('domain/get_prices', error));
    return { prices: {} };
  }
}

function tldPrices(table: Answer, dname: string): Answer {
  const tld = tldOf(dname);
  return obj(table[tld] ?? table[toUnicode(tld)]);
}

/**
 * domain/create and domain/transfer: `domain/check` quotes the first year of each name. It is a
 * partner method, so for other accounts (and names it quotes no price for) a registration is priced
 * from `domain/get_prices`. Each further year is priced at the TLD's `renew_price`, which is an
 * estimate because REG.API does not document how it prices a multi-year registration.
 */
async function quoteDomainOrder(core: PreviewCore, path: string, input: Answer): Promise<Quote> {
  const warnings: string[] = [];
  const domains = targetsOf(input).domains;
  const currency = typeof input.currency === 'string' ? input.currency : DEFAULT_CURRENCY;
  const check: Answer = { domains: domains.map((dname) => ({ dname })), currency };
  if (path === 'domain/transfer') check.is_transfer = 1;
  let answers: Answer[] = [];
  let quoted: string | undefined;
  try {
    answers = list(obj((await core.call('domain/check', check, { fresh: true })).answer).domains);
    const withCurrency = answers.find((entry) => typeof entry.currency === 'string')?.currency;
    quoted = typeof withCurrency === 'string' ? withCurrency : undefined;
  } catch (error) {
    warnings.push(failure('domain/check', error));
  }

  const period = periodOf(input);
  let table: { prices: Answer; currency?: string } | undefined;
  const prices: (number | undefined)[] = [];
  for (const [index, dname] of domains.entries()) {
    const entry = answers[index] ?? {};
    if (entry.error_code !== undefined) warnings.push(`${displayDomain(dname)}: domain/check answered ${String(entry.error_code)}.`);
    let first = amount(entry.price);
    if (first === undefined || period > 1) table ??= await domainPriceTable(core, warnings);
    if (first === undefined && path === 'domain/create' && table) {
      first = amount(tldPrices(table.prices, dname).reg_price);
      if (first !== undefined) quoted ??= table.currency;
    }
    let price = first;
    if (price !== undefined && period > 1 && table) {
      const renew = amount(tldPrices(table.prices, dname).renew_price);
      price = renew === undefined ? undefined : price + renew * (period - 1);
      if (price !== undefined) {
        warnings.push(`${displayDomain(dname)}: ${period} years are priced as the first year plus ${period - 1} renewal(s) at ${renew}; this is an estimate.`);
      }
    }
    if (price === undefined) warnings.push(`REG.API quoted no price for ${displayDomain(dname)} for ${period} year(s); the price is unknown.`);
    prices.push(price);
  }
  return { price: total(prices), currency: quoted ?? currency, warnings };
}

function tldOf(dname: string): string {
  return dname.slice(dname.indexOf('.') + 1);
}

/** One service as `service/get_info` describes it. */
interface ServiceInfo {
  serviceId?: string;
  dname?: string;
  servtype?: string;
  subtype?: string;
}

/**
 * Finds the service-type price: `service/get_prices` lists `servortld`, `subtype` and the price per
 * unit. NOTE: the documentation does not name the renewal field that `show_renew_data` adds, so
 * `renew_price` and `price_renew` are tried. Without either, the renewal price is reported unknown.
 */
function servicePrice(prices: Answer[], servtype: string, subtype: string | undefined, renew: boolean): number | undefined {
  const row = prices.find((entry) => entry.servortld === servtype && (subtype === undefined || entry.subtype === subtype || entry.subtype === ''));
  if (row === undefined) return undefined;
  return renew ? amount(row.renew_price ?? row.price_renew) : amount(row.price);
}

async function servicePrices(core: PreviewCore, renew: boolean, warnings: string[]): Promise<{ prices: Answer[]; currency?: string }> {
  try {
    const answer = obj((await core.call('service/get_prices', renew ? { show_renew_data: 1 } : {})).answer);
    return { prices: list(answer.prices), currency: typeof answer.currency === 'string' ? answer.currency : undefined };
  } catch (error) {
    warnings.push(failure('service/get_prices', error));
    return { prices: [] };
  }
}

/** service/create: the price of the service type and plan from `service/get_prices`, times the period. */
async function quoteServiceOrder(core: PreviewCore, input: Answer): Promise<Quote> {
  const warnings: string[] = [];
  const servtype = typeof input.servtype === 'string' ? input.servtype : '';
  const subtype = typeof input.subtype === 'string' ? input.subtype : undefined;
  const { prices, currency } = await servicePrices(core, false, warnings);
  const unit = servicePrice(prices, servtype, subtype, false);
  if (unit === undefined) {
    warnings.push(`service/get_prices lists no price for ${servtype}${subtype ? ` plan ${subtype}` : ''}; the price is unknown.`);
    return { currency, warnings };
  }
  return { price: unit * periodOf(input), currency, warnings };
}

/** service/renew: `service/get_info` finds each service's type; domains are priced by `domain/get_prices`, services by `service/get_prices`. */
async function quoteRenewal(core: PreviewCore, input: Answer): Promise<Quote> {
  const warnings: string[] = [];
  const lookup: Answer = {};
  for (const field of ['service_id', 'domain_name', 'dname', 'servtype', 'user_servid', 'services'] as const) {
    if (input[field] !== undefined) lookup[field] = input[field];
  }
  if (Array.isArray(input.domains)) lookup.services = [...(Array.isArray(lookup.services) ? lookup.services : []), ...input.domains];

  let services: ServiceInfo[];
  try {
    const answer = obj((await core.call('service/get_info', lookup, { fresh: true })).answer);
    services = list(answer.services).map((entry) => ({
      serviceId: entry.service_id === undefined ? undefined : String(entry.service_id),
      dname: typeof entry.dname === 'string' ? entry.dname : undefined,
      servtype: typeof entry.servtype === 'string' ? entry.servtype : undefined,
      subtype: typeof entry.subtype === 'string' ? entry.subtype : undefined,
    }));
  } catch (error) {
    return { warnings: [failure('service/get_info', error)] };
  }

  let domainTable: Answer | undefined;
  let serviceTable: { prices: Answer[]; currency?: string } | undefined;
  let currency: string | undefined;
  const prices: (number | undefined)[] = [];
  for (const service of services) {
    const label = service.dname ? displayDomain(service.dname) : `service ${service.serviceId ?? '?'}`;
    if (service.servtype === 'domain' && service.dname) {
      if (domainTable === undefined) {
        const table = await domainPriceTable(core, warnings);
        domainTable = table.prices;
        currency ??= table.currency;
      }
      const price = amount(tldPrices(domainTable, service.dname).renew_price);
      if (price === undefined) warnings.push(`domain/get_prices lists no renewal price for .${tldOf(service.dname)} (${label}).`);
      prices.push(price);
      continue;
    }
    serviceTable ??= await servicePrices(core, true, warnings);
    currency ??= serviceTable.currency;
    const price = servicePrice(serviceTable.prices, service.servtype ?? '', service.subtype, true);
    if (price === undefined) warnings.push(`service/get_prices lists no renewal price for ${service.servtype ?? 'an unknown type'} (${label}).`);
    prices.push(price);
  }
  const sum = total(prices);
  return { price: sum === undefined ? undefined : sum * periodOf(input), currency, warnings };
}

/** Reads the balance that prepaid orders draw on (`prepay` of `user/get_balance`). */
async function balance(core: PreviewCore, currency: string | undefined, warnings: string[]): Promise<number | undefined> {
  try {
    const answer = obj((await core.call('user/get_balance', currency ? { currency } : {}, { fresh: true })).answer);
    const prepay = amount(answer.prepay);
    if (prepay === undefined) warnings.push('user/get_balance returned no prepay amount; the balance is unknown.');
    return prepay;
  } catch (error) {
    if (error instanceof RegApi2Error) {
      warnings.push(`user/get_balance failed with ${error.code}; the balance is unknown.`);
      return undefined;
    }
    throw error;
  }
}

/** bill/change_pay_type: with `prepay` the bills are paid from the balance, so the price is their sum from `bill/nop`. */
async function quoteBillPayment(core: PreviewCore, input: Answer): Promise<Quote> {
  const currency = typeof input.currency === 'string' ? input.currency : undefined;
  if (input.pay_type !== 'prepay') {
    return { currency, warnings: [`The bills switch to pay_type ${String(input.pay_type)}; nothing is paid from the balance now.`] };
  }
  const bills = targetsOf(input).billIds;
  try {
    const answer = obj((await core.call('bill/nop', { bills }, { fresh: true })).answer);
    const payments = list(answer.bills).map((bill) => amount(bill.payment));
    const price = payments.length === bills.length ? total(payments) : undefined;
    const warnings = price === undefined ? [`bill/nop returned no amount for every one of bills ${bills.join(', ')}; the price is unknown.`] : [];
    return { price, currency, warnings };
  } catch (error) {
    return { currency, warnings: [failure('bill/nop', error)] };
  }
}

async function quote(core: PreviewCore, path: string, input: Answer): Promise<Quote> {
  switch (path) {
    case 'domain/create':
    case 'domain/transfer':
      return quoteDomainOrder(core, path, input);
    case 'service/create':
      return quoteServiceOrder(core, input);
    case 'service/renew':
      return quoteRenewal(core, input);
    case 'bill/change_pay_type':
      return quoteBillPayment(core, input);
    case 'service/refill': {
      const price = amount(input.amount);
      return { price, currency: typeof input.currency === 'string' ? input.currency : undefined, warnings: [] };
    }
    default:
      return { warnings: [`REG.API quotes no price for ${path} in advance; the amount appears on the bill it creates.`] };
  }
}

/** Previews a billing call: the price REG.API quotes and the balance before and after. */
export async function previewBilling(core: PreviewCore, path: string, input: Answer, targets: string[]): Promise<Omit<Preview, 'confirmWith'>> {
  const quoted = await quote(core, path, input);
  const warnings = [...quoted.warnings];
  const balanceBefore = await balance(core, quoted.currency, warnings);
  const currency = quoted.currency ?? DEFAULT_CURRENCY;
  const preview: Omit<Preview, 'confirmWith'> = {
    headline: `${path} for ${targets.join(', ') || 'the account'}: ${quoted.price === undefined ? 'price unknown' : `${quoted.price.toFixed(2)} ${currency}`}`,
    currency,
    warnings,
  };
  if (quoted.price !== undefined) preview.price = quoted.price;
  if (balanceBefore !== undefined) preview.balanceBefore = balanceBefore;
  if (balanceBefore !== undefined && quoted.price !== undefined) {
    preview.balanceAfter = Math.round((balanceBefore - quoted.price) * 100) / 100;
    if (preview.balanceAfter < 0) warnings.push(`The balance of ${balanceBefore} ${currency} does not cover ${quoted.price} ${currency}; REG.API will answer NOT_ENOUGH_MONEY unless ok_if_no_money is set.`);
  }
  return preview;
}

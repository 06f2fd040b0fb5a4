import { ApiError, itemError, type Params } from '../protocol.js';
import { createBill, decidePayment, paymentTerms, readPeriod } from '../model/billing.js';
import { hasIdentification, listObjects } from '../model/identify.js';
import { checkRegistrableName } from '../model/names.js';
import { addPeriod, emptyZone, isoDate, REG_RU_NSS, usesRegRuNss, type BillItem, type ServiceRecord, type World } from '../model/state.js';
import type { Handler, HandlerContext } from './context.js';
import { checkUserServid } from './user-servid.js';

/** True when any account in the sandbox owns the domain, because the registry spans every account. */
export function isRegistered(world: World, ascii: string): boolean {
  for (const account of world.accounts.values()) {
    if (account.services.some((service) => service.servtype === 'domain' && service.dname === ascii && service.state !== 'D')) return true;
  }
  return false;
}

/** Builds REG.API's legacy item for a taken name, where `result` contains the error text. */
export function alreadyExists(dname: string, lang: Parameters<typeof itemError>[2]): Params {
  const item = itemError({ dname }, 'DOMAIN_ALREADY_EXISTS', lang);
  return { dname, error_code: item.error_code, result: item.error_text };
}

/** Reads the name servers from `nss` (`{ns0, ns1, ...}`) or top-level `ns0`..`ns3`; REG.RU's own by default, none with `not_delegated`. */
export function requestedNss(params: Params): string[] {
  if (String(params.not_delegated ?? '0') === '1') return [];
  const source = params.nss !== null && typeof params.nss === 'object' ? (params.nss as Params) : params;
  const hosts = ['ns0', 'ns1', 'ns2', 'ns3']
    .map((key) => source[key])
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map((host) => host.toLowerCase().replace(/\.$/, ''));
  return hosts.length > 0 ? hosts : [...REG_RU_NSS];
}

function hasContacts(params: Params, item: Params): boolean {
  return [params.contacts, params.profile_name, params.e_mail, params.o_email, item.contacts].some(
    (value) => value !== undefined && value !== '',
  );
}

/** Top-level domains whose transfers go without authinfo; REG.API asks for it only in gTLD transfers. */
const NO_AUTHINFO_TLDS = new Set(['ru', 'su', 'xn--p1ai']);

/** Returns the error code that rejects a transfer of one name for its authinfo, if any. */
function authinfoProblem(tld: string, authinfo: unknown): string | undefined {
  if (NO_AUTHINFO_TLDS.has(tld) || tld.endsWith('.ru')) return undefined;
  const code = authinfo === undefined || authinfo === null ? '' : String(authinfo);
  if (code === '') return 'AUTHINFO_NOT_FOUND';
  return code.length < 5 || code.length > 48 ? 'INVALID_AUTHINFO' : undefined;
}

/**
 * Registers (`create`) or transfers in (`transfer`) the named domains in one bill. Taken or invalid
 * names fail on their own. A reused `user_servid`, a missing partner `enduser_ip` and an uncovered
 * prepay order fail the whole call. A transfer needs no contacts but, outside the RU zones, an authinfo
 * of 5 to 48 characters, and it costs one period unit even with `period` 0.
 * NOTE: a paid transfer completes at once in the sandbox, while a real one takes days.
 */
function orderDomains(context: HandlerContext, mode: 'create' | 'transfer'): Params {
  const { account, world, params, lang } = context;
  if (!Array.isArray(params.domains) && !hasIdentification(params)) {
    throw new ApiError(mode === 'transfer' ? 'DOMAINS_NOT_FOUND' : 'NO_DOMAIN');
  }
  if (account.partner && (params.enduser_ip === undefined || params.enduser_ip === '')) {
    throw new ApiError('PARAMETER_MISSING', { param: 'enduser_ip' });
  }
  const period = mode === 'transfer' ? Math.max(readPeriod(params, true), 1) : readPeriod(params);
  const tlds = new Set(account.tldPrices.keys());
  const nss = requestedNss(params);
  const accepted: Array<{ index: number; ascii: string; unicode: string; price: number; userServid?: string }> = [];
  const seenServids = new Set<string>();
  const items: Params[] = listObjects(params, 'domains').map((input, index) => {
    const name = String(input.dname ?? input.domain_name ?? '');
    if (mode === 'create' && !hasContacts(params, input)) return itemError({ dname: name }, 'PARAMETER_MISSING', lang, { param: 'contacts' });
    const checked = checkRegistrableName(name, tlds);
    if (!checked.ok) return itemError({ dname: name }, checked.code, lang, { domain_name: name });
    const authinfo = mode === 'transfer' ? authinfoProblem(checked.tld, input.authinfo ?? params.authinfo) : undefined;
    if (authinfo !== undefined) return itemError({ dname: checked.unicode }, authinfo, lang);
    const ownUnpaid = account.services.some((service) => service.servtype === 'domain' && service.dname === checked.ascii && service.state === 'N');
    if (ownUnpaid) return itemError({ dname: checked.unicode }, 'DOMAIN_ALREADY_ORDERED', lang);
    if (isRegistered(world, checked.ascii) || accepted.some((entry) => entry.ascii === checked.ascii)) {
      return alreadyExists(checked.unicode, lang);
    }
    const userServid = checkUserServid(account, input.user_servid ?? (Array.isArray(params.domains) ? undefined : params.user_servid));
    if (userServid !== undefined) {
      if (seenServids.has(userServid)) throw new ApiError('USER_SERVID_IS_NOT_UNIQUE', { user_servid: userServid });
      seenServids.add(userServid);
    }
    const price = (account.tldPrices.get(checked.tld) ?? 0) * period;
    accepted.push({ index, ascii: checked.ascii, unicode: checked.unicode, price, userServid });
    return { dname: checked.unicode, result: 'success' };
  });
  if (accepted.length === 0) return { payment: 0, domains: items };

  const total = accepted.reduce((sum, entry) => sum + entry.price, 0);
  const terms = paymentTerms(params);
  const outcome = decidePayment(account, total, terms);
  const today = isoDate(new Date());
  const billItems: BillItem[] = [];
  for (const entry of accepted) {
    const service: ServiceRecord = {
      service_id: world.nextServiceId(),
      servtype: 'domain',
      subtype: '',
      dname: entry.ascii,
      user_servid: entry.userServid,
      state: outcome === 'paid' ? 'A' : 'N',
      creation_date: today,
      expiration_date: addPeriod(today, period, 'year'),
      autorenew: false,
      nss: [...nss],
    };
    account.services.push(service);
    if (usesRegRuNss(service)) account.zones.set(service.dname, emptyZone());
    billItems.push({ itemtype: 'service', dname: service.dname, servtype: 'domain', service_id: service.service_id, action: 'new' });
    items[entry.index] = { dname: entry.unicode, result: 'success', service_id: String(service.service_id) };
  }
  const bill = createBill(account, world, total, billItems, terms, outcome);
  return {
    bill_id: String(bill.bill_id),
    payment: total,
    pay_type: terms.payType,
    pay_notes: outcome === 'paid' ? 'Amount successfully charged' : `Bill created; pay it to ${mode} the domains`,
    ...(accepted.length === 1 ? { service_id: String(billItems[0]!.service_id) } : {}),
    domains: items,
  };
}

export const domainOrderHandlers: Record<string, Handler> = {
  'domain/create': (context) => orderDomains(context, 'create'),
  'domain/transfer': (context) => orderDomains(context, 'transfer'),
};


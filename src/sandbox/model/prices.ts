import { toAsciiName } from './names.js';

/**
 * Default prices in rubles per period unit for configured accounts, the sandbox's own round numbers
 * (not REG.RU's price list). TLD keys are for domains, `srv_*` keys for services.
 */
export const DEFAULT_PRICES: Readonly<Record<string, number>> = {
  ru: 250,
  su: 300,
  'рф': 250,
  'рус': 300,
  'москва': 900,
  'msk.ru': 150,
  'spb.ru': 150,
  'com.ru': 150,
  com: 1200,
  net: 1300,
  org: 1200,
  online: 300,
  site: 300,
  srv_hosting_ispmgr: 100,
  srv_hosting_cpanel: 150,
  srv_hosting_plesk: 150,
  srv_webfwd: 120,
  srv_parking: 0,
  srv_dns_both: 60,
  srv_ssl_certificate: 1500,
  srv_certificate: 0,
  srv_antispam: 50,
  srv_seowizard: 500,
  srv_websitebuilder: 200,
  srv_license_isp: 300,
  srv_addip: 150,
};

/** Servtypes billed per month; every other service and every domain is billed per year. */
export const MONTHLY_SERVTYPES: ReadonlySet<string> = new Set([
  'srv_hosting_ispmgr',
  'srv_hosting_cpanel',
  'srv_hosting_plesk',
  'srv_addip',
  'srv_license_isp',
  'srv_antispam',
]);

/** Splits a price list into domain prices keyed by ASCII TLD and service prices keyed by servtype. */
export function splitPrices(prices: Readonly<Record<string, number>>): {
  tlds: Map<string, number>;
  servtypes: Map<string, number>;
} {
  const tlds = new Map<string, number>();
  const servtypes = new Map<string, number>();
  for (const [key, price] of Object.entries(prices)) {
    if (key.startsWith('srv_')) servtypes.set(key, price);
    else tlds.set(toAsciiName(key), price);
  }
  return { tlds, servtypes };
}

/**
 * The next step for a person, per REG.API error code. Codes missing here get a generic hint that
 * still names the code, because `error_text` is localised and may change while codes are stable.
 */
const HINTS: Record<string, (params: Record<string, unknown>) => string> = {
  ACCESS_DENIED_FROM_IP: (p) =>
    `REG.API refuses calls from this machine's IP address${p.command_name ? ` (command ${String(p.command_name)})` : ''}. Add this server's outgoing IP address in the REG.RU account under API settings (Настройки API → allowed IP addresses), or send requests through a proxy with a fixed allowed address (HTTPS_PROXY). This is not a password problem; retrying will not help.`,
  ONLY_POST_ALLOWED: () => 'REG.API accepts POST requests only. This is a defect in the client that sent the request; report it. Retrying will not help.',
  QUERY_PARAMS_DISALLOWED: () => 'REG.API refuses parameters in the URL. This is a defect in the client that sent the request; report it.',
  HTTPS_ONLY: () => 'REG.API accepts HTTPS only: set REGAPI_URL to an https:// address.',
  NO_AUTH: () => 'No credentials reached REG.API. Set REGAPI_USERNAME and REGAPI_PASSWORD (or username= and password= in ~/.regapi2).',
  NO_USERNAME: () => 'No login reached REG.API. Set REGAPI_USERNAME or username= in ~/.regapi2.',
  USER_AUTHENTICATION_FAILED: () => 'The login or password is wrong. Check REGAPI_USERNAME and REGAPI_PASSWORD; the alternative API password from the REG.RU API settings works too.',
  PASSWORD_AUTH_FAILED: () => 'The login or password is wrong. Check REGAPI_USERNAME and REGAPI_PASSWORD.',
  RESELLER_AUTH_FAILED: () => 'This method is for REG.RU partners (resellers) only; this account is not a partner.',
  ACCESS_DENIED: () => 'REG.RU has blocked API access for this account; contact REG.RU support.',
  ACCOUNT_BLOCKED: () => 'The REG.RU account is blocked; contact REG.RU support.',
  PURCHASES_DISABLED: () => 'Purchases are disabled for this account in REG.RU.',
  IP_EXCEEDED_ALLOWED_CONNECTION_RATE: () => 'REG.API allows 1,200 requests per hour from one IP address and has blocked further requests for now. Wait before trying again and lower REGAPI_RATE_BUDGET if other tools share this address.',
  ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE: () => 'REG.API allows 1,200 requests per hour per account and has blocked further requests for now. Wait before trying again and lower REGAPI_RATE_BUDGET if other tools use this account.',
  BILLING_LOCK: () => 'Another balance-changing request of this account is running at REG.RU. The operations queue waits and tries again; for a direct call, try again in a few seconds.',
  SERVICE_UNAVAILABLE: () => 'REG.API is temporarily unavailable. Try again later; queued operations are retried automatically.',
  INTERNAL_API_ERROR: () => 'REG.RU is temporarily failing (internal error on their side). Try again later; queued operations are checked before anything is sent again.',
  INTERNAL_ERROR: (p) => `REG.RU reported an internal error${p.error_detail ? ` (${String(p.error_detail)})` : ''}. Try again later; if it persists, contact REG.RU support with this code.`,
  NO_SUCH_COMMAND: (p) => `REG.API does not know the method ${p.command_name ? String(p.command_name) : ''}; it may have been removed. Check the method path.`,
  DOMAIN_NOT_FOUND: (p) => `The domain${p.domain_name ? ` ${String(p.domain_name)}` : ''} is not in this account. Check the name and the login in use.`,
  SERVICE_NOT_FOUND: () => 'No such service in this account. Check the domain name and servtype, or use service_id.',
  SERVICE_ID_NOT_FOUND: (p) => `Service ${p.service_id ? String(p.service_id) : ''} is not in this account. List services with service_get_list.`,
  INVALID_SERVICE_ID: () => 'The service id is not a number. Use the numeric service_id from service_get_list.',
  NO_DOMAIN: () => 'No domain name was given. Add domain_name or dname.',
  INVALID_DOMAIN_NAME_FORMAT: () => 'The domain name is invalid, or its zone is not served by REG.RU.',
  INVALID_DOMAIN_NAME_PUNYCODE: () => 'The punycode form of the domain name is invalid. Give the name in Unicode (пример.рф) or valid punycode (xn--...).',
  HAVE_MIXED_CODETABLES: () => 'The name mixes Latin and Cyrillic letters, which registries refuse. Retype it in one alphabet.',
  DOMAIN_IS_NOT_USE_REGRU_NSS: () => 'The domain does not use REG.RU name servers (ns1.reg.ru, ns2.reg.ru), so its zone cannot be edited here. Change its name servers first or edit the zone at its DNS provider.',
  TOO_MANY_OBJECTS_IN_ONE_REQUEST: (p) => `REG.API takes at most ${p.max_objects ? String(p.max_objects) : '1,000'} objects per request. regapi2 splits long lists itself; this came from a list it did not know as a bulk field.`,
  NOT_ENOUGH_MONEY: () => 'The balance is too low. Top up the REG.RU account, or order with ok_if_no_money to get an unpaid bill.',
  DOUBLE_ORDER: () => 'An unpaid order for this object exists already. Pay or delete its bill (bill_get_not_payed) instead of ordering again.',
  DOMAIN_ALREADY_ORDERED: () => 'This domain was ordered already and waits for payment. Pay the existing bill instead of ordering again.',
  USER_SERVID_IS_NOT_UNIQUE: () => 'A service with this user_servid exists already: an earlier attempt of this order went through. Look it up with service_get_info by user_servid.',
  DOMAIN_ORDER_LOCKED: () => 'Another order for this domain is still being processed. Wait for it to finish.',
  DOMAIN_ALREADY_EXISTS: () => 'The domain is registered already. Check it in whois.',
  PARAMETER_MISSING: (p) => `REG.API needs the parameter ${p.param ? String(p.param) : '(unnamed)'}. Add it and try again.`,
  PARAMETER_INCORRECT: (p) => `REG.API refused the value of ${p.param ? String(p.param) : 'a parameter'}. Check its format in the method's documentation.`,
  DOMAIN_PROTECTION: () => 'The domain-protection option of this domain forbids API operations. Turn it off in the REG.RU account first.',
  NOT_ALLOWED_ORDER_BY_API: () => 'This order cannot be placed through the API; place it in the REG.RU account.',
};

/** The next step for a person after a REG.API error code. */
export function hintFor(code: string, params: Record<string, unknown> = {}): string {
  const hint = HINTS[code];
  if (hint) return hint(params);
  return `REG.API answered ${code}. Check the request against the method's documentation; the code is stable, the text may vary.`;
}

/** Codes that mean REG.API did not execute the request and the same request may be sent again later. */
export const NOT_EXECUTED_CODES: ReadonlySet<string> = new Set([
  'BILLING_LOCK',
  'IP_EXCEEDED_ALLOWED_CONNECTION_RATE',
  'ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE',
  'SERVICE_UNAVAILABLE',
]);

/** Codes that mean an earlier attempt of the same order went through. */
export const ALREADY_DONE_CODES: ReadonlySet<string> = new Set([
  'USER_SERVID_IS_NOT_UNIQUE',
  'DOUBLE_ORDER',
  'DOMAIN_ALREADY_ORDERED',
  'ORDER_ALREADY_PAYED',
]);

/** Codes that name a defect in the client, not in the input or the account. */
export const CLIENT_DEFECT_CODES: ReadonlySet<string> = new Set(['ONLY_POST_ALLOWED', 'QUERY_PARAMS_DISALLOWED']);

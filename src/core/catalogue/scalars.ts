/** Scalar input pieces and small field groups shared by the category files. */
import { z } from 'zod';

/**
 * A domain name as a person types it: Unicode or punycode, any case, with or without a trailing dot.
 * The client turns it into the canonical punycode form before sending, so the schema only rejects
 * what can never be a name.
 */
export const domainName = z
  .string()
  .min(1, 'Domain name is empty: give a name such as example.ru')
  .max(254, 'Domain name is longer than 253 characters (254 with a trailing dot)')
  .describe('Domain name: Unicode (пример.рф) or punycode (xn--e1afmkfd.xn--p1ai), any case');

const SERVICE_ID_MESSAGE = 'service_id must be a whole number or a non-empty string';

/** A REG.API service id. REG.API itself rejects ids that are not numeric (`INVALID_SERVICE_ID`). */
export const serviceId = z
  .union([z.number().int(SERVICE_ID_MESSAGE).nonnegative(SERVICE_ID_MESSAGE), z.string().min(1, SERVICE_ID_MESSAGE)], {
    error: SERVICE_ID_MESSAGE,
  })
  .describe('REG.API service id (number or numeric string)');

const ID_MESSAGE = 'Expected an id: a whole number or a non-empty string';

/** Any other numeric id REG.API issues (bills, folders, lots, messages): a number or a string. */
export const idValue = z.union([z.number().int(ID_MESSAGE).nonnegative(ID_MESSAGE), z.string().min(1, ID_MESSAGE)], {
  error: ID_MESSAGE,
});

/** The caller-chosen order id: up to 32 characters 0-9 and a-f, unique per account. */
export const userServid = z
  .string()
  .regex(/^[0-9a-f]{1,32}$/, 'user_servid must be 1 to 32 lower-case hex characters (0-9, a-f)')
  .describe('Caller-chosen order id: 1 to 32 lower-case hex characters, unique per account');

/** A service type such as `domain`, `srv_hosting_ispmgr` or `srv_ssl_certificate`. */
export const servtype = z
  .string()
  .min(1, 'servtype is empty: give a service type such as srv_hosting_ispmgr')
  .describe('Service type: domain, srv_hosting_ispmgr, srv_ssl_certificate, srv_webfwd, srv_parking, ...');

/**
 * A 0/1 flag. People and models write `true`, `1` or `"1"`; REG.API expects 0 or 1, so the parsed
 * value is always the number.
 */
export const flag01 = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')], {
    error: 'Expected a flag: 0 or 1 (true and false are accepted)',
  })
  .transform((value): 0 | 1 => (value === true || value === 1 || value === '1' ? 1 : 0))
  .describe('0 or 1 (true and false are accepted)');

const WHOLE_NUMBER_MESSAGE = 'Expected a whole number of 0 or more (a number or a string of digits)';

/** A whole number given as a number or a digit string, as REG.API accepts both. */
export const wholeNumber = z.union(
  [
    z.number().int(WHOLE_NUMBER_MESSAGE).nonnegative(WHOLE_NUMBER_MESSAGE),
    z.string().regex(/^\d+$/, WHOLE_NUMBER_MESSAGE),
  ],
  { error: WHOLE_NUMBER_MESSAGE },
);

const MONEY_MESSAGE = 'Expected an amount of 0 or more, such as 100 or "120.50"';

/** A sum of money: a number or a decimal string such as `"120.00"`. */
export const money = z.union(
  [z.number().nonnegative(MONEY_MESSAGE), z.string().regex(/^\d+(\.\d+)?$/, MONEY_MESSAGE)],
  { error: MONEY_MESSAGE },
);

/** Order or renewal period in the unit of the service type (years for domains, months for most hosting). */
export const period = wholeNumber.describe(
  'Period in the unit of the service type: years for domains, usually months for hosting (see service/get_servtype_details)',
);

const PAID_PERIOD_MESSAGE = 'period must be a whole number of 1 or more; a registration, renewal or order of 0 periods buys nothing';

/**
 * A period that buys something: registrations, renewals and orders. Only domain/transfer takes 0
 * (the transfer without an extra year). Registries allow at most 10 years for a domain.
 */
export const paidPeriod = z
  .union([z.number().int(PAID_PERIOD_MESSAGE).min(1, PAID_PERIOD_MESSAGE), z.string().regex(/^[1-9]\d*$/, PAID_PERIOD_MESSAGE)], { error: PAID_PERIOD_MESSAGE })
  .describe('Period in the unit of the service type, 1 or more: years for domains, usually months for hosting');

const DOMAIN_YEARS_MESSAGE = 'period of a domain registration must be from 1 to 10 years';

/** Years of a domain registration: registries take 1 to 10. */
export const domainYears = z
  .union([z.number().int(DOMAIN_YEARS_MESSAGE).min(1, DOMAIN_YEARS_MESSAGE).max(10, DOMAIN_YEARS_MESSAGE), z.string().regex(/^([1-9]|10)$/, DOMAIN_YEARS_MESSAGE)], {
    error: DOMAIN_YEARS_MESSAGE,
  })
  .describe('Registration period in years, 1 to 10');

const CURRENCIES = ['RUR', 'RUB', 'USD', 'EUR', 'UAH'];

/** Currency code; REG.API's own examples use both upper and lower case. */
export const currency = z
  .string()
  .refine((value) => CURRENCIES.includes(value.toUpperCase()), {
    message: `Unknown currency: use one of ${CURRENCIES.join(', ')}`,
  })
  .describe(`Currency: ${CURRENCIES.join(', ')} (any case; RUR is REG.API's default)`);

/** A calendar date as `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date must be written as YYYY-MM-DD, e.g. 2026-01-31', abort: true })
  .refine((value) => isCalendarDate(value), { message: 'Date does not exist in the calendar' })
  .describe('Date as YYYY-MM-DD');

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const RECORD_NUMBER_MESSAGE = 'record_number must be one or two digits (0 to 99)';

/** A position among the NS records of a subdomain: one or two digits. */
export const recordNumber = z
  .union(
    [
      z.number().int(RECORD_NUMBER_MESSAGE).min(0, RECORD_NUMBER_MESSAGE).max(99, RECORD_NUMBER_MESSAGE),
      z.string().regex(/^\d{1,2}$/, RECORD_NUMBER_MESSAGE),
    ],
    { error: RECORD_NUMBER_MESSAGE },
  )
  .describe('Position of the NS record: one or two digits');

/** Payment settings shared by every method that orders, renews or pays. */
export const paymentShape = {
  pay_type: z
    .string()
    .min(1)
    .optional()
    .describe('Payment method: prepay (from the account balance, the default), bank, pbank, yacard'),
  ok_if_no_money: flag01
    .optional()
    .describe('1: create the order and an unpaid bill even when the balance is too low'),
  point_of_sale: z.string().optional().describe('Point of sale code (2017 documentation only)'),
};

/** Folder identification: `folder_id` is recommended, `folder_name` also works. */
export const folderShape = {
  folder_id: idValue.optional().describe('Folder id'),
  folder_name: z.string().min(1).optional().describe('Folder name'),
};

/** Placement of a new order in a folder. */
export const orderFolderShape = {
  ...folderShape,
  no_new_folder: flag01.optional().describe('1: do not create the folder when folder_name does not exist'),
};

const NS_SLOTS = Array.from({ length: 10 }, (_, slot) => slot);

/** Name server fields `ns0`..`ns9` (host names) and `ns0ip`..`ns9ip` (glue addresses, string or list). */
export const nsFieldsShape: Record<string, z.ZodOptional<z.ZodType>> = Object.fromEntries(
  NS_SLOTS.flatMap((slot) => [
    [`ns${slot}`, z.string().min(1).optional()],
    [`ns${slot}ip`, z.union([z.string(), z.array(z.string())]).optional()],
  ]),
);

/** The name servers of a domain as one `nss` object. */
export const nss = z
  .strictObject(nsFieldsShape)
  .describe('Name servers: ns0, ns1, ... host names, and ns0ip, ns1ip, ... glue addresses when the host is inside the domain');

/**
 * Contact fields for domain/create, transfer, update_contacts and set_rereg_bids. The sets differ per
 * TLD, so the common fields are named and any other field is accepted as a string value.
 */
export const contacts = z
  .object({
    // .RU, .SU, .РФ: person
    person: z.string().optional().describe('Person name in Latin letters (.RU/.SU/.РФ)'),
    person_r: z.string().optional().describe('Person name in Russian, older combined form'),
    person_r_surname: z.string().optional(),
    person_r_name: z.string().optional(),
    person_r_patronimic: z.string().optional(),
    passport: z.string().optional().describe('Passport data, older combined form'),
    passport_number: z.string().optional(),
    passport_place: z.string().optional(),
    passport_date: z.string().optional(),
    birth_date: z.string().optional(),
    p_addr: z.string().optional().describe('Postal address, older combined form'),
    p_addr_zip: z.string().optional(),
    p_addr_area: z.string().optional(),
    p_addr_city: z.string().optional(),
    p_addr_addr: z.string().optional(),
    p_addr_recipient: z.string().optional(),
    // .RU, .SU, .РФ: organisation
    org: z.string().optional(),
    org_r: z.string().optional(),
    code: z.string().optional().describe('Taxpayer number (INN)'),
    kpp: z.string().optional(),
    address_r: z.string().optional(),
    // Shared by the Russian sets
    phone: z.string().optional().describe('Phone: "+7 495 1234567" for .RU, "+7.4951234567" for gTLDs'),
    fax: z.string().optional(),
    e_mail: z.string().optional(),
    country: z.string().optional(),
    sms_security_number: z.string().optional(),
    private_person_flag: flag01.optional().describe('1: hide the owner data in WHOIS'),
    descr: z.string().optional(),
    // gTLD owner; the a_, t_ and b_ roles carry the same fields
    o_company: z.string().optional(),
    o_first_name: z.string().optional(),
    o_last_name: z.string().optional(),
    o_email: z.string().optional(),
    o_phone: z.string().optional(),
    o_fax: z.string().optional(),
    o_addr: z.string().optional(),
    o_city: z.string().optional(),
    o_state: z.string().optional(),
    o_postcode: z.string().optional(),
    o_country_code: z.string().optional(),
  })
  .catchall(z.string())
  .describe(
    'Contact data. Fields differ per TLD: .RU/.SU/.РФ use person_r_*, passport_*, p_addr_* (or org, org_r, code, kpp for organisations); ' +
      'gTLDs use o_, a_, t_, b_ prefixed company, first_name, last_name, email, phone, addr, city, state, postcode, country_code. ' +
      'Fields not named here are accepted as string values.',
  );

/** Saved contact profile instead of inline contacts. */
export const profileShape = {
  profile_type: z
    .string()
    .optional()
    .describe('Saved profile type: GTLD, EU, TJ, RU.PP, RU.ORG, NEWTCI.ORG, NEWTCI.PP'),
  profile_name: z.string().optional().describe('Name of the saved contact profile'),
};

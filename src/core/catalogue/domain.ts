/** The `domain` category: availability, prices, registration, transfers, name servers and contacts. */
import { z } from 'zod';
import { defineOperation, type BulkSpec } from './types.js';
import {
  amountOrNullOut,
  contacts,
  currency,
  domainItem,
  domainName,
  domainTarget,
  domainsAnswer,
  flag01,
  flagOut,
  idOut,
  idValue,
  isoDate,
  itemWith,
  looseAnswer,
  money,
  nss,
  nsFieldsShape,
  paymentAnswerShape,
  paymentShape,
  servicesAnswer,
  wholeNumber,
} from './shared.js';
import { authinfo, domainOrderShape, requireDomain, requireRegistrationData } from './domain-order.js';

const DOMAINS_BULK: BulkSpec = { field: 'domains', max: 1000 };

const CONTACTS_NOTE = 'Contact fields differ per TLD; fields not named in the schema are accepted as string values.';
const PREMIUM_PRICES_BULK: BulkSpec = { field: 'domains', max: 100 };

/** A list of TLDs: `"ru"`, `"ru,su"` or `["ru", "рф"]`. */
const tlds = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('TLDs such as ru, рф, com');

/** A numeric filter that REG.API takes as a number or a string. */
const numberFilter = z.union([z.number(), z.string()]);

/** Demands new name servers (ns0.., or nss) or `undelegate`, so that domain/update_nss changes something. */
function requireNameServers(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const named = Object.keys(nsFieldsShape).some((key) => value[key] !== undefined);
  if (named || value.nss !== undefined || value.undelegate !== undefined) return;
  ctx.addIssue({
    code: 'custom',
    path: ['nss'],
    message: 'No name servers given: give ns0, ns1, ... or nss, or undelegate: 1 to remove the delegation',
  });
}

/** Builds a request schema that names one domain by name only, as the glue-host methods take it. */
function byDomainName<S extends z.ZodRawShape>(extra: S) {
  return z
    .strictObject({ domain_name: domainName.optional(), dname: domainName.optional(), ...extra })
    .superRefine(requireDomain);
}

const orderAnswer = domainsAnswer(itemWith({}), paymentAnswerShape);

const nsEntry = z.looseObject({ ns: z.string().optional(), ip: z.union([z.string(), z.array(z.string())]).optional() });

const reregLot = z.looseObject({
  dname: z.string().optional(),
  tld: z.string().optional(),
  start_price: amountOrNullOut.optional(),
  bid: amountOrNullOut.optional(),
  price: amountOrNullOut.optional(),
  user_bid: amountOrNullOut.optional(),
  max_bid: amountOrNullOut.optional(),
  next_price: amountOrNullOut.optional(),
  blitz_price: amountOrNullOut.optional(),
  is_active: flagOut.optional(),
  is_recommended: flagOut.optional(),
});

export const domainOperations = [
  defineOperation({
    path: 'domain/nop',
    summary: 'Check that the domain category answers; with a domain name, return its service id.',
    input: z.strictObject({ domain_name: domainName.optional(), dname: domainName.optional() }),
    output: z.looseObject({ service_id: idOut.optional() }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/get_prices',
    summary: 'Return registration and renewal prices for every TLD.',
    description: 'Cyrillic TLDs are keyed in Unicode (рф); IDN variants of Latin TLDs as __idn.<tld>.',
    input: z.strictObject({
      show_renew_data: flag01.optional().describe('1: include renewal prices'),
      show_update_data: flag01.optional().describe('1: include prices of changes'),
      currency: currency.optional(),
    }),
    output: z.looseObject({
      currency: z.string().optional(),
      price_group: idOut.optional(),
      prices: z
        .record(
          z.string(),
          z.looseObject({
            reg_price: amountOrNullOut.optional(),
            renew_price: amountOrNullOut.optional(),
            retail_reg_price: amountOrNullOut.optional(),
            retail_renew_price: amountOrNullOut.optional(),
            reg_min_period: amountOrNullOut.optional(),
            reg_max_period: amountOrNullOut.optional(),
          }),
        )
        .optional(),
    }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/get_suggest',
    summary: 'Suggest free domain names built from a word.',
    input: z.strictObject({
      word: z.string().min(1).describe('Main word of the names'),
      additional_word: z.string().optional(),
      category: z.enum(['pattern', 'search_trends', 'all']).optional(),
      tlds: tlds.optional(),
      use_hyphen: flag01.optional(),
      use_plural: flag01.optional().describe('Older option; may be ignored'),
    }),
    output: z.looseObject({
      suggestions: z
        .array(z.looseObject({ name: z.string().optional(), avail_in: z.array(z.string()).optional() }))
        .optional(),
    }),
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/get_premium_prices',
    summary: 'Return registration and renewal prices of premium domain names.',
    input: z.strictObject({
      domains: z.array(domainItem()).min(1, 'domains is empty: list at least one domain'),
      currency: currency.optional(),
    }),
    output: domainsAnswer(
      itemWith({
        register_price: amountOrNullOut.optional(),
        renew_price: amountOrNullOut.optional(),
        register_period: amountOrNullOut.optional(),
        renew_period: amountOrNullOut.optional(),
      }),
      { currency: z.string().optional() },
    ),
    access: 'partners',
    effect: 'read',
    bulk: PREMIUM_PRICES_BULK,
  }),
  defineOperation({
    path: 'domain/get_premium',
    summary: 'List premium domain names (older method, replaced by domain/get_premium_prices).',
    description: 'Known only from the Ruby and Perl clients; REG.API\'s documentation does not list it.',
    input: z.strictObject({
      tld: z.string().optional(),
      limit: wholeNumber.optional(),
      max_chars: wholeNumber.optional(),
      cat0: z.string().optional(),
      cat1: z.string().optional(),
      cat2: z.string().optional(),
      random: flag01.optional(),
    }),
    output: looseAnswer,
    access: 'partners',
    effect: 'read',
    deprecated: true,
  }),
  defineOperation({
    path: 'domain/get_deleted',
    summary: 'List recently freed domain names, filtered by TLD, dates and ratings.',
    description: 'The deletion date range may span at most two months.',
    input: z.strictObject({
      tlds: tlds.optional(),
      deleted_from: isoDate.optional(),
      deleted_to: isoDate.optional(),
      created_from: isoDate.optional(),
      created_to: isoDate.optional(),
      hidereg: flag01.optional().describe('1: hide names registered again'),
      min_pr: numberFilter.optional(),
      min_cy: numberFilter.optional(),
    }),
    output: domainsAnswer(
      z.looseObject({
        domain_name: z.string().optional(),
        date_delete: z.string().nullable().optional(),
        registered: z.union([z.string(), z.number()]).nullable().optional(),
        first_create_date: z.string().nullable().optional(),
      }),
    ),
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/check',
    summary: 'Check whether domain names are free to register (or to transfer), with prices.',
    description: 'REG.API returns result "Available" for a free name and an error_code for a taken or invalid one.',
    // A taken name is the answer to the question, not a failed call.
    itemOutcomes: 'report',
    input: z
      .strictObject({
        domain_name: domainName.optional(),
        dname: domainName.optional(),
        domains: z.array(domainItem()).min(1, 'domains is empty: list at least one domain').optional(),
        is_transfer: flag01.optional().describe('1: check whether the names can be transferred in'),
        premium_as_taken: flag01.optional().describe('1: report premium names as taken'),
        currency: currency.optional(),
      })
      .superRefine(requireDomain),
    output: domainsAnswer(
      itemWith({
        is_premium: flagOut.optional(),
        price: amountOrNullOut.optional(),
        renew_price: amountOrNullOut.optional(),
        currency: z.string().optional(),
      }),
    ),
    access: 'partners',
    effect: 'read',
    bulk: DOMAINS_BULK,
    itemOutcomes: 'report',
  }),
  defineOperation({
    path: 'domain/create',
    summary: 'Register domain names; spends money or creates a bill.',
    description:
      'Needs contacts (or a saved profile_type and profile_name) and nss (or not_delegated: 1). Give user_servid so ' +
      `that a resend cannot register twice. ${CONTACTS_NOTE}`,
    input: z.strictObject(domainOrderShape).superRefine(requireRegistrationData),
    output: orderAnswer,
    access: 'clients',
    effect: 'billing',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/transfer',
    summary: 'Transfer domain names in from another registrar; spends money or creates a bill.',
    description:
      'gTLD domains need authinfo (top level or per domains item). Contacts are optional for .RU/.SU/.РФ, where ' +
      `they are used for verification. period 0 is allowed. ${CONTACTS_NOTE}`,
    input: z
      .strictObject({ ...domainOrderShape, authinfo: authinfo.optional() })
      .superRefine(requireDomain),
    output: orderAnswer,
    access: 'clients',
    effect: 'billing',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/get_transfer_status',
    summary: 'Return the status of incoming transfers (pendingPayment, pendingTransfer, authinfoError, ...).',
    input: domainTarget({}),
    output: domainsAnswer(itemWith({ status: z.string().optional() })),
    access: 'clients',
    effect: 'read',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/set_new_authinfo',
    summary: 'Replace the authorisation code of a pending incoming transfer.',
    input: domainTarget({ authinfo }),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/cancel_transfer',
    summary: 'Cancel an incoming domain transfer.',
    description:
      'REG.API documents no parameters for this method; the Perl client sends a domains list, and single ' +
      'identification is assumed to work too.',
    input: domainTarget({}),
    output: domainsAnswer(),
    access: 'partners',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/create_authinfo_request',
    summary: 'Ask the current registrar to send the authorisation code by SMS or e-mail.',
    description: 'Only in the 2017 documentation.',
    input: domainTarget({ delivery_method: z.enum(['sms', 'email']) }),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
    deprecated: true,
  }),
  defineOperation({
    path: 'domain/get_expiring_domains',
    summary: 'List expiring domains (VIP accounts, 2017 documentation only).',
    description:
      'REG.API documents no parameters or answer for this method; any parameters are passed through as strings or numbers.',
    input: z.strictObject({}).catchall(z.union([z.string(), z.number()])),
    output: looseAnswer,
    access: 'partners',
    effect: 'read',
    deprecated: true,
  }),
  defineOperation({
    path: 'domain/get_rereg_data',
    summary: 'Search expiring domain names offered for re-registration, with traffic and rating metrics.',
    description: 'The data is refreshed about every 30 minutes. limit is at most 1000.',
    input: z.strictObject({
      domains: z.union([z.array(domainItem()), z.array(z.string())]).optional(),
      dname_matching: z.string().optional(),
      search_query: z.string().optional(),
      max_chars: numberFilter.optional(),
      min_pr: numberFilter.optional(),
      min_cy: numberFilter.optional(),
      kley: numberFilter.optional(),
      zone: z.string().optional(),
      views: numberFilter.optional(),
      vis: numberFilter.optional(),
      traf: numberFilter.optional(),
      price: numberFilter.optional(),
      registrar: z.string().optional(),
      delete_date: z.string().optional(),
      sortcol: z.string().optional(),
      premium: flag01.optional(),
      limit: wholeNumber
        .refine((value) => Number(value) <= 1000, { message: 'limit must be at most 1000' })
        .optional(),
      limit_from: wholeNumber.optional(),
    }),
    // NOTE: the documentation shows the lots but not the key that holds them; `domains` is assumed.
    output: domainsAnswer(reregLot),
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/set_rereg_bids',
    summary: 'Place bids on expiring domain names; spends money or creates a bill.',
    description: CONTACTS_NOTE,
    input: z.strictObject({
      domains: z
        .array(
          z.strictObject({
            dname: domainName,
            price: money.describe('Bid in the account currency'),
            instalment: flag01.optional(),
            autopay: flag01.optional(),
          }),
        )
        .min(1, 'domains is empty: list at least one bid'),
      contacts,
      nss,
      ...paymentShape,
    }),
    output: orderAnswer,
    access: 'clients',
    effect: 'billing',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/get_user_rereg_bids',
    summary: 'List the account\'s own bids on expiring domain names.',
    input: z.strictObject({}),
    output: z.looseObject({
      rereg_bids: z.record(z.string(), z.array(reregLot)).optional().describe('Bids grouped by TLD'),
    }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/get_docs_upload_uri',
    summary: 'Return the URL where identity documents for a .RU/.SU/.РФ domain can be uploaded.',
    input: domainTarget({}),
    output: z.looseObject({ docs_upload_sid: idOut.optional(), url: z.string().optional() }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/update_contacts',
    summary: 'Change the contact data of domains (all listed domains must use the same contact type).',
    description: CONTACTS_NOTE,
    input: domainTarget({
      contacts,
      payout_agreement: flag01.optional().describe('1: agree to pay if the change costs money'),
    }),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/update_private_person_flag',
    summary: 'Hide or show the owner\'s data in WHOIS.',
    input: domainTarget({ private_person_flag: flag01.describe('1: hide the owner data; 0: show it') }),
    output: domainsAnswer(itemWith({}), { pp_flag: z.string().optional().describe('"is set" or "is cleared"') }),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/register_ns',
    summary: 'Register a name server host (glue record) inside a domain at the registry.',
    input: byDomainName({
      ns0: z.string().min(1).describe('Host name of the name server, inside the domain'),
      ns0ip: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('IP addresses of the host'),
    }),
    output: z.looseObject({ resp: z.looseObject({}).optional() }),
    access: 'everyone',
    effect: 'write',
  }),
  defineOperation({
    path: 'domain/delete_ns',
    summary: 'Delete a name server host (glue record) of a domain at the registry.',
    input: byDomainName({
      ns0: z.string().min(1).describe('Host name of the name server'),
      ns0ip: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('IP addresses of the host'),
    }),
    output: z.looseObject({ resp: z.looseObject({}).optional() }),
    access: 'everyone',
    effect: 'write',
    destructive: true,
  }),
  defineOperation({
    path: 'domain/get_nss',
    summary: 'Return the name servers of domains.',
    input: domainTarget({}),
    output: domainsAnswer(itemWith({ nss: z.array(nsEntry).optional() })),
    access: 'clients',
    effect: 'read',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/update_nss',
    summary: 'Change the name servers of domains, or remove their delegation with undelegate: 1.',
    description: 'Give the servers as ns0, ns1, ... (with ns0ip, ... for hosts inside the domain) or as one nss object.',
    input: domainTarget({
      ...nsFieldsShape,
      nss: nss.optional(),
      undelegate: flag01.optional().describe('1: remove the delegation instead of setting servers'),
      payout_agreement: flag01.optional(),
    }).superRefine(requireNameServers),
    output: z.looseObject({
      ...domainsAnswer().shape,
      ...servicesAnswer().shape,
    }),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/delegate',
    summary: 'Turn on the delegation of domains to their name servers.',
    input: domainTarget({}),
    output: servicesAnswer(),
    access: 'partners',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/undelegate',
    summary: 'Turn off the delegation of domains; they stop resolving.',
    input: domainTarget({}),
    output: servicesAnswer(),
    access: 'partners',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/transfer_to_another_account',
    summary: 'Hand domains over to another REG.RU account.',
    description: 'The other account has to accept the request (domain/accept_or_refuse_entering_list).',
    input: domainTarget({
      new_user_name: z.string().min(1).describe('Login of the receiving REG.RU account'),
      set_me_as_referrer: flag01.optional(),
    }),
    output: domainsAnswer(),
    access: 'partners',
    effect: 'write',
    bulk: DOMAINS_BULK,
    destructive: true,
  }),
  defineOperation({
    path: 'domain/look_at_entering_list',
    summary: 'List domains other REG.RU accounts are handing over to this account.',
    input: z.strictObject({}),
    output: z.looseObject({
      messages: z
        .array(
          z.looseObject({
            id: idOut.optional(),
            domain_names: z.array(z.string()).optional(),
            domain_name: z.string().optional(),
          }),
        )
        .optional(),
    }),
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/accept_or_refuse_entering_list',
    summary: 'Accept or refuse domains another REG.RU account hands over to this account.',
    input: z.strictObject({
      id: idValue.describe('Message id from domain/look_at_entering_list'),
      action_type: z
        .union([z.enum(['accept', 'refuse', 'yes', 'no']), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
        .describe('accept or refuse'),
      domain_name: domainName.optional().describe('Only this domain of the message (2017 documentation)'),
    }),
    output: domainsAnswer(),
    access: 'partners',
    effect: 'write',
  }),
  defineOperation({
    path: 'domain/request_to_transfer',
    summary: 'Ask another REG.RU client to hand domains over to this account.',
    description: 'Needs the partner plan "Партнёр 2" or higher.',
    input: domainTarget({}),
    output: domainsAnswer(),
    access: 'partners',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'domain/get_tld_info',
    summary: 'Return the rules of a TLD: name lengths, periods, name server counts, IDN and privacy support.',
    input: z.strictObject({ tld: z.string().min(1).describe('TLD such as ru, com or рф') }),
    output: z.looseObject({
      tld_info: z
        .looseObject({
          idn_allowed: flagOut.optional(),
          privacy_protection_allowed: flagOut.optional(),
          email_verification: flagOut.optional(),
          min_dname_length: amountOrNullOut.optional(),
          max_dname_length: amountOrNullOut.optional(),
          min_nss_count: amountOrNullOut.optional(),
          max_nss_count: amountOrNullOut.optional(),
        })
        .optional(),
    }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'domain/send_email_verification_letter',
    summary: 'Send the registrant the e-mail verification letter again (check_only=1 only reports the state).',
    input: z.strictObject({
      dname: domainName,
      check_only: flag01.optional().describe('1: only report whether the e-mail is verified'),
    }),
    output: z.looseObject({
      status: z.string().optional().describe('ALREADY_VERIFIED, NOT_VERIFIED, SENT or NOT_REQUIRED'),
    }),
    access: 'partners',
    effect: 'write',
  }),
  defineOperation({
    path: 'domain/download_certificate',
    summary: 'Download the registration certificate of a domain as a PDF file.',
    input: z.strictObject({ dname: domainName }),
    output: looseAnswer,
    access: 'partners',
    effect: 'read',
    binary: true,
  }),
];

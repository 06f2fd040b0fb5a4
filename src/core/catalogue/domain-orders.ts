/** Domain methods that order: registration, transfers in, and bids on expiring names. */
import { z } from 'zod';
import { defineOperation } from './types.js';
import {
  domainYears,
  amountOrNullOut,
  contacts,
  domainItem,
  domainName,
  domainTarget,
  domainsAnswer,
  flag01,
  flagOut,
  itemWith,
  looseAnswer,
  money,
  nss,
  paymentAnswerShape,
  paymentShape,
  wholeNumber,
} from './shared.js';
import {
  authinfo,
  CONTACTS_NOTE,
  domainOrderShape,
  numberFilter,
  requireDomain,
  requireRegistrationData,
} from './domain-order.js';
import { DOMAINS_BULK } from './limits.js';

const orderAnswer = domainsAnswer(itemWith({}), paymentAnswerShape);

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

export const domainOrderOperations = [
  defineOperation({
    path: 'domain/create',
    summary: 'Register domain names; spends money or creates a bill.',
    description:
      'Needs contacts (or a saved profile_type and profile_name) and nss (or not_delegated: 1). Give user_servid so ' +
      `that a resend cannot register twice. ${CONTACTS_NOTE}`,
    input: z.strictObject({ ...domainOrderShape, period: domainYears.optional() }).superRefine(requireRegistrationData),
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
    // NOTE: the documentation shows the lots but not the key that contains them, so `domains` is assumed.
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
];

/** Domain methods that look names up: availability, prices, suggestions, premium and freed names, TLD rules. */
import { z } from 'zod';
import { defineOperation, type BulkSpec } from './types.js';
import {
  amountOrNullOut,
  currency,
  domainItem,
  domainName,
  domainsAnswer,
  flag01,
  flagOut,
  idOut,
  isoDate,
  itemWith,
  looseAnswer,
  wholeNumber,
} from './shared.js';
import { numberFilter, requireDomain } from './domain-order.js';
import { DOMAINS_BULK } from './limits.js';

const PREMIUM_PRICES_BULK: BulkSpec = { field: 'domains', max: 100 };

/** A list of TLDs: `"ru"`, `"ru,su"` or `["ru", "рф"]`. */
const tlds = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('TLDs such as ru, рф, com');

export const domainLookupOperations = [
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
    // A taken name is a valid result of the check, not a failed call.
    itemOutcomes: 'report',
    mergeConcurrent: true,
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
];

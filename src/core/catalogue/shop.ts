/** The `shop` category: REG.RU's domain aftermarket (lots for sale or rent). */
import { z } from 'zod';
import { defineOperation, type BulkSpec } from './types.js';
import {
  amountOrNullOut,
  domainName,
  flag01,
  flagOut,
  idOut,
  idValue,
  looseAnswer,
  money,
  serviceId,
  wholeNumber,
} from './shared.js';

// NOTE: REG.API documents no maximum for lots and dname lists; the 1,000 of domains lists is assumed.
const LOTS_BULK: BulkSpec = { field: 'lots', max: 1000 };
const DNAME_BULK: BulkSpec = { field: 'dname', max: 1000 };

const domainNames = z
  .union([domainName, z.array(domainName).min(1, 'dname is empty: list at least one domain')])
  .describe('A domain name or a list of them');

const lotItem = z
  .strictObject({
    dname: domainName.optional(),
    service_id: serviceId.optional(),
    price: money.optional().describe('Sale price'),
    rent_price: money.optional().describe('Monthly rent price'),
  })
  .refine((item) => item.dname !== undefined || item.service_id !== undefined, {
    message: 'Each lots item needs dname or service_id',
  });

/** Lot settings shared by add_lot and update_lot. */
const lotSettingsShape = {
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  sold_with: z.enum(['', 'site', 'tm', 'site,tm']).optional().describe('Sold together with the site, the trademark, both, or nothing'),
  price: money.optional(),
  rent: flag01.optional().describe('1: offer the domain for rent'),
  rent_price: money.optional(),
  deny_bids_lower_rejected: flag01.optional(),
  setup_parking_page: flag01.optional(),
};

const categoryIds = z.array(idValue).min(1).max(3, 'category_ids takes one to three categories');

const lot = z.looseObject({
  dname: z.string().optional(),
  dname_puny: z.string().optional(),
  price_type: z.string().optional(),
  start_price: amountOrNullOut.optional(),
  rent_price: amountOrNullOut.optional(),
  rent: flagOut.optional(),
  site: flagOut.optional(),
  tm: flagOut.optional(),
  lot_hits: amountOrNullOut.optional(),
  bids_cnt: amountOrNullOut.optional(),
});

export const shopOperations = [
  defineOperation({
    path: 'shop/nop',
    summary: 'Check that the shop category answers; with a domain, return its lot id.',
    input: z.strictObject({ dname: domainName.optional() }),
    output: z.looseObject({ lot_id: idOut.optional() }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'shop/add_lot',
    summary: 'Put domains up for sale or rent in the REG.RU domain shop.',
    description: 'Only in the 2017 documentation.',
    input: z.strictObject({
      lots: z.array(lotItem).min(1, 'lots is empty: list at least one domain'),
      category_ids: categoryIds,
      lot_price_type: z.string().min(1).describe('How the price is set, e.g. fixed or offer'),
      ...lotSettingsShape,
    }),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
    bulk: LOTS_BULK,
    deprecated: true,
  }),
  defineOperation({
    path: 'shop/update_lot',
    summary: 'Change the settings of lots in the REG.RU domain shop.',
    description: 'Only in the 2017 documentation.',
    input: z.strictObject({
      dname: domainNames,
      category_ids: categoryIds.optional(),
      lot_price_type: z.string().min(1).optional(),
      ...lotSettingsShape,
    }),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
    bulk: DNAME_BULK,
    deprecated: true,
  }),
  defineOperation({
    path: 'shop/delete_lot',
    summary: 'Withdraw domains from the REG.RU domain shop.',
    input: z.strictObject({ dname: domainNames }),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
    bulk: DNAME_BULK,
    destructive: true,
  }),
  defineOperation({
    path: 'shop/get_info',
    summary: 'Return the details of a lot in the REG.RU domain shop.',
    input: z.strictObject({ dname: domainName }),
    output: lot,
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'shop/get_lot_list',
    summary: 'Search the lots of the REG.RU domain shop.',
    description:
      'REG.API also takes price and date range filters whose field names are not documented; fields not named in ' +
      'the schema are accepted as string or number values.',
    input: z
      .strictObject({
        pg: wholeNumber.optional().describe('Page number'),
        itemsonpage: z
          .union([z.literal(25), z.literal(50), z.literal(100), z.literal(200), z.literal(500)])
          .optional()
          .describe('Lots per page: 25, 50, 100, 200 or 500'),
        sortcol: z.string().optional(),
        sortorder: z.string().optional(),
        keywords: z.union([z.string(), z.array(z.string())]).optional(),
        show_my_lots: flag01.optional(),
      })
      .catchall(z.union([z.string(), z.number()])),
    output: z.looseObject({ lots: z.array(lot).optional(), lots_cnt: amountOrNullOut.optional() }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'shop/get_category_list',
    summary: 'List the categories and subcategories of the REG.RU domain shop.',
    input: z.strictObject({}),
    output: z.looseObject({ category_list: z.array(z.looseObject({})).optional() }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'shop/get_suggested_tags',
    summary: 'List popular tags of the REG.RU domain shop.',
    input: z.strictObject({
      limit: wholeNumber
        .refine((value) => Number(value) >= 1 && Number(value) <= 50, { message: 'limit must be between 1 and 50' })
        .optional(),
    }),
    output: z.looseObject({ tags: z.array(z.unknown()).optional() }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'shop/purchase',
    summary: 'Buy a lot in the REG.RU domain shop; spends money.',
    description:
      'Known only from a third-party Node.js client; REG.API documents neither its parameters nor its answer. ' +
      'Fields are passed through as string or number values.',
    input: z
      .strictObject({ dname: domainName.optional() })
      .catchall(z.union([z.string(), z.number()])),
    output: looseAnswer,
    access: 'clients',
    effect: 'billing',
    deprecated: true,
  }),
];

/** Service methods that read: prices, service types, lists, details, bills and links. */
import { z } from 'zod';
import { defineOperation } from './types.js';
import {
  amountOrNullOut,
  amountOut,
  currency,
  flag01,
  flagOut,
  idOut,
  itemWith,
  serviceInfo,
  serviceTarget,
  servicesAnswer,
  servtype,
} from './shared.js';
import { SERVICES_BULK } from './limits.js';

const detailsFlags = {
  separate_groups: flag01.optional().describe('1: group the details by kind'),
  show_contacts_only: flag01.optional().describe('1: return only the contact data'),
  splitted_contacts: flag01.optional().describe('1: return contacts in the split field form'),
};

const detailsAnswer = servicesAnswer(
  itemWith({ details: z.looseObject({}).optional(), contacts: z.looseObject({}).optional() }),
);

const DETAILS_DESCRIPTION =
  'Hosting details include the control-panel login and password (login, passwd): treat the answer as a secret.';

const dedicatedServer = z.looseObject({
  server_id: idOut.optional(),
  cpu_content: z.string().optional(),
  cpu_count: amountOut.optional(),
  cpu_core: amountOut.optional(),
  ram_content: z.string().optional(),
  ram_count: amountOut.optional(),
  ram_size: z.union([z.string(), z.number()]).optional(),
  hdd_content: z.string().optional(),
  hdd_count: amountOut.optional(),
  hdd_size: z.union([z.string(), z.number()]).optional(),
  month_traf: amountOrNullOut.optional(),
  price_retail: amountOrNullOut.optional(),
});

const servtypeDetail = z.looseObject({
  servtype: z.string().optional(),
  subtype: z.string().optional(),
  unit: z.string().optional().describe('year or month'),
  commonname: z.string().optional(),
  extparams: z.unknown().optional(),
  is_renewable: flagOut.optional(),
  periods_new: z.string().optional(),
  periods_renew: z.string().optional(),
  price_new: amountOrNullOut.optional(),
  price_renew: amountOrNullOut.optional(),
});

export const serviceLookupOperations = [
  defineOperation({
    path: 'service/nop',
    summary: 'Resolve services to their ids and check they can be managed; without arguments only pings.',
    description: 'Each element of services is judged on its own: an invalid element fails alone.',
    input: serviceTarget({}, { list: true, required: false }),
    output: servicesAnswer(),
    access: 'clients',
    effect: 'read',
    bulk: SERVICES_BULK,
  }),
  defineOperation({
    path: 'service/get_prices',
    summary: 'Return the price list of services (hosting, certificates, forwarding, ...).',
    input: z.strictObject({
      show_renew_data: flag01.optional().describe('1: include renewal prices'),
      currency: currency.optional(),
    }),
    output: z.looseObject({
      currency: z.string().optional(),
      pricegroup: idOut.optional(),
      show_renew_data: flagOut.optional(),
      prices: z
        .array(
          z.looseObject({
            servortld: z.string().optional(),
            subtype: z.string().optional(),
            unit: z.string().optional(),
            price: amountOrNullOut.optional(),
            renew_price: amountOrNullOut.optional(),
          }),
        )
        .optional(),
    }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_servtype_details',
    summary: 'Return periods, units and prices of service types and their plans.',
    description: 'REG.API returns a list with one element per service type and plan, not an object.',
    input: z.strictObject({
      servtype: z
        .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
        .describe('Service type, a comma-separated list of them, or an array'),
      subtype: z.string().optional(),
      unroll_prices: flag01.optional().describe('1: list prices per period as prices_new and prices_renew'),
    }),
    output: z.array(servtypeDetail),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_info',
    summary: 'Return dates, state and plan of services.',
    input: serviceTarget({ show_folders: flag01.optional().describe('1: include the folders of each service') }, { list: true }),
    output: servicesAnswer(serviceInfo),
    access: 'clients',
    effect: 'read',
    bulk: SERVICES_BULK,
  }),
  defineOperation({
    path: 'service/get_list',
    summary: 'List the active services of the account, optionally of one service type.',
    description: 'Domain names come back in Unicode (пример.рф), not punycode.',
    input: z.strictObject({ servtype: servtype.optional() }),
    output: servicesAnswer(serviceInfo),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_folders',
    summary: 'List the folders a service belongs to.',
    input: serviceTarget({}),
    output: z.looseObject({
      folders: z.array(z.looseObject({ folder_id: idOut.optional(), folder_name: z.string().optional() })).optional(),
    }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_details',
    summary: 'Return the full settings of services, contacts included.',
    description: DETAILS_DESCRIPTION,
    input: serviceTarget(detailsFlags, { list: true }),
    output: detailsAnswer,
    access: 'clients',
    effect: 'read',
    bulk: SERVICES_BULK,
  }),
  defineOperation({
    path: 'service/service_get_details',
    summary: 'Return the settings of services (older twin of service/get_details).',
    description: `REG.API documents no parameters for this method; those of service/get_details are assumed. ${DETAILS_DESCRIPTION}`,
    input: serviceTarget(detailsFlags, { list: true }),
    output: detailsAnswer,
    access: 'clients',
    effect: 'read',
    bulk: SERVICES_BULK,
  }),
  defineOperation({
    path: 'service/get_dedicated_server_list',
    summary: 'List the dedicated servers that can be ordered, with their hardware and price.',
    input: z.strictObject({}),
    output: z.looseObject({ server_list: z.array(dedicatedServer).optional() }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_bills',
    summary: 'List the bill ids linked to services.',
    input: serviceTarget({}, { list: true }),
    output: servicesAnswer(itemWith({ bills: z.array(idOut).optional() })),
    access: 'partners',
    effect: 'read',
    bulk: SERVICES_BULK,
  }),
  defineOperation({
    path: 'service/check_readonly',
    summary: 'Tell whether services are read-only (locked against changes).',
    description: 'An element with error_code DATA_IS_READ_ONLY reports a read-only service; it is data, not a failed call.',
    input: serviceTarget({}, { list: true }),
    output: servicesAnswer(itemWith({ is_readonly: flagOut.optional() })),
    access: 'clients',
    effect: 'read',
    bulk: SERVICES_BULK,
    itemOutcomes: false,
  }),
  defineOperation({
    path: 'service/get_depreciated_period',
    summary: 'Return how many periods of a service remain before it expires (a fraction).',
    input: serviceTarget({}),
    output: z.looseObject({ depreciated_period: amountOrNullOut.optional() }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_balance',
    summary: 'Return the balance of an external service account.',
    input: serviceTarget({}),
    output: z.looseObject({ balance: amountOrNullOut.optional(), currency: z.string().optional() }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/seowizard_manage_link',
    summary: 'Return the control-panel link of an SEO wizard service.',
    input: serviceTarget({}),
    output: z.looseObject({ link: z.string().optional() }),
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/get_websitebuilder_link',
    summary: 'Return the control-panel link of a website builder service.',
    input: serviceTarget({}),
    output: z.looseObject({ link: z.string().optional() }),
    access: 'partners',
    effect: 'read',
  }),
];

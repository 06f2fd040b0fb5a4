/** The `service` category: ordering, renewing and managing services (domains included). */
import { z } from 'zod';
import { defineOperation } from './types.js';
import {
  amountOrNullOut,
  amountOut,
  currency,
  domainItem,
  flag01,
  flagOut,
  idOut,
  itemWith,
  looseAnswer,
  money,
  paymentAnswerShape,
  paymentShape,
  period,
  serviceInfo,
  serviceTarget,
  servicesAnswer,
  servtype,
  wholeNumber,
} from './shared.js';
import { SERVICES_BULK } from './limits.js';
import { orderFields, requireOrderTarget } from './service-order.js';

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

export const serviceOperations = [
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
    path: 'service/create',
    summary: 'Order a service (hosting, SSL certificate, forwarding, parking, licence, ...); may spend money.',
    description:
      'Options differ per servtype: hosting takes subtype (plan), contype and owner data; SSL takes csr_string, ' +
      'server_type, approver_email and org_/admin_/tech_ contact fields; child services take uplink_service_id. ' +
      'Options not named in the schema are accepted as string values. Give user_servid so that a resend cannot ' +
      'create a second service.',
    input: z
      .strictObject({ ...orderFields, servtype })
      .catchall(z.string())
      .superRefine(requireOrderTarget),
    output: z.looseObject({
      ...paymentAnswerShape,
      descr: z.string().optional(),
      uplink_service_id: idOut.optional(),
    }),
    access: 'everyone',
    effect: 'billing',
  }),
  defineOperation({
    path: 'service/check_create',
    summary: 'Check whether a service order would be accepted, without ordering anything.',
    description:
      'Takes the fields of service/create; REG.API defaults servtype to srv_hosting_ispmgr, subtype to Host-0-0420 ' +
      'and period to 1. Options not named in the schema are accepted as string values.',
    input: z
      .strictObject({ ...orderFields, servtype: servtype.optional() })
      .catchall(z.string())
      .superRefine(requireOrderTarget),
    output: z.looseObject({ descr: z.string().optional(), param: z.looseObject({}).optional() }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'service/delete',
    summary: 'Delete a service (forwarding, parking, SEO wizard, website builder, Google Apps).',
    input: serviceTarget({ servtype }),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
    destructive: true,
  }),
  defineOperation({
    path: 'service/resend_startup_mail',
    summary: 'Send the activation e-mail of a service again.',
    description: 'REG.API documents no parameters for this method; the service identification is assumed.',
    input: serviceTarget({}),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
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
    path: 'service/update',
    summary: 'Change the settings of a service (forwarding rules, parking, SSL reissue, passwords, hostnames).',
    description:
      'Options differ per servtype: web forwarding takes subtask or fwd_action (addfwd, rmfwd, rmall, ...) with fwdfrom, ' +
      'fwdto, webfwd_type; antispam change_action or change_mx_list; dedicated servers change_hostname with new_hostname. ' +
      'Options not named in the schema are accepted as string values. REG.API does not say whether an update can cost money.',
    input: serviceTarget(
      {
        servtype,
        subtask: z.string().optional(),
        fwd_action: z.string().optional(),
        fwdfrom: z.string().optional(),
        fwdto: z.string().optional(),
        webfwd_type: z.string().optional().describe('redirect or frames'),
        allow_se_indexing: flag01.optional(),
        title: z.string().optional(),
        favicon: z.string().optional(),
        new_hostname: z.string().optional(),
        revert_dns_ip: flag01.optional(),
      },
      { catchall: z.string() },
    ),
    output: z.looseObject({ descr: z.string().optional() }),
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'service/renew',
    summary: 'Renew services or domains for a period; spends money or creates a bill.',
    input: serviceTarget(
      {
        period,
        domains: z.array(domainItem()).min(1).optional().describe('Domains to renew, by name or service id'),
        ...paymentShape,
        allow_create_bills: flag01.optional().describe('Deprecated: use ok_if_no_money'),
      },
      { list: true, alsoIdentifiedBy: ['domains'] },
    ),
    output: servicesAnswer(itemWith({}), {
      ...paymentAnswerShape,
      period: amountOrNullOut.optional(),
      status: z.string().optional().describe('renew_success, or only_bill_created when the balance was too low'),
    }),
    access: 'clients',
    effect: 'billing',
    bulk: SERVICES_BULK,
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
    path: 'service/set_autorenew_flag',
    summary: 'Turn automatic renewal of a service on or off.',
    description: 'Later automatic renewals spend money from the balance.',
    input: serviceTarget({ flag_value: flag01.describe('1: renew automatically; 0: do not') }),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'service/suspend',
    summary: 'Suspend a service; for a domain this removes its delegation.',
    input: serviceTarget({}),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'service/resume',
    summary: 'Resume a suspended service; for a domain this restores its delegation.',
    input: serviceTarget({}),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
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
    path: 'service/upgrade',
    summary: 'Move a service to a higher plan; spends money.',
    input: serviceTarget({
      servtype,
      subtype: z.string().min(1).describe('The new plan'),
      period: period.optional(),
      disk_size: wholeNumber.optional().describe('Disk size (2017 documentation only)'),
    }),
    output: z.looseObject({
      withdrawed_amount: amountOrNullOut.optional(),
      returned_amount: amountOrNullOut.optional(),
      new_service_id: idOut.optional(),
      bill_id: idOut.optional(),
    }),
    access: 'clients',
    effect: 'billing',
  }),
  defineOperation({
    path: 'service/partcontrol_grant',
    summary: 'Give another REG.RU login partial control of a service.',
    input: serviceTarget({ newlogin: z.string().min(1).describe('Login that receives partial control') }),
    output: z.looseObject({ newlogin: z.string().optional(), service_id: idOut.optional() }),
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'service/partcontrol_revoke',
    summary: 'Take back partial control of a service from another login.',
    input: serviceTarget({}),
    output: z.looseObject({ service_id: idOut.optional() }),
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'service/resend_mail',
    summary: 'Send the approver or certificate e-mail of an SSL certificate (or hosting mail) again.',
    input: serviceTarget({
      mailtype: z.enum(['approver_email', 'certificate_email']).describe('Which e-mail to send again'),
    }),
    output: z.looseObject({ service_id: idOut.optional(), dname: z.string().optional() }),
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'service/refill',
    summary: 'Top up the account of an external service (SEO wizard) from the balance; spends money.',
    input: serviceTarget({ amount: money, currency, ...paymentShape }),
    output: z.looseObject(paymentAnswerShape),
    access: 'clients',
    effect: 'billing',
  }),
  defineOperation({
    path: 'service/refund',
    summary: 'Move money from an external service (SEO wizard) back to the account balance.',
    description: 'Only in the 2017 documentation.',
    input: serviceTarget({}),
    output: looseAnswer,
    access: 'partners',
    effect: 'billing',
    deprecated: true,
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

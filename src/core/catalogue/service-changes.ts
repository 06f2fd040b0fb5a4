/** Service methods that order, renew, change, suspend or delete services. */
import { z } from 'zod';
import { defineOperation } from './types.js';
import {
  paidPeriod,
  amountOrNullOut,
  currency,
  domainItem,
  flag01,
  idOut,
  itemWith,
  looseAnswer,
  money,
  paymentAnswerShape,
  paymentShape,
  serviceTarget,
  servicesAnswer,
  servtype,
  wholeNumber,
} from './shared.js';
import { SERVICES_BULK } from './limits.js';
import { orderFields, requireOrderTarget } from './service-order.js';

export const serviceChangeOperations = [
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
        period: paidPeriod,
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
    path: 'service/upgrade',
    summary: 'Move a service to a higher plan; spends money.',
    input: serviceTarget({
      servtype,
      subtype: z.string().min(1).describe('The new plan'),
      period: paidPeriod.optional(),
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
];

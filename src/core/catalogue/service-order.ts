/**
 * The fields of a service order, shared by service/create and service/check_create. REG.API takes
 * further options per servtype; the schemas that use these fields accept the rest as strings.
 */
import { z } from 'zod';
import { domainName, flag01, orderFolderShape, paidPeriod, paymentShape, serviceId, userServid } from './scalars.js';

export const orderFields = {
  domain_name: domainName.optional(),
  dname: domainName.optional().describe('Domain name (alias of domain_name)'),
  uplink_service_id: serviceId.optional().describe('Parent service of a child service (ISP licence, extra IP, KVM)'),
  subtype: z.string().min(1).optional().describe('Plan or product code, e.g. Host-0-0420 for hosting'),
  period: paidPeriod.optional(),
  user_servid: userServid.optional(),
  ...paymentShape,
  ...orderFolderShape,
  comment: z.string().optional(),
  admin_comment: z.string().optional(),
  // Hosting owner data
  contype: z.string().optional().describe('Hosting owner: hosting_pp (person) or hosting_org (organisation)'),
  email: z.string().optional(),
  phone: z.string().optional(),
  country: z.string().optional(),
  person_r: z.string().optional(),
  passport: z.string().optional(),
  pp_code: z.string().optional(),
  org_r: z.string().optional(),
  code: z.string().optional().describe('Taxpayer number (INN) of an organisation'),
  // SSL certificates
  server_type: z.string().optional(),
  csr_string: z.string().optional(),
  approver_email: z.string().optional(),
  // Antispam, dedicated servers, SEO wizard, parking
  spam_action: z.string().optional(),
  mx_list: z.union([z.string(), z.array(z.string())]).optional(),
  dedicated_name: z.string().optional(),
  dedicated_id: z.union([z.string(), z.number()]).optional(),
  server_name: z.string().optional(),
  server_id: z.union([z.string(), z.number()]).optional(),
  ostmpl: z.string().optional().describe('OS template of a dedicated server'),
  seo_name: z.string().optional(),
  template_name: z.string().optional().describe('Parking page template'),
  obtain_cert: flag01.optional(),
};

// NOTE: REG.API documents no domain for dedicated server and 2017 VPS orders, so those two service
// types pass without one. Every other order must name a domain or a parent service.
const WITHOUT_DOMAIN = new Set(['srv_dedicated', 'srv_vps']);

/** Demands a domain or a parent service for every order that needs one. */
export function requireOrderTarget(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const named = value.domain_name !== undefined || value.dname !== undefined || value.uplink_service_id !== undefined;
  if (named || WITHOUT_DOMAIN.has(String(value.servtype))) return;
  ctx.addIssue({
    code: 'custom',
    path: ['domain_name'],
    message: 'No domain named: give domain_name (or dname), or uplink_service_id for a child service',
  });
}

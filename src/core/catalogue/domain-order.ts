/**
 * Fields and checks shared by the domain methods, mostly those that register or take in domains:
 * domain/create, domain/transfer and domain/set_rereg_bids.
 */
import { z } from 'zod';
import { domainItem } from './identification.js';
import {
  contacts,
  domainName,
  flag01,
  nss,
  orderFolderShape,
  paymentShape,
  period,
  profileShape,
  userServid,
} from './scalars.js';

/** The note for every method that takes contact data. */
export const CONTACTS_NOTE = 'Contact fields differ per TLD; fields not named in the schema are accepted as string values.';

/** A numeric filter that REG.API takes as a number or a string. */
export const numberFilter = z.union([z.number(), z.string()]);

/** An authorisation code for a gTLD transfer: 5 to 48 characters. */
export const authinfo = z
  .string()
  .min(5, 'authinfo must be 5 to 48 characters')
  .max(48, 'authinfo must be 5 to 48 characters')
  .describe('Transfer authorisation code from the current registrar (5 to 48 characters)');

/** Extra services ordered with a domain, per domain. */
const extraServicesShape = {
  srv_certificate: z.string().optional().describe('Domain certificate: "free" to order it'),
  srv_parking: z.string().optional().describe('Parking page: "free" to order it'),
  srv_webfwd: z.string().optional().describe('Web forwarding: "" or "free" to order it'),
};

/** Fields of domain/create; domain/transfer adds `authinfo`. */
export const domainOrderShape = {
  domain_name: domainName.optional(),
  dname: domainName.optional().describe('Domain name (alias of domain_name)'),
  domains: z
    .array(domainItem({ ...extraServicesShape, authinfo: authinfo.optional() }))
    .min(1, 'domains is empty: list at least one domain')
    .optional()
    .describe('Several domains in one order (REG.API allows this for some partner accounts only)'),
  contacts: contacts.optional(),
  ...profileShape,
  nss: nss.optional(),
  not_delegated: flag01.optional().describe('1: register without name servers'),
  enduser_ip: z.string().optional().describe('IP address of the end customer; mandatory for partner accounts'),
  period: period.optional(),
  user_servid: userServid.optional(),
  comment: z.string().optional(),
  admin_comment: z.string().optional(),
  subtype: z.string().optional().describe('preorder to pre-order a name that is not free yet'),
  reg_premium: flag01.optional().describe('1: agree to register a premium name at its premium price'),
  ...extraServicesShape,
  ...paymentShape,
  ...orderFolderShape,
};

function present(value: Record<string, unknown>, key: string): boolean {
  return value[key] !== undefined;
}

/** Demands a domain, contact data and name servers, as domain/create needs them. */
export function requireRegistrationData(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  requireDomain(value, ctx);
  const hasProfile = present(value, 'profile_type') && present(value, 'profile_name');
  if (!present(value, 'contacts') && !hasProfile) {
    ctx.addIssue({
      code: 'custom',
      path: ['contacts'],
      message: 'No contact data: give contacts, or profile_type and profile_name of a saved profile',
    });
  }
  if (!present(value, 'nss') && value.not_delegated !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['nss'],
      message: 'No name servers: give nss (e.g. {"ns0":"ns1.reg.ru","ns1":"ns2.reg.ru"}) or not_delegated: 1',
    });
  }
}

/** Demands a domain name or a `domains` list. */
export function requireDomain(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (present(value, 'domain_name') || present(value, 'dname') || present(value, 'domains')) return;
  ctx.addIssue({
    code: 'custom',
    path: ['domain_name'],
    message: 'No domain named: give domain_name (or dname), or a domains list',
  });
}

/**
 * The fields of each DNS record kind, shared by the single `zone/add_*` methods and the actions of
 * `zone/update_records`, which take the same parameters.
 */
import { z } from 'zod';
import { recordNumber, wholeNumber } from './scalars.js';

/** The longest DNS label (RFC 1035). */
const MAX_LABEL_LENGTH = 63;

/**
 * A name relative to the zone: `@` for the apex, `*` for a wildcard, or labels such as `www` or
 * `_acme-challenge.www`.
 */
export const subdomain = z
  .string()
  .min(1, 'subdomain is empty: use @ for the zone apex')
  .refine((value) => value.split('.').every((label) => label.length <= MAX_LABEL_LENGTH), {
    message: `subdomain has a label longer than ${MAX_LABEL_LENGTH} characters`,
  })
  .describe('Name relative to the zone: @ for the apex, * for a wildcard, or labels such as www or _acme-challenge');

/** A record priority, 0 or more. */
const priority = wholeNumber.describe('Priority: lower values are preferred');

export const recordShapes = {
  add_alias: { subdomain, ipaddr: z.ipv4('ipaddr must be an IPv4 address such as 192.0.2.10') },
  add_aaaa: { subdomain, ipaddr: z.ipv6('ipaddr must be an IPv6 address such as 2001:db8::1') },
  add_caa: {
    subdomain,
    flags: z.union([z.literal(0), z.literal(128), z.literal('0'), z.literal('128')]).describe('0, or 128 for critical'),
    tag: z.enum(['issue', 'issuewild', 'iodef']),
    value: z.string().min(1).describe('Certificate authority domain, or a report URL for iodef'),
  },
  add_cname: { subdomain, canonical_name: z.string().min(1).describe('Target host name') },
  add_https: {
    subdomain,
    priority: wholeNumber.describe('0 for alias mode, above 0 for service mode'),
    target: z.string().min(1).describe('Target host name, or "." for the owner name'),
    value: z.string().describe('Service parameters such as alpn=h2,h3 ipv4hint=192.0.2.1'),
  },
  add_mx: {
    subdomain: subdomain.optional().describe('Name relative to the zone; REG.API defaults to @'),
    mail_server: z.string().min(1).describe('Host name of the mail server'),
    priority: wholeNumber
      .refine((value) => Number(value) <= 10, { message: 'MX priority must be between 0 and 10' })
      .optional()
      .describe('0 to 10 (REG.API default 0)'),
  },
  add_ns: {
    subdomain,
    dns_server: z.string().min(1).describe('Host name of the name server'),
    record_number: recordNumber,
  },
  add_txt: { subdomain, text: z.string().min(1, 'text is empty').describe('Record text') },
  add_spf: { subdomain, text: z.string().min(1, 'text is empty').describe('SPF policy starting with v=spf1') },
  add_srv: {
    service: z.string().min(1).describe('Service and protocol, e.g. _sip._udp'),
    priority,
    weight: wholeNumber.optional().describe('Weight among records of equal priority (REG.API default 0)'),
    target: z.string().min(1).describe('Host name that provides the service'),
    port: wholeNumber.refine((value) => Number(value) <= 65535, { message: 'port must be between 0 and 65535' }),
  },
  remove_record: {
    subdomain,
    record_type: z.enum(['A', 'AAAA', 'CAA', 'CNAME', 'HTTPS', 'MX', 'NS', 'SRV', 'TXT']),
    priority: priority.optional(),
    content: z
      .string()
      .optional()
      .describe('Value of the one record to delete; without it every record of this name and type is deleted'),
  },
} satisfies Record<string, z.ZodRawShape>;

/** One action of `zone/update_records`: `action` plus the fields of the matching single method. */
export const zoneAction = z.discriminatedUnion(
  'action',
  Object.entries(recordShapes).map(([action, shape]) =>
    z.strictObject({ action: z.literal(action), ...shape }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** An ordered list of zone actions; REG.API stops a domain at its first failing action. */
export const actionList = z.array(zoneAction).min(1, 'action_list is empty: list at least one action');

/**
 * Domain methods that manage registered domains: contacts, privacy, name servers, delegation, glue
 * hosts, hand-overs between REG.RU accounts, verification letters and certificates.
 */
import { z } from 'zod';
import { defineOperation } from './types.js';
import {
  contacts,
  domainName,
  domainTarget,
  domainsAnswer,
  flag01,
  idOut,
  idValue,
  itemWith,
  looseAnswer,
  nss,
  nsFieldsShape,
  servicesAnswer,
} from './shared.js';
import { CONTACTS_NOTE, requireDomain } from './domain-order.js';
import { DOMAINS_BULK } from './limits.js';

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

const nsEntry = z.looseObject({ ns: z.string().optional(), ip: z.union([z.string(), z.array(z.string())]).optional() });

export const domainManagementOperations = [
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

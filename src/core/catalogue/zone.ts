/**
 * The `zone` category: DNS records on REG.RU's name servers. Every method names its domains like the
 * domain methods do and returns one outcome per domain in `answer.domains`. Zone methods work only for
 * domains delegated to ns1.reg.ru and ns2.reg.ru, and others fail with DOMAIN_IS_NOT_USE_REGRU_NSS.
 */
import { z } from 'zod';
import { defineOperation, type OperationSpec } from './types.js';
import { domainItem, domainTarget, domainsAnswer, itemWith, prioOut } from './shared.js';
import { DOMAINS_BULK } from './limits.js';
import { actionList, recordShapes } from './zone-records.js';

const ADD_NOTE = 'Adds a record next to existing ones: a repeated call creates a duplicate.';

/** A zone method that only needs the domains. */
function zoneCommand<const P extends string>(path: P, summary: string, extra: Pick<Partial<OperationSpec>, 'destructive' | 'description'> = {}) {
  return defineOperation({
    path,
    summary,
    input: domainTarget({}),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
    ...extra,
  });
}

/** A `zone/add_*` method for one record kind. */
function addRecord<const K extends keyof typeof recordShapes>(kind: K, summary: string, description = ADD_NOTE, deprecated = false) {
  return defineOperation({
    path: `zone/${kind}`,
    summary,
    description,
    ...(deprecated ? { deprecated } : {}),
    input: domainTarget(recordShapes[kind]),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  });
}

const resourceRecord = z.looseObject({
  subname: z.string().optional(),
  rectype: z.string().optional(),
  content: z.string().optional(),
  prio: prioOut.optional(),
  state: z.string().optional(),
});

const zoneItem = itemWith({
  rrs: z.array(resourceRecord).optional(),
  soa: z.looseObject({ ttl: z.string().optional(), minimum_ttl: z.string().optional() }).optional(),
  action_list: z
    .array(z.looseObject({ action: z.string().optional(), result: z.string().optional(), error_code: z.string().optional() }))
    .optional(),
});

/** A zone TTL: a number of seconds, or a number with a unit s, m, h, d or w (`1d`, `12h`). */
const zoneTtl = z
  .union([z.number().int().positive(), z.string().regex(/^\d+[smhdw]?$/, 'TTL must be a number with an optional unit s, m, h, d or w, e.g. 1d or 12h')])
  .describe('Number of seconds, or a number with a unit s, m, h, d or w (1d, 12h)');

export const zoneOperations = [
  defineOperation({
    path: 'zone/nop',
    summary: 'Check that the DNS zones of domains can be managed through REG.API.',
    input: domainTarget({}),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'read',
    bulk: DOMAINS_BULK,
  }),
  addRecord('add_alias', 'Add an A record (IPv4 address) to a DNS zone.'),
  addRecord('add_aaaa', 'Add an AAAA record (IPv6 address) to a DNS zone.'),
  addRecord('add_caa', 'Add a CAA record (which certificate authorities may issue) to a DNS zone.'),
  addRecord('add_cname', 'Add a CNAME record (alias to another host name) to a DNS zone.'),
  addRecord('add_https', 'Add an HTTPS (SVCB-style) record to a DNS zone.'),
  addRecord('add_mx', 'Add an MX record (mail server) to a DNS zone.'),
  addRecord('add_ns', 'Add an NS record delegating a subdomain to another name server.'),
  addRecord('add_txt', 'Add a TXT record to a DNS zone.'),
  addRecord(
    'add_spf',
    'Add an SPF record (a TXT record starting with v=spf1) to a DNS zone.',
    `${ADD_NOTE} Known from the Ruby and Perl clients; REG.API's current documentation offers add_spf only as an action of zone/update_records.`,
    true,
  ),
  addRecord('add_srv', 'Add an SRV record (service location) to a DNS zone.'),
  defineOperation({
    path: 'zone/get_resource_records',
    summary: 'List the DNS records and SOA timings of domain zones.',
    description: 'prio is null for records without a priority.',
    input: domainTarget({}),
    output: domainsAnswer(zoneItem),
    access: 'clients',
    effect: 'read',
    bulk: DOMAINS_BULK,
  }),
  defineOperation({
    path: 'zone/update_records',
    summary: 'Apply a list of add and remove actions to DNS zones in one request.',
    description:
      'Give action_list for all domains, or action_list inside each domains item. REG.API stops a domain at its first ' +
      'failing action and keeps the actions before it (no rollback). remove_record without content deletes every ' +
      'record of that name and type.',
    input: domainTarget(
      { action_list: actionList.optional() },
      domainItem({ action_list: actionList.optional() }),
    ).superRefine((value: Record<string, unknown>, ctx) => {
      const items = Array.isArray(value.domains) ? (value.domains as Array<Record<string, unknown>>) : [];
      const everyItemHasActions = items.length > 0 && items.every((item) => item.action_list !== undefined);
      if (value.action_list === undefined && !everyItemHasActions) {
        ctx.addIssue({
          code: 'custom',
          path: ['action_list'],
          message: 'No actions: give action_list, or action_list inside every domains item',
        });
      }
    }),
    output: domainsAnswer(zoneItem),
    access: 'partners',
    effect: 'write',
    bulk: DOMAINS_BULK,
    destructive: true,
  }),
  defineOperation({
    path: 'zone/update_soa',
    summary: 'Set the zone TTL and the negative-answer TTL (minimum_ttl) of DNS zones.',
    description: 'REG.API has no per-record TTL; these two values apply to the whole zone.',
    input: domainTarget({ ttl: zoneTtl, minimum_ttl: zoneTtl }),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
  zoneCommand('zone/tune_forwarding', 'Add the DNS records that web forwarding needs.'),
  zoneCommand('zone/clear_forwarding', 'Remove the DNS records of web forwarding.', { destructive: true }),
  zoneCommand('zone/tune_parking', 'Add the DNS records that a parking page needs.'),
  zoneCommand('zone/clear_parking', 'Remove the DNS records of a parking page.', { destructive: true }),
  defineOperation({
    path: 'zone/remove_record',
    summary: 'Delete DNS records of one name and type; with content, only the record with that value.',
    description: 'Without content REG.API deletes every record of that name and type, e.g. all TXT values.',
    input: domainTarget(recordShapes.remove_record),
    output: domainsAnswer(),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
    destructive: true,
  }),
  zoneCommand('zone/clear', 'Delete every record of DNS zones.', { destructive: true }),
];

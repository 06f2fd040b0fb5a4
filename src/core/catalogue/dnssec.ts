/**
 * The `dnssec` category. enable, disable and the key rollovers apply to domains on REG.RU's name
 * servers and take effect later, so callers poll get_status until it leaves `updating`. add_keys is
 * for domains on other name servers.
 */
import { z } from 'zod';
import { defineOperation, type Effect } from './types.js';
import { domainItem, domainTarget, domainsAnswer, itemWith } from './shared.js';
import { DOMAINS_BULK } from './limits.js';

const dnssecItem = itemWith({
  status: z.string().optional().describe('enabled, disabled or updating'),
  records: z.array(z.string()).optional(),
});

function dnssecMethod<const M extends string, const E extends Effect>(method: M, summary: string, effect: E) {
  return defineOperation({
    path: `dnssec/${method}`,
    summary,
    input: domainTarget({}),
    output: domainsAnswer(dnssecItem),
    access: 'clients',
    effect,
    bulk: DOMAINS_BULK,
  });
}

/** DS or DNSKEY lines in zone-file form, for the parent zone. */
const keyRecords = z
  .array(z.string().min(1))
  .describe('DS or DNSKEY records as zone-file lines, e.g. "example.ru. 3600 IN DS 2371 13 2 <hex>"');

export const dnssecOperations = [
  dnssecMethod('nop', 'Check that DNSSEC of domains can be managed through REG.API.', 'read'),
  dnssecMethod('get_status', 'Return the DNSSEC status of domains: enabled, disabled or updating.', 'read'),
  dnssecMethod('enable', 'Turn on DNSSEC for domains on REG.RU name servers.', 'write'),
  dnssecMethod('disable', 'Turn off DNSSEC for domains on REG.RU name servers.', 'write'),
  dnssecMethod('renew_ksk', 'Replace the key-signing key (KSK) of domains on REG.RU name servers.', 'write'),
  dnssecMethod('renew_zsk', 'Replace the zone-signing key (ZSK) of domains on REG.RU name servers.', 'write'),
  dnssecMethod('get_records', 'Return the DNSKEY and DS records of domains, as REG.RU or the parent zone holds them.', 'read'),
  defineOperation({
    path: 'dnssec/add_keys',
    summary: 'Send DS or DNSKEY records of domains on other name servers to the parent zone.',
    description:
      'The records go inside each domains item. Without records REG.API tries to fetch the keys from the domain\'s ' +
      'own name servers. Fails with DOMAIN_USES_REGRU_NSS for domains on REG.RU name servers.',
    input: domainTarget({}, domainItem({ records: keyRecords.optional() })),
    output: domainsAnswer(dnssecItem),
    access: 'clients',
    effect: 'write',
    bulk: DOMAINS_BULK,
  }),
];

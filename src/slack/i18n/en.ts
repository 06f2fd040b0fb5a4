import type { OperationState } from '../../core/operations/types.js';

/**
 * English messages. Every value is a function of already formatted and escaped strings, so a message
 * never inserts raw user text into Slack markup. `ru.ts` has the same keys; a test compares them.
 */
export const en = {
  working: () => '⏳ Working on it…',
  usageLine: (p: { usage: string }) => `Usage: \`${p.usage}\``,
  help: (p: { command: string }) =>
    [
      `*${p.command}* manages domains, DNS and services at REG.RU. Writes wait for an approver in the approval channel.`,
      `• \`${p.command} check DOMAINS\`: availability and price (several names separated by spaces or commas)`,
      `• \`${p.command} price TLD\`: registration and renewal price`,
      `• \`${p.command} balance\`: account balance (only you see it)`,
      `• \`${p.command} services [FILTER]\`: services of the account`,
      `• \`${p.command} dns DOMAIN\`: records of a zone`,
      `• \`${p.command} dns add NAME TYPE VALUE [PRIORITY]\` or \`dns add DOMAIN SUBDOMAIN TYPE VALUE\`: add a record`,
      `• \`${p.command} dns rm NAME TYPE [VALUE]\`: remove one value, or every value after a confirmation`,
      `• \`${p.command} txt add DOMAIN SUBDOMAIN VALUE\`: add a TXT record`,
      `• \`${p.command} order DOMAIN [YEARS]\`: register a domain`,
      `• \`${p.command} renew DOMAIN|SERVICE_ID [YEARS]\`: renew a domain or service`,
      `• \`${p.command} ops [ID]\`: operations and their state`,
      `• \`${p.command} lang ru|en\`: language of my messages to you`,
    ].join('\n'),

  usage_help: () => 'help',
  usage_check: () => 'check DOMAIN [DOMAIN ...]',
  usage_price: () => 'price TLD',
  usage_balance: () => 'balance',
  usage_services: () => 'services [FILTER]',
  usage_dns: () => 'dns DOMAIN | dns add NAME TYPE VALUE [PRIORITY] | dns rm NAME TYPE [VALUE]',
  usage_txt: () => 'txt add DOMAIN SUBDOMAIN VALUE | txt rm DOMAIN SUBDOMAIN [VALUE]',
  usage_order: () => 'order DOMAIN [YEARS]',
  usage_renew: () => 'renew DOMAIN|SERVICE_ID [YEARS]',
  usage_ops: () => 'ops [ID]',
  usage_lang: () => 'lang ru|en',

  problem_unknownCommand: (p: { word: string }) => `Unknown command \`${p.word}\`. Type \`help\` for the list.`,
  problem_unterminatedQuote: (p: { quote: string }) => `A quote ${p.quote} is not closed. Close it, or write the value without quotes.`,
  problem_missingArgument: (p: { argument: string }) => `Missing ${p.argument}.`,
  problem_extraArguments: (p: { extra: string }) => `Unexpected words: \`${p.extra}\`. Put a value with spaces in quotes.`,
  problem_badYears: (p: { value: string; min: number; max: number }) => `Invalid period \`${p.value}\`: give a whole number of years from ${p.min} to ${p.max}.`,
  problem_badRecordType: (p: { value: string; types: string }) => `Invalid record type \`${p.value}\`: use one of ${p.types}.`,
  problem_badPriority: (p: { value: string }) => `Invalid priority \`${p.value}\`: give a whole number from 0 to 65535.`,
  problem_badLang: (p: { value: string }) => `Unknown language \`${p.value}\`: use \`ru\` or \`en\`.`,
  problem_tooManyNames: (p: { count: number; max: number }) => `${p.count} names is too many for one message: check at most ${p.max} at a time.`,
  problem_badDomain: (p: { value: string }) => `Invalid domain name \`${p.value}\`: write it like \`example.ru\` or \`пример.рф\`.`,
  problem_badService: (p: { value: string }) => `\`${p.value}\` is neither a domain name nor a service id.`,
  problem_readOnly: () => 'regapi2 runs read-only here, so it sends no changes to REG.RU.',
  problem_noApprovalChannel: (p: { id: string }) =>
    `No approval channel is configured, so a person approves operation \`${p.id}\` at a terminal: \`regapi2 ops approve ${p.id}\`.`,

  problem_cardNotPosted: (p: { id: string; channel: string }) =>
    `Operation \`${p.id}\` waits for approval, but its card could not be posted in ${p.channel}; invite the bot there. Until then a person approves it at a terminal: \`regapi2 ops approve ${p.id}\`.`,

  lang_set: (p: { lang: string }) => `From now on I answer you in ${p.lang === 'ru' ? 'Russian' : 'English'}.`,

  check_header: (p: { count: number }) => `*Availability of ${p.count} ${p.count === 1 ? 'name' : 'names'}*`,
  check_available: (p: { name: string; price?: string }) => `:large_green_circle: ${p.name}: available${p.price ? `, ${p.price} a year` : ''}`,
  check_unavailable: (p: { name: string; reason: string }) => `:red_circle: ${p.name}: ${p.reason}`,

  price_line: (p: { tld: string; reg: string; renew: string }) => `*.${p.tld}*: registration ${p.reg}, renewal ${p.renew} a year`,
  price_unknown: (p: { tld: string }) => `REG.RU has no price for \`.${p.tld}\`. Check the spelling of the zone.`,
  price_missing: () => 'not listed',

  balance_text: (p: { available: string; blocked: string; credit: string }) =>
    `*Balance*: ${p.available} available, ${p.blocked} reserved for orders, credit ${p.credit}.`,

  services_header: (p: { from: number; to: number; total: number; filter?: string }) =>
    `*Services ${p.from}–${p.to} of ${p.total}*${p.filter ? ` matching \`${p.filter}\`` : ''}`,
  services_line: (p: { name: string; servtype: string; id: string; state: string; expires: string }) =>
    `• ${p.name}: ${p.servtype}, id ${p.id}, ${p.state}, expires ${p.expires}`,
  services_empty: (p: { filter?: string }) => (p.filter ? `No service matches \`${p.filter}\`.` : 'The account has no services.'),
  services_next: () => 'Next page',
  services_state_N: () => 'not active yet',
  services_state_A: () => 'active',
  services_state_S: () => 'suspended',
  services_state_D: () => 'deleted',
  services_state_O: () => 'moved to another registrar',
  services_noDate: () => 'no date',

  dns_header: (p: { zone: string; count: number }) => `*Zone ${p.zone}*: ${p.count} ${p.count === 1 ? 'record' : 'records'}`,
  dns_empty: (p: { zone: string }) => `Zone ${p.zone} has no records.`,
  dns_more: (p: { count: number }) => `…and ${p.count} more; the MCP tool \`zone_get_resource_records\` lists them all.`,

  echo_dnsAdd: (p: { type: string; name: string; value: string; priority?: string }) =>
    `Understood: add ${p.type} record *${p.name}* = \`${p.value}\`${p.priority ? ` with priority ${p.priority}` : ''}.`,
  echo_dnsRemove: (p: { type: string; name: string; value: string }) => `Understood: remove the ${p.type} record *${p.name}* = \`${p.value}\`.`,
  echo_dnsRemoveAll: (p: { type: string; name: string }) => `Understood: remove every ${p.type} record of *${p.name}*.`,
  echo_order: (p: { domain: string; years: number; profile: string }) =>
    `Understood: register *${p.domain}* for ${p.years} ${p.years === 1 ? 'year' : 'years'} with the contact profile ${p.profile}, name servers ns1.reg.ru and ns2.reg.ru.`,
  echo_renew: (p: { service: string; years: number }) => `Understood: renew *${p.service}* for ${p.years} ${p.years === 1 ? 'year' : 'years'}.`,

  dns_noop: () => 'The zone already has this record, so nothing was sent to REG.RU.',
  dns_removeAllConfirm: (p: { count: number; type: string; name: string; list: string }) =>
    `No value was given, so this would remove all ${p.count} ${p.type} records of *${p.name}*:\n${p.list}\nPress the button to send the removal for approval, or give the exact value to remove one record.`,
  dns_removeNothing: (p: { type: string; name: string }) => `*${p.name}* has no matching ${p.type} record. Nothing was sent to REG.RU.`,
  button_removeAll: () => 'Remove all',

  proposed: (p: { id: string; channel: string }) => `Operation \`${p.id}\` waits for an approver in ${p.channel}. I will update the card there.`,
  ops_header: (p: { count: number }) => `*Latest ${p.count} operations*`,
  ops_line: (p: { id: string; state: string; headline: string; requestedBy: string }) => `• \`${p.id}\` ${p.state}: ${p.headline} (requested by ${p.requestedBy})`,
  ops_none: () => 'There are no operations yet.',
  ops_notFound: (p: { id: string }) => `Operation \`${p.id}\` not found. \`ops\` lists the latest ones.`,
  ops_detail: (p: { id: string; state: string; headline: string; requestedBy: string; decidedBy: string; created: string }) =>
    `*Operation \`${p.id}\`*: ${p.state}\n${p.headline}\nRequested by ${p.requestedBy} on ${p.created}; decided by ${p.decidedBy}.`,
  ops_nobody: () => 'nobody yet',

  state_proposed: () => 'proposed',
  state_awaiting_approval: () => 'awaiting approval',
  state_approved: () => 'approved',
  state_queued: () => 'queued',
  state_sending: () => 'sending to REG.RU',
  state_done: () => 'done',
  state_done_unpaid: () => 'done, bill not paid',
  state_failed: () => 'failed',
  state_rejected: () => 'rejected',
  state_expired: () => 'expired',
  state_outcome_unknown: () => 'outcome unknown, being checked',

  card_title_write: () => 'Change waiting for approval',
  card_title_billing: () => 'Payment waiting for approval',
  card_title_decided: () => 'Operation',
  card_operation: (p: { id: string; path: string }) => `Operation \`${p.id}\` (REG.API \`${p.path}\`)`,
  card_requestedBy: (p: { who: string }) => `Requested by ${p.who}`,
  card_price: (p: { amount: string }) => `*Price*: ${p.amount}`,
  card_priceUnknown: () => '*Price*: unknown, see the warnings',
  card_balance: (p: { before: string; after: string }) => `*Balance*: ${p.before} now, ${p.after} after payment`,
  card_dnsToAdd: (p: { list: string }) => `*To add*:\n${p.list}`,
  card_dnsToRemove: (p: { list: string }) => `*To remove*:\n${p.list}`,
  card_dnsAdded: (p: { list: string }) => `*Added*:\n${p.list}`,
  card_dnsRemoved: (p: { list: string }) => `*Removed*:\n${p.list}`,
  card_dnsUnchanged: (p: { count: number }) => `${p.count} other ${p.count === 1 ? 'record stays' : 'records stay'} as they are.`,
  card_deletes: (p: { list: string }) => `*Deleted for good*:\n${p.list}`,
  card_warnings: (p: { list: string }) => `*Warnings*:\n${p.list}`,
  card_expires: (p: { date: string }) => `Expires ${p.date} unless approved`,
  card_state: (p: { state: string }) => `*State*: ${p.state}`,
  card_decidedBy: (p: { who: string; date: string }) => `Decided by ${p.who} on ${p.date}`,
  card_rejectReason: (p: { reason: string }) => `Reason: ${p.reason}`,
  card_error: (p: { explanation: string }) => `*Error*: ${p.explanation}`,
  card_itemsFailed: (p: { list: string }) => `*Failed items*:\n${p.list}`,

  button_approve: () => 'Approve',
  button_reject: () => 'Reject',
  confirm_title: () => 'Approve the operation?',
  confirm_billing: (p: { amount: string; what: string }) => `${p.what}\nThis spends ${p.amount} from the REG.RU balance.`,
  confirm_billingUnknown: (p: { what: string }) => `${p.what}\nThe price is unknown; REG.RU charges its current price.`,
  confirm_write: (p: { what: string }) => `${p.what}\nThis changes data at REG.RU.`,
  confirm_yes: () => 'Approve',
  confirm_no: () => 'Cancel',

  decision_notApprover: () => 'Only the approvers named in REGAPI_SLACK_APPROVERS may approve or reject operations.',
  decision_selfApproval: () => 'You requested this payment, so another approver must approve it.',
  decision_expired: () => 'This operation has expired and can no longer be approved. Request it again.',
  decision_alreadyDecided: (p: { state: string }) => `This operation was already decided: ${p.state}.`,
  decision_failed: (p: { message: string }) => `The decision was not recorded: ${p.message}`,
  decision_approved: (p: { id: string }) => `You approved operation \`${p.id}\`.`,
  decision_rejected: (p: { id: string }) => `You rejected operation \`${p.id}\`.`,

  order_modalTitle: () => 'Domain contacts',
  order_modalIntro: (p: { domain: string }) =>
    `REG.RU needs the registrant's contacts to register ${p.domain}. Name a contact profile saved in your REG.RU account; I remember it for your next orders.`,
  order_profileType: () => 'Profile type',
  order_profileName: () => 'Profile name',
  order_submit: () => 'Continue',
  order_cancel: () => 'Cancel',

  error_coded: (p: { code: string; explanation: string }) => `\`${p.code}\`: ${p.explanation}`,
  error_object: (p: { object: string }) => `Object: ${p.object}`,
  error_hint: (p: { hint: string }) => `Next step: ${p.hint}`,
  error_retryAt: (p: { date: string }) => `Try again after ${p.date}.`,
  error_unknownCode: (p: { text: string }) => `REG.API returned this error: ${p.text}`,
  error_internal: () => 'Something went wrong inside regapi2; the log has the details. Nothing was sent for approval.',
  validation_failed: (p: { list: string }) => `REG.API would not accept this input, so nothing was sent:\n${p.list}`,
  partial_failed: (p: { list: string }) => `Some items failed:\n${p.list}`,
};

export type Messages = typeof en;

/** Message keys of the operation states; compilation fails when a lifecycle state has no message. */
export type StateKey = `state_${OperationState}`;
const everyStateHasMessage: Exclude<StateKey, keyof Messages> extends never ? true : never = true;
void everyStateHasMessage;

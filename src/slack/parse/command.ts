import { normaliseSlackText } from './slack-text.js';
import { tokenize, TokenizeError, type Token } from './tokens.js';

/** DNS record types the `dns` command edits; the DNS core plans the exact REG.API call for each. */
export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'CAA', 'SRV', 'HTTPS'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Registration and renewal periods REG.API accepts for most TLDs, in years. */
export const MIN_YEARS = 1;
export const MAX_YEARS = 10;

/** Maximum number of names one `check` lists in chat; longer lists are for the MCP tools or the CLI. */
export const MAX_CHECK_NAMES = 50;

/**
 * Location of a DNS record. `name` is the full name (`_dmarc.example.ru`). `zone` and `subdomain` are
 * set when the person named them separately (`example.ru _dmarc`).
 */
export interface RecordTarget {
  name: string;
  zone?: string;
  subdomain?: string;
}

export type SlackCommand =
  | { kind: 'help' }
  | { kind: 'check'; names: string[] }
  | { kind: 'price'; tld: string }
  | { kind: 'balance' }
  | { kind: 'services'; filter?: string }
  | { kind: 'dns-show'; target: string }
  | { kind: 'dns-add'; target: RecordTarget; type: RecordType; value: string; priority?: number }
  | { kind: 'dns-remove'; target: RecordTarget; type: RecordType; value?: string }
  | { kind: 'order'; domain: string; years: number }
  | { kind: 'renew'; service: string; years: number }
  | { kind: 'ops'; id?: string }
  | { kind: 'lang'; lang: 'ru' | 'en' };

export type CommandName = 'help' | 'check' | 'price' | 'balance' | 'services' | 'dns' | 'txt' | 'order' | 'renew' | 'ops' | 'lang';

/** Reason a command could not be parsed; the listener turns it into a message and a usage line. */
export type ParseProblem =
  | { reason: 'unknown-command'; word: string }
  | { reason: 'unterminated-quote'; quote: string }
  | { reason: 'missing-argument'; argument: string }
  | { reason: 'extra-arguments'; extra: string }
  | { reason: 'bad-years'; value: string }
  | { reason: 'bad-record-type'; value: string }
  | { reason: 'bad-priority'; value: string }
  | { reason: 'bad-lang'; value: string }
  | { reason: 'too-many-names'; count: number; max: number };

export type ParseResult =
  | { ok: true; command: SlackCommand; text: string }
  | { ok: false; command?: CommandName; problem: ParseProblem; text: string };

const ALIASES: Record<string, CommandName> = {
  help: 'help', '?': 'help', помощь: 'help',
  check: 'check', whois: 'check',
  price: 'price', prices: 'price',
  balance: 'balance',
  services: 'services', list: 'services',
  dns: 'dns', zone: 'dns',
  txt: 'txt',
  order: 'order', register: 'order',
  renew: 'renew',
  ops: 'ops', operations: 'ops',
  lang: 'lang', language: 'lang', язык: 'lang',
};

/** Looks up the command a word names, among own keys only, so `constructor` or `toString` name nothing. */
function commandNameOf(word: string): CommandName | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined;
}

const ADD_WORDS = new Set(['add', 'set']);
const REMOVE_WORDS = new Set(['rm', 'remove', 'del', 'delete']);

class Problem extends Error {
  constructor(readonly problem: ParseProblem) {
    super(problem.reason);
  }
}

/** Parses the text of `/regapi ...` exactly as Slack delivers it. Nothing here talks to REG.API. */
export function parseCommand(rawText: string): ParseResult {
  const text = normaliseSlackText(rawText);
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof TokenizeError) {
      return { ok: false, command: commandNameOf(text.split(/\s+/)[0]), problem: { reason: 'unterminated-quote', quote: error.quote }, text };
    }
    throw error;
  }
  if (tokens.length === 0) return { ok: true, command: { kind: 'help' }, text };

  const name = tokens[0].quoted ? undefined : commandNameOf(tokens[0].text);
  if (!name) return { ok: false, problem: { reason: 'unknown-command', word: tokens[0].text }, text };

  try {
    return { ok: true, command: parseArguments(name, tokens.slice(1)), text };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, command: name, problem: error.problem, text };
    throw error;
  }
}

function parseArguments(name: CommandName, args: Token[]): SlackCommand {
  switch (name) {
    case 'help':
      return { kind: 'help' };
    case 'balance':
      expectNoMore(args, 0);
      return { kind: 'balance' };
    case 'check':
      return parseCheck(args);
    case 'price': {
      const tld = required(args, 0, 'TLD');
      expectNoMore(args, 1);
      return { kind: 'price', tld: tld.replace(/^\.+/, '') };
    }
    case 'services':
      return { kind: 'services', filter: args.length > 0 ? args.map((token) => token.text).join(' ') : undefined };
    case 'dns':
      return parseDns(args);
    case 'txt':
      return parseTxt(args);
    case 'order': {
      const domain = required(args, 0, 'DOMAIN');
      const years = optionalYears(args, 1);
      expectNoMore(args, 2);
      return { kind: 'order', domain, years };
    }
    case 'renew': {
      const service = required(args, 0, 'DOMAIN|SERVICE_ID');
      const years = optionalYears(args, 1);
      expectNoMore(args, 2);
      return { kind: 'renew', service, years };
    }
    case 'ops':
      expectNoMore(args, 1);
      return { kind: 'ops', id: args[0]?.text };
    case 'lang': {
      const value = required(args, 0, 'ru|en').toLowerCase();
      expectNoMore(args, 1);
      if (value !== 'ru' && value !== 'en') throw new Problem({ reason: 'bad-lang', value });
      return { kind: 'lang', lang: value };
    }
  }
}

function parseCheck(args: Token[]): SlackCommand {
  const names = args
    .flatMap((token) => token.text.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (names.length === 0) throw new Problem({ reason: 'missing-argument', argument: 'DOMAIN' });
  if (names.length > MAX_CHECK_NAMES) throw new Problem({ reason: 'too-many-names', count: names.length, max: MAX_CHECK_NAMES });
  return { kind: 'check', names };
}

/** `dns NAME`, `dns add TARGET TYPE VALUE [PRIORITY]`, `dns rm TARGET TYPE [VALUE]`. */
function parseDns(args: Token[]): SlackCommand {
  const action = args[0] && !args[0].quoted ? args[0].text.toLowerCase() : '';
  if (ADD_WORDS.has(action)) return parseRecordChange('add', args.slice(1), undefined);
  if (REMOVE_WORDS.has(action)) return parseRecordChange('remove', args.slice(1), undefined);
  const target = required(args, 0, 'DOMAIN');
  expectNoMore(args, 1);
  return { kind: 'dns-show', target };
}

/** `txt add ZONE SUBDOMAIN VALUE` and `txt rm ZONE SUBDOMAIN [VALUE]`: the short form for TXT records. */
function parseTxt(args: Token[]): SlackCommand {
  const action = args[0] && !args[0].quoted ? args[0].text.toLowerCase() : '';
  if (ADD_WORDS.has(action)) return parseRecordChange('add', args.slice(1), 'TXT');
  if (REMOVE_WORDS.has(action)) return parseRecordChange('remove', args.slice(1), 'TXT');
  throw new Problem({ reason: 'missing-argument', argument: 'add|rm' });
}

function isRecordType(token: Token | undefined): boolean {
  return token !== undefined && !token.quoted && (RECORD_TYPES as readonly string[]).includes(token.text.toUpperCase());
}

/**
 * Reads the target, the type and the value. The target is a full name (`_dmarc.example.ru TXT ...`) or a
 * zone and a subdomain (`example.ru _dmarc TXT ...`), depending on the position of the record type.
 * With a fixed type (`txt add`) the zone and subdomain form is expected, as ACME tools write it.
 */
function parseRecordChange(change: 'add' | 'remove', args: Token[], fixedType: RecordType | undefined): SlackCommand {
  let target: RecordTarget;
  let type: RecordType;
  let rest: Token[];

  if (fixedType) {
    const zone = required(args, 0, 'DOMAIN');
    const subdomain = required(args, 1, 'SUBDOMAIN');
    target = { name: joinName(subdomain, zone), zone, subdomain };
    type = fixedType;
    rest = args.slice(2);
  } else if (isRecordType(args[1]) && !(isRecordType(args[2]) && args.length >= 4)) {
    target = { name: required(args, 0, 'NAME') };
    type = args[1].text.toUpperCase() as RecordType;
    rest = args.slice(2);
  } else if (isRecordType(args[2])) {
    // `example.ru a A 1.2.3.4`: a subdomain that looks like a type, followed by the type itself.
    const zone = required(args, 0, 'DOMAIN');
    const subdomain = args[1].text;
    target = { name: joinName(subdomain, zone), zone, subdomain };
    type = args[2].text.toUpperCase() as RecordType;
    rest = args.slice(3);
  } else {
    required(args, 0, 'NAME');
    const candidate = args[2] ?? args[1];
    if (candidate) throw new Problem({ reason: 'bad-record-type', value: candidate.text });
    throw new Problem({ reason: 'missing-argument', argument: 'TYPE' });
  }

  if (change === 'remove') {
    const value = rest.length > 0 ? joinValue(rest) : undefined;
    return { kind: 'dns-remove', target, type, value };
  }

  let priority: number | undefined;
  if ((type === 'MX' || type === 'SRV') && rest.length >= 2 && !rest[rest.length - 1].quoted) {
    priority = parsePriority(rest[rest.length - 1].text);
    rest = rest.slice(0, -1);
  }
  if (rest.length === 0) throw new Problem({ reason: 'missing-argument', argument: 'VALUE' });
  return { kind: 'dns-add', target, type, value: joinValue(rest), ...(priority !== undefined ? { priority } : {}) };
}

/** `@`, an empty subdomain and the zone itself all name the apex. */
function joinName(subdomain: string, zone: string): string {
  const sub = subdomain.trim();
  if (sub === '@' || sub === '' || sub.toLowerCase().replace(/\.$/, '') === zone.toLowerCase().replace(/\.$/, '')) return zone;
  return `${sub}.${zone}`;
}

/** Joins a value of several unquoted words (`v=spf1 include:_spf.example.ru -all`) with single spaces. */
function joinValue(tokens: Token[]): string {
  return tokens.map((token) => token.text).join(' ');
}

function parsePriority(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new Problem({ reason: 'bad-priority', value: text });
  return Number(text);
}

function required(args: Token[], index: number, argument: string): string {
  const token = args[index];
  if (!token || token.text.trim() === '') throw new Problem({ reason: 'missing-argument', argument });
  return token.text.trim();
}

function optionalYears(args: Token[], index: number): number {
  const token = args[index];
  if (!token) return MIN_YEARS;
  const value = token.text.replace(/(y|years?|г|год|года|лет)$/i, '');
  const years = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
  if (!(years >= MIN_YEARS && years <= MAX_YEARS)) throw new Problem({ reason: 'bad-years', value: token.text });
  return years;
}

function expectNoMore(args: Token[], count: number): void {
  if (args.length > count) throw new Problem({ reason: 'extra-arguments', extra: args.slice(count).map((token) => token.text).join(' ') });
}

import { describe, expect, it } from 'vitest';
import { parseCommand, type SlackCommand } from '../../src/slack/parse/command.js';
import { escapeSlackText, normaliseSlackText } from '../../src/slack/parse/slack-text.js';

function command(text: string): SlackCommand {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(`"${text}" did not parse: ${JSON.stringify(parsed.problem)}`);
  return parsed.command;
}

describe('normaliseSlackText', () => {
  const cases: [string, string][] = [
    ['<http://example.ru|example.ru>', 'example.ru'],
    ['<https://example.ru/path>', 'https://example.ru/path'],
    ['rua=<mailto:dmarc@example.ru|dmarc@example.ru>', 'rua=mailto:dmarc@example.ru'],
    ['rua=mailto:<mailto:dmarc@example.ru|dmarc@example.ru>', 'rua=mailto:dmarc@example.ru'],
    ['a &amp; b &lt;tag&gt;', 'a & b <tag>'],
    ['&amp;lt;', '&lt;'],
    ['“quoted” ‘single’ «ёлки»', '"quoted" \'single\' "ёлки"'],
    ['<http://a.ru?x=1&amp;y=2|a.ru?x=1&amp;y=2>', 'a.ru?x=1&y=2'],
    ['<@U123|anna> <#C42|ops> <!here>', '@anna #ops @here'],
    ['a\u00a0b\u200b', 'a b'],
  ];
  it.each(cases)('turns %j into %j', (input, expected) => {
    expect(normaliseSlackText(input)).toBe(expected);
  });

  it('escapes echoed values so they never become markup', () => {
    expect(escapeSlackText('<!channel> & <http://x>')).toBe('&lt;!channel&gt; &amp; &lt;http://x&gt;');
  });
});

describe('parseCommand', () => {
  it('reads an empty text as help', () => {
    expect(command('')).toEqual({ kind: 'help' });
  });

  it('reads check with spaces and commas', () => {
    expect(command('check example.ru, пример.рф  test.com')).toEqual({ kind: 'check', names: ['example.ru', 'пример.рф', 'test.com'] });
  });

  it('reads price with a leading dot', () => {
    expect(command('price .рф')).toEqual({ kind: 'price', tld: 'рф' });
  });

  it('reads services with and without a filter', () => {
    expect(command('services')).toEqual({ kind: 'services', filter: undefined });
    expect(command('services srv_hosting')).toEqual({ kind: 'services', filter: 'srv_hosting' });
  });

  it('reads dns NAME as showing the zone', () => {
    expect(command('dns <http://example.ru|example.ru>')).toEqual({ kind: 'dns-show', target: 'example.ru' });
  });

  it('reads dns add with a full name', () => {
    expect(command('dns add _dmarc.example.ru TXT "v=DMARC1; p=none"')).toEqual({
      kind: 'dns-add',
      target: { name: '_dmarc.example.ru' },
      type: 'TXT',
      value: 'v=DMARC1; p=none',
    });
  });

  it('reads dns add with a zone and a subdomain', () => {
    expect(command('dns add example.ru www A 192.0.2.1')).toEqual({
      kind: 'dns-add',
      target: { name: 'www.example.ru', zone: 'example.ru', subdomain: 'www' },
      type: 'A',
      value: '192.0.2.1',
    });
  });

  it('reads a subdomain that looks like a record type', () => {
    expect(command('dns add example.ru a A 192.0.2.1')).toMatchObject({ target: { name: 'a.example.ru', subdomain: 'a' }, type: 'A', value: '192.0.2.1' });
  });

  it('reads an MX priority after the value', () => {
    expect(command('dns add example.ru MX mail.example.ru 10')).toEqual({
      kind: 'dns-add',
      target: { name: 'example.ru' },
      type: 'MX',
      value: 'mail.example.ru',
      priority: 10,
    });
  });

  it('joins an unquoted TXT value of several words', () => {
    expect(command('dns add example.ru TXT v=spf1 include:_spf.example.ru -all')).toMatchObject({ value: 'v=spf1 include:_spf.example.ru -all' });
  });

  it('keeps an apostrophe inside a word', () => {
    expect(command("dns add example.ru TXT it's")).toMatchObject({ value: "it's" });
  });

  it('treats @ and the zone itself as the apex', () => {
    expect(command('txt add example.ru @ "v=spf1 -all"')).toMatchObject({ target: { name: 'example.ru' } });
    expect(command('txt add example.ru example.ru token')).toMatchObject({ target: { name: 'example.ru' } });
  });

  it('reads dns rm with and without a value', () => {
    expect(command('dns rm _acme-challenge.example.ru TXT tokenA')).toEqual({
      kind: 'dns-remove',
      target: { name: '_acme-challenge.example.ru' },
      type: 'TXT',
      value: 'tokenA',
    });
    expect(command('dns remove example.ru _acme-challenge TXT')).toEqual({
      kind: 'dns-remove',
      target: { name: '_acme-challenge.example.ru', zone: 'example.ru', subdomain: '_acme-challenge' },
      type: 'TXT',
      value: undefined,
    });
  });

  it('reads order and renew periods', () => {
    expect(command('order example.ru')).toEqual({ kind: 'order', domain: 'example.ru', years: 1 });
    expect(command('order example.ru 3')).toEqual({ kind: 'order', domain: 'example.ru', years: 3 });
    expect(command('renew 12345 2')).toEqual({ kind: 'renew', service: '12345', years: 2 });
  });

  it('reads ops and lang', () => {
    expect(command('ops')).toEqual({ kind: 'ops', id: undefined });
    expect(command('ops 0123456789abcdef0123456789abcdef')).toEqual({ kind: 'ops', id: '0123456789abcdef0123456789abcdef' });
    expect(command('lang EN')).toEqual({ kind: 'lang', lang: 'en' });
  });

  const problems: [string, string, string | undefined][] = [
    ['frobnicate', 'unknown-command', undefined],
    ['constructor', 'unknown-command', undefined],
    ['dns add example.ru TXT "unterminated', 'unterminated-quote', 'dns'],
    ['price', 'missing-argument', 'price'],
    ['balance now', 'extra-arguments', 'balance'],
    ['order example.ru 11', 'bad-years', 'order'],
    ['renew example.ru zero', 'bad-years', 'renew'],
    ['dns add example.ru www BOGUS value', 'bad-record-type', 'dns'],
    ['dns add example.ru MX mail.example.ru 70000', 'bad-priority', 'dns'],
    ['dns add example.ru TXT', 'missing-argument', 'dns'],
    ['txt example.ru', 'missing-argument', 'txt'],
    ['lang de', 'bad-lang', 'lang'],
    [`check ${Array.from({ length: 51 }, (_, index) => `n${index}.ru`).join(' ')}`, 'too-many-names', 'check'],
  ];
  it.each(problems)('rejects %j as %s', (text, reason, name) => {
    const parsed = parseCommand(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.reason).toBe(reason);
    expect(parsed.command).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { en } from '../../src/slack/i18n/en.js';
import { ERROR_CODES } from '../../src/slack/i18n/error-codes.js';
import { errorsEn } from '../../src/slack/i18n/errors.en.js';
import { errorsRu } from '../../src/slack/i18n/errors.ru.js';
import { explainErrorCode, formatMoney, slackDate } from '../../src/slack/i18n/index.js';
import { plural, ru } from '../../src/slack/i18n/ru.js';
import { explainCode } from '../../src/slack/render/errors.js';
import { parseCommand } from '../../src/slack/parse/command.js';
import { renderProblem } from '../../src/slack/render/problems.js';
import { FINAL_STATES } from '../../src/core/operations/types.js';

/** Sample arguments for every message, so each one can be called. */
const SAMPLE = new Proxy({} as Record<string, unknown>, { get: (_target, key) => (key === 'count' || key === 'years' || key === 'min' || key === 'max' ? 2 : `‹${String(key)}›`) });

describe('Slack messages', () => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s gives text in both languages', (key) => {
    const english = (en as Record<string, (p: unknown) => string>)[key](SAMPLE);
    const russian = (ru as Record<string, (p: unknown) => string>)[key](SAMPLE);
    expect(english.trim()).not.toBe('');
    expect(russian.trim()).not.toBe('');
    expect(english).not.toContain('undefined');
    expect(russian).not.toContain('undefined');
  });

  it('name every state of the lifecycle', () => {
    for (const state of [...FINAL_STATES, 'awaiting_approval', 'approved', 'queued', 'sending', 'outcome_unknown', 'proposed']) {
      expect(Object.keys(en)).toContain(`state_${state}`);
    }
  });

  it.each(['check', 'price', 'order', 'renew', 'lang', 'dns', 'dns add', 'dns add _x.example.ru', 'dns add example.ru _x TXT', 'txt add', 'txt add example.ru'])(
    'names the missing argument of "%s" as its usage does',
    (text) => {
      const parsed = parseCommand(text);
      expect(parsed.ok).toBe(false);
      const problem = parsed.ok ? undefined : parsed.problem;
      const command = parsed.ok ? undefined : parsed.command;
      expect(problem?.reason).toBe('missing-argument');
      for (const t of [ru, en]) {
        const [first, usage] = renderProblem(t, problem!, command).split('\n');
        const argument = /(\S+)\.$/.exec(first)?.[1] ?? '';
        expect(argument).not.toBe('');
        expect(usage).toContain(argument);
      }
    },
  );

  it('use Russian plural forms', () => {
    expect([1, 2, 5, 11, 21, 22, 25].map((count) => plural(count, 'год', 'года', 'лет'))).toEqual(['год', 'года', 'лет', 'лет', 'год', 'года', 'лет']);
  });
});

describe('error explanations', () => {
  it('cover the same codes in both languages', () => {
    expect(Object.keys(errorsRu).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(errorsEn).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each([...ERROR_CODES])('%s is explained in both languages', (code) => {
    expect(explainErrorCode('ru', code)?.length ?? 0).toBeGreaterThan(10);
    expect(explainErrorCode('en', code)?.length ?? 0).toBeGreaterThan(10);
    expect(explainErrorCode('ru', code)).not.toBe(explainErrorCode('en', code));
  });

  it('show the code with the explanation, and REG.API text for unknown codes', () => {
    expect(explainCode('en', 'BILLING_LOCK')).toMatch(/^`BILLING_LOCK`: Another payment/);
    expect(explainCode('ru', 'NEW_CODE_FROM_REGRU', 'Some <b>text</b>')).toBe('`NEW_CODE_FROM_REGRU`: REG.API вернул ошибку: Some &lt;b&gt;text&lt;/b&gt;');
  });
});

describe('formatting', () => {
  it('formats rubles for each locale', () => {
    expect(formatMoney('ru', 1234.5, 'RUR').replace(/\s/g, ' ')).toBe('1 234,50 ₽');
    expect(formatMoney('en', 1234.5, 'RUR')).toMatch(/^RUB\s1,234\.50$/);
  });

  it('keeps an unknown currency code visible', () => {
    expect(formatMoney('en', 10, 'XYZ1')).toBe('10 XYZ1');
  });

  it('writes dates in Slack date syntax with a fallback', () => {
    expect(slackDate('2026-12-04T20:30:00.000Z')).toBe('<!date^1796416200^{date_short_pretty} {time}|2026-12-04 20:30 UTC>');
    expect(slackDate('2027-01-31T00:00:00Z', { withTime: false })).toBe('<!date^1801353600^{date_short_pretty}|2027-01-31>');
  });
});

import { describe, expect, it } from 'vitest';
import { matchesConfirmation, previewDrifted } from '../../../src/core/operations/preview/index.js';
import type { Preview } from '../../../src/core/operations/types.js';

const base: Preview = { headline: 'h', confirmWith: 'example.ru', warnings: [] };
const txt = (content: string) => ({ subname: '_acme-challenge', type: 'TXT', content });

describe('previewDrifted', () => {
  it('returns null for the same preview', () => {
    expect(previewDrifted({ ...base, price: 200, currency: 'RUR' }, { ...base, price: 200, currency: 'RUR' })).toBeNull();
  });

  it('reports a changed price', () => {
    expect(previewDrifted({ ...base, price: 200, currency: 'RUR' }, { ...base, price: 250, currency: 'RUR' })).toContain('price changed from 200 RUR to 250 RUR');
  });

  it('reports a price that became unknown', () => {
    expect(previewDrifted({ ...base, price: 200 }, { ...base })).toContain('price changed');
  });

  it('ignores a balance that still covers the price', () => {
    expect(previewDrifted({ ...base, price: 200, balanceBefore: 1000, balanceAfter: 800 }, { ...base, price: 200, balanceBefore: 900, balanceAfter: 700 })).toBeNull();
  });

  it('reports a balance that no longer covers the price', () => {
    expect(previewDrifted({ ...base, price: 200, balanceBefore: 1000, balanceAfter: 800 }, { ...base, price: 200, balanceBefore: 100, balanceAfter: -100 })).toContain('no longer covers');
  });

  it('reports a record that would now be removed as well', () => {
    const before = { ...base, dns: { zone: 'example.ru', added: [], removed: [txt('a')], unchanged: [] } };
    const now = { ...base, dns: { zone: 'example.ru', added: [], removed: [txt('a'), txt('b')], unchanged: [] } };
    expect(previewDrifted(before, now)).toContain('zone changed');
  });

  it('accepts a change that shrank because part of it already happened', () => {
    const before = { ...base, dns: { zone: 'example.ru', added: [txt('a')], removed: [], unchanged: [] } };
    const now = { ...base, dns: { zone: 'example.ru', added: [], removed: [], unchanged: [txt('a')] } };
    expect(previewDrifted(before, now)).toBeNull();
  });

  it('reports a changed delete list', () => {
    expect(previewDrifted({ ...base, deletes: ['service 1'] }, { ...base, deletes: ['service 1', 'service 2'] })).toContain('deleted changed');
  });
});

describe('matchesConfirmation', () => {
  const idn = 'пример.рф (xn--e1afmkfd.xn--p1ai)';

  it.each(['пример.рф', 'ПРИМЕР.РФ.', 'xn--e1afmkfd.xn--p1ai', ' XN--E1AFMKFD.XN--P1AI ', idn])('accepts %j for an IDN domain', (typed) => {
    expect(matchesConfirmation(idn, typed)).toBe(true);
  });

  it.each(['пример.ру', 'example.ru', '', 'xn--e1afmkfd'])('rejects %j for an IDN domain', (typed) => {
    expect(matchesConfirmation(idn, typed)).toBe(false);
  });

  it('compares service ids exactly', () => {
    expect(matchesConfirmation('5005', '5005')).toBe(true);
    expect(matchesConfirmation('5005', '500')).toBe(false);
  });
});

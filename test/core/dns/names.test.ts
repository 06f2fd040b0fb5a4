import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/client/errors.js';
import { canonicalLabels, isInZone } from '../../../src/core/dns/index.js';

describe('canonicalLabels', () => {
  it.each([
    ['_acme-challenge.Host.Example.RU.', ['_acme-challenge', 'host', 'example', 'ru']],
    ['пример.рф', ['xn--e1afmkfd', 'xn--p1ai']],
    ['*.example.ru', ['*', 'example', 'ru']],
    ['mail._domainkey.example.ru', ['mail', '_domainkey', 'example', 'ru']],
    ['', []],
  ])('splits %j', (name, labels) => {
    expect(canonicalLabels(name)).toEqual(labels);
  });

  it.each([
    ['a..example.ru', 'empty label'],
    [`${'x'.repeat(64)}.example.ru`, 'at most 63'],
    ['bad label.example.ru', 'not a valid DNS label'],
    ['-dash.example.ru', 'not a valid DNS label'],
    ['www.*.example.ru', 'not the first label'],
    [`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.ru`, 'longer than 253'],
  ])('rejects %j', (name, message) => {
    expect(() => canonicalLabels(name)).toThrow(ValidationError);
    expect(() => canonicalLabels(name)).toThrow(message);
  });
});

describe('isInZone', () => {
  it('matches on label boundaries only', () => {
    expect(isInZone('www.example.ru', 'example.ru')).toBe(true);
    expect(isInZone('example.ru', 'example.ru')).toBe(true);
    expect(isInZone('test-example.ru', 'example.ru')).toBe(false);
    expect(isInZone('example.ru.evil.test', 'example.ru')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueByCategory, findOperation, indexOperations } from '../../../src/core/catalogue/index.js';

const fixturePaths = readFileSync(new URL('../../fixtures/methods.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '');

describe('catalogue', () => {
  it('holds exactly the fixture paths', () => {
    expect(fixturePaths).toHaveLength(131);
    expect(catalogue.map((operation) => operation.path)).toEqual([...fixturePaths].sort());
  });

  it('is sorted by path', () => {
    const paths = catalogue.map((operation) => operation.path);
    expect(paths).toEqual([...paths].sort());
  });

  it('finds by path or tool name', () => {
    expect(findOperation('zone/add_txt')?.toolName).toBe('zone_add_txt');
    expect(findOperation('zone_add_txt')?.path).toBe('zone/add_txt');
    expect(findOperation('nop')?.toolName).toBe('common_nop');
    expect(findOperation('common_nop')?.path).toBe('nop');
    expect(findOperation('zone/add_text')).toBeUndefined();
  });

  it('finds every entry by both names', () => {
    for (const operation of catalogue) {
      expect(findOperation(operation.path)).toBe(operation);
      expect(findOperation(operation.toolName)).toBe(operation);
    }
  });

  it('rejects a path defined twice', () => {
    const addTxt = findOperation('zone/add_txt')!;
    expect(() => indexOperations([addTxt, { ...addTxt }])).toThrow(/"zone\/add_txt" is defined twice/);
  });

  it('groups entries by category', () => {
    const groups = catalogueByCategory();
    expect([...groups.keys()].sort()).toEqual(
      ['bill', 'common', 'dnssec', 'domain', 'folder', 'hosting', 'service', 'shop', 'user', 'zone'],
    );
    const counts = Object.fromEntries([...groups].map(([category, operations]) => [category, operations.length]));
    expect(counts).toEqual({
      bill: 5,
      common: 4,
      dnssec: 8,
      domain: 33,
      folder: 9,
      hosting: 6,
      service: 30,
      shop: 9,
      user: 7,
      zone: 20,
    });
  });

  it('gives every entry a one-line summary', () => {
    for (const operation of catalogue) {
      expect(operation.summary, operation.path).toMatch(/^\S.*[.)]$/);
      expect(operation.summary, operation.path).not.toContain('\n');
      expect(operation.summary.length, operation.path).toBeLessThanOrEqual(120);
    }
  });

  it('declares bulk fields of the input', () => {
    for (const operation of catalogue.filter((entry) => entry.bulk)) {
      const shape = (operation.input as unknown as { shape: Record<string, unknown> }).shape;
      expect(Object.keys(shape), operation.path).toContain(operation.bulk!.field);
    }
  });
});

describe('catalogue metadata', () => {
  // user/refill_balance exists only in the 2017 documentation and zone/add_spf only in clients, though
  // the fixture's source column still lists both under the current documentation.
  it('marks doc2017-only and client-only methods deprecated', () => {
    const deprecated = catalogue.filter((operation) => operation.deprecated).map((operation) => operation.path);
    expect(deprecated).toEqual([
      'domain/create_authinfo_request',
      'domain/get_expiring_domains',
      'domain/get_premium',
      'hosting/get_jelastic_refill_url',
      'hosting/get_parallelswpb_constructor_url',
      'hosting/get_rs_themes',
      'hosting/set_jelastic_refill_url',
      'service/refund',
      'shop/add_lot',
      'shop/purchase',
      'shop/update_lot',
      'user/refill_balance',
      'zone/add_spf',
    ]);
  });

  it('marks money-moving methods as billing', () => {
    const billing = catalogue.filter((operation) => operation.effect === 'billing').map((operation) => operation.path);
    expect(billing).toEqual([
      'bill/change_pay_type',
      'domain/create',
      'domain/set_rereg_bids',
      'domain/transfer',
      'service/create',
      'service/refill',
      'service/refund',
      'service/renew',
      'service/upgrade',
      'shop/purchase',
      'user/refill_balance',
    ]);
  });

  it.each([
    ['zone/add_txt', 'write'],
    ['zone/get_resource_records', 'read'],
    ['service/resend_mail', 'write'],
    ['service/resend_startup_mail', 'write'],
    ['domain/send_email_verification_letter', 'write'],
    ['domain/check', 'read'],
    ['service/check_create', 'read'],
    ['nop', 'read'],
    ['folder/create', 'write'],
  ])('gives %s the effect %s', (path, effect) => {
    expect(findOperation(path)?.effect).toBe(effect);
  });

  it('marks deletes and clears destructive', () => {
    for (const path of ['service/delete', 'bill/delete', 'zone/clear', 'zone/remove_record', 'folder/remove', 'shop/delete_lot', 'domain/delete_ns']) {
      expect(findOperation(path)?.destructive, path).toBe(true);
    }
    const readsMarkedDestructive = catalogue.filter((operation) => operation.effect === 'read' && operation.destructive);
    expect(readsMarkedDestructive).toEqual([]);
  });

  it('records bulk limits', () => {
    expect(findOperation('domain/check')?.bulk).toEqual({ field: 'domains', max: 1000 });
    expect(findOperation('service/get_info')?.bulk).toEqual({ field: 'services', max: 1000 });
    expect(findOperation('domain/get_premium_prices')?.bulk).toEqual({ field: 'domains', max: 100 });
    expect(findOperation('zone/add_txt')?.bulk).toEqual({ field: 'domains', max: 1000 });
  });

  it('records access levels', () => {
    expect(findOperation('reseller_nop')?.access).toBe('partners');
    expect(findOperation('domain/get_prices')?.access).toBe('everyone');
    expect(findOperation('zone/add_txt')?.access).toBe('clients');
    expect(findOperation('zone/update_records')?.access).toBe('partners');
  });

  it('flags binary and data-only answers', () => {
    expect(catalogue.filter((operation) => operation.binary).map((operation) => operation.path)).toEqual([
      'domain/download_certificate',
    ]);
    expect(findOperation('service/check_readonly')?.itemOutcomes).toBe(false);
    expect(findOperation('domain/check')?.itemOutcomes).toBe('report');
  });
});

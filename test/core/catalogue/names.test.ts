import { describe, expect, it } from 'vitest';
import { catalogue, catalogueByCategory, findOperation } from '../../../src/core/catalogue/index.js';

describe('derived names', () => {
  it.each([
    ['zone/add_txt', 'zone', 'add_txt', 'zone_add_txt', 'addTxt'],
    ['nop', 'common', 'nop', 'common_nop', 'nop'],
    ['get_service_id', 'common', 'get_service_id', 'common_get_service_id', 'getServiceId'],
    ['dnssec/renew_ksk', 'dnssec', 'renew_ksk', 'dnssec_renew_ksk', 'renewKsk'],
    ['domain/get_premium_prices', 'domain', 'get_premium_prices', 'domain_get_premium_prices', 'getPremiumPrices'],
    ['zone/add_aaaa', 'zone', 'add_aaaa', 'zone_add_aaaa', 'addAaaa'],
  ])('derives the names of %s', (path, category, method, toolName, facadeName) => {
    expect(findOperation(path)).toMatchObject({ category, method, toolName, facadeName });
  });

  it('gives tools valid MCP names', () => {
    for (const operation of catalogue) {
      expect(operation.toolName, operation.path).toMatch(/^[a-z0-9_]{1,64}$/);
    }
  });

  it('gives facade members unique names', () => {
    for (const [category, operations] of catalogueByCategory()) {
      const names = operations.map((operation) => operation.facadeName);
      expect(new Set(names).size, category).toBe(names.length);
      for (const name of names) expect(name, category).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    }
  });
});

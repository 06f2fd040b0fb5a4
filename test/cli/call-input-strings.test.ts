import { describe, expect, it } from 'vitest';
import { findOperation } from '../../src/core/catalogue/index.js';
import type { OperationDefinition } from '../../src/core/catalogue/types.js';
import { buildCallInput } from '../../src/cli/call-input.js';

function operation(path: string): OperationDefinition {
  const def = findOperation(path);
  if (!def) throw new Error(`the catalogue has no ${path}`);
  return def;
}

describe('call arguments for string fields', () => {
  it('keeps digits typed for a TXT value', () => {
    const input = buildCallInput(operation('zone/add_txt'), ['domain_name=example.ru', 'subdomain=_acme-challenge', 'text=12345']);
    expect(input.text).toBe('12345');
  });

  it('keeps true, null and exponents as typed', () => {
    for (const typed of ['true', 'null', '1e5']) {
      const input = buildCallInput(operation('zone/add_txt'), ['domain_name=example.ru', 'subdomain=www', `text=${typed}`]);
      expect(input.text).toBe(typed);
    }
  });

  it('keeps a numeric subdomain label', () => {
    const input = buildCallInput(operation('zone/add_txt'), ['domain_name=example.ru', 'subdomain=1', 'text=x']);
    expect(input.subdomain).toBe('1');
  });

  it('still sends numbers to number fields', () => {
    const input = buildCallInput(operation('domain/create'), ['domain_name=example.ru', 'period=2']);
    expect(input.period).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogue, findOperation } from '../../../src/core/catalogue/index.js';

/** Methods whose REG.API parameters are open-ended: unnamed fields are accepted as values. */
const OPEN_INPUTS = [
  'domain/get_expiring_domains',
  'hosting/get_os_templates',
  'service/check_create',
  'service/create',
  'service/update',
  'shop/get_lot_list',
  'shop/purchase',
];

type JsonSchema = {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: unknown;
};

function inputSchema(path: string): JsonSchema {
  return z.toJSONSchema(findOperation(path)!.input, { io: 'input' }) as JsonSchema;
}

describe('JSON Schema conversion', () => {
  it.each(catalogue.map((operation) => operation.path))('converts %s', (path) => {
    const operation = findOperation(path)!;
    const input = z.toJSONSchema(operation.input, { io: 'input' }) as JsonSchema;
    expect(input.type).toBe('object');
    expect(() => z.toJSONSchema(operation.output, { io: 'output' })).not.toThrow();
  });

  it('closes all but open-ended inputs', () => {
    const open = catalogue
      .filter((operation) => inputSchema(operation.path).additionalProperties !== false)
      .map((operation) => operation.path);
    expect(open).toEqual(OPEN_INPUTS);
  });

  it('describes where unnamed fields pass', () => {
    for (const path of OPEN_INPUTS) {
      expect(findOperation(path)?.description, path).toMatch(/accepted as string|passed through as string/);
    }
  });

  it('lists the required fields of zone/add_txt', () => {
    const schema = inputSchema('zone/add_txt');
    expect(schema.required).toEqual(['subdomain', 'text']);
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['domain_name', 'dname', 'service_id', 'domains', 'subdomain', 'text']),
    );
  });

  it('explains the domain identification', () => {
    const schema = inputSchema('zone/add_txt') as JsonSchema & { description?: string };
    expect(schema.description).toMatch(/domain_name/);
    expect(schema.description).toMatch(/domains/);
  });

  it('explains the service identification', () => {
    const schema = inputSchema('service/get_info') as JsonSchema & { description?: string };
    expect(schema.description).toMatch(/service_id/);
  });

  it('lists required fields of others', () => {
    expect(inputSchema('zone/add_mx').required).toEqual(['mail_server']);
    expect(inputSchema('zone/add_srv').required).toEqual(['service', 'priority', 'target', 'port']);
    expect(inputSchema('bill/get_for_period').required).toEqual(['start_date', 'end_date']);
    expect(inputSchema('user/create').required).toEqual(['user_login', 'user_password', 'user_email', 'user_country_code']);
    expect(inputSchema('service/create').required).toEqual(['servtype']);
    expect(inputSchema('nop').required).toBeUndefined();
  });

  it('describes normalised output types', () => {
    const output = z.toJSONSchema(findOperation('zone/get_resource_records')!.output, { io: 'output' }) as unknown as {
      properties: { domains: { items: { properties: Record<string, { type?: unknown; items?: unknown }> } } };
    };
    const item = output.properties.domains.items.properties;
    expect(item.service_id.type).toBe('string');
    const record = (item.rrs.items as { properties: Record<string, { type?: unknown }> }).properties;
    expect(record.prio.type).toEqual(['number', 'null']);
  });
});

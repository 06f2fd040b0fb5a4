import { describe, expect, it } from 'vitest';
import { findOperation } from '../../src/core/catalogue/index.js';
import type { OperationDefinition } from '../../src/core/catalogue/types.js';
import { CallInputError, buildCallInput } from '../../src/cli/call-input.js';

function operation(path: string): OperationDefinition {
  const def = findOperation(path);
  if (!def) throw new Error(`the catalogue has no ${path}`);
  return def;
}

describe('call arguments', () => {
  it('parses JSON values and keeps other strings', () => {
    const input = buildCallInput(operation('service/get_list'), ['servtype=domain', 'limit=20', 'flag=true', 'list=[1,2]']);
    expect(input).toEqual({ servtype: 'domain', limit: 20, flag: true, list: [1, 2] });
  });

  it('splits only at the first equals sign', () => {
    const input = buildCallInput(operation('zone/add_txt'), ['text=v=spf1 -all']);
    expect(input.text).toBe('v=spf1 -all');
  });

  it('expands the domains shorthand', () => {
    const input = buildCallInput(operation('domain/check'), ['domains=example.ru,пример.рф']);
    expect(input.domains).toEqual([{ dname: 'example.ru' }, { dname: 'пример.рф' }]);
  });

  it('expands one domain into a list', () => {
    const input = buildCallInput(operation('domain/check'), ['domains=example.ru']);
    expect(input.domains).toEqual([{ dname: 'example.ru' }]);
  });

  it('expands numeric services into ids', () => {
    const input = buildCallInput(operation('service/get_info'), ['services=101,102']);
    expect(input.services).toEqual([{ service_id: '101' }, { service_id: '102' }]);
  });

  it('keeps a JSON list as given', () => {
    const input = buildCallInput(operation('domain/check'), ['domains=[{"dname":"example.ru"}]']);
    expect(input.domains).toEqual([{ dname: 'example.ru' }]);
  });

  it('leaves fields other than the bulk field alone', () => {
    const input = buildCallInput(operation('domain/check'), ['domain_name=a.ru,b.ru']);
    expect(input.domain_name).toBe('a.ru,b.ru');
  });

  it('rejects an empty list entry', () => {
    expect(() => buildCallInput(operation('domain/check'), ['domains=a.ru,,b.ru'])).toThrow(CallInputError);
  });

  it('merges --json with key=value', () => {
    const input = buildCallInput(operation('zone/add_txt'), ['text=abc'], '{"domain_name":"example.ru","subdomain":"@"}');
    expect(input).toEqual({ domain_name: 'example.ru', subdomain: '@', text: 'abc' });
  });

  it('rejects a key given twice', () => {
    expect(() => buildCallInput(operation('zone/add_txt'), ['text=a', 'text=b'])).toThrow(/text is given twice/);
  });

  it('rejects a key in both places', () => {
    expect(() => buildCallInput(operation('zone/add_txt'), ['text=a'], '{"text":"b"}')).toThrow(/both/);
  });

  it('rejects --json that is not an object', () => {
    expect(() => buildCallInput(operation('nop'), [], '[1]')).toThrow(/must be a JSON object/);
    expect(() => buildCallInput(operation('nop'), [], '{oops')).toThrow(/not valid JSON/);
  });

  it('rejects an argument without equals', () => {
    expect(() => buildCallInput(operation('nop'), ['=x'])).toThrow(/not key=value/);
    expect(() => buildCallInput(operation('nop'), ['word'])).toThrow(/"word"/);
  });
});

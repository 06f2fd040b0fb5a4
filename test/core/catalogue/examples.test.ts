import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, findOperation } from '../../../src/core/catalogue/index.js';
import { validateInput } from '../../../src/core/call/validate.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { exampleInputs } from './examples.js';

const jsonPaths = catalogue.filter((operation) => !operation.binary).map((operation) => operation.path);

describe('example inputs', () => {
  it('cover every catalogue entry', () => {
    expect(Object.keys(exampleInputs).sort()).toEqual(catalogue.map((operation) => operation.path));
  });

  it.each(catalogue.map((operation) => operation.path))('validate for %s', (path) => {
    expect(() => validateInput(findOperation(path)!, exampleInputs[path])).not.toThrow();
  });
});

describe('answers of the sandbox test account', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });

  afterAll(async () => {
    await sandbox.close();
  });

  /** Sends the validated example as the client does: credentials on top, parameters in input_data. */
  async function callTestAccount(path: string): Promise<{ result: string; answer?: unknown; error_code?: string }> {
    const input = validateInput(findOperation(path)!, exampleInputs[path]);
    const body = new URLSearchParams({
      username: 'test',
      password: 'test',
      input_format: 'json',
      input_data: JSON.stringify(input),
    });
    const response = await fetch(`${sandbox.url}/${path}`, { method: 'POST', body });
    return (await response.json()) as { result: string; answer?: unknown; error_code?: string };
  }

  it.each(jsonPaths)('parse as the output of %s', async (path) => {
    const envelope = await callTestAccount(path);
    expect(envelope.error_code).toBeUndefined();
    expect(envelope.result).toBe('success');

    const parsed = findOperation(path)!.output.safeParse(envelope.answer);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

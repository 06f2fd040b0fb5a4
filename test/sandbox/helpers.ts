import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export type Envelope = {
  result: string;
  answer?: any;
  error_code?: string;
  error_text?: string;
  error_params?: Record<string, unknown>;
  input_params?: Record<string, unknown>;
  charset?: string;
  messagestore?: unknown;
};

/** Sends one REG.API call the way regapi2's client does: form fields on top, method parameters as JSON in input_data. */
export async function call(
  sandbox: Sandbox,
  path: string,
  inputData: Record<string, unknown> = {},
  fields: Record<string, string> = { username: 'test', password: 'test' },
): Promise<Envelope> {
  const body = new URLSearchParams({ ...fields, input_format: 'json', input_data: JSON.stringify(inputData) });
  const response = await fetch(`${sandbox.url}/${path}`, { method: 'POST', body });
  return (await response.json()) as Envelope;
}

/** Sends a raw form body and returns the HTTP status and the parsed JSON. */
export async function postForm(sandbox: Sandbox, path: string, body: URLSearchParams | string): Promise<{ status: number; json: Envelope }> {
  const response = await fetch(`${sandbox.url}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return { status: response.status, json: (await response.json()) as Envelope };
}

export const as = (username: string, password: string): Record<string, string> => ({ username, password });

/** Starts a sandbox for one test file with a partner account `reseller` and a client account `client`. */
export function sandboxOptions(extra: SandboxOptions = {}): SandboxOptions {
  return {
    accounts: [
      { username: 'reseller', password: 'reseller-pass', partner: true, balance: 5000, domains: ['example.ru'] },
      { username: 'client', password: 'client-pass', balance: 300, domains: ['client.ru'] },
    ],
    ...extra,
  };
}

export { startSandbox };
export type { Sandbox };

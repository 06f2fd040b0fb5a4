import { errorText, type Lang } from './messages.js';

/** A top-level REG.API error raised by the sandbox: `{"result":"error","error_code":...}`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export type Params = Record<string, unknown>;
export type Fields = Record<string, string | string[]>;

/** Form fields that steer the protocol rather than the method; they may also appear inside input_data. */
export const CONTROL_FIELDS = new Set([
  'username',
  'password',
  'sig',
  'input_format',
  'input_data',
  'output_format',
  'view',
  'output_content_type',
  'io_encoding',
  'lang',
  'show_input_params',
  'show_sig_params',
]);

export function successEnvelope(answer: unknown): Record<string, unknown> {
  const envelope: Record<string, unknown> = { result: 'success' };
  if (answer !== undefined) envelope.answer = answer;
  envelope.charset = 'utf-8';
  envelope.messagestore = null;
  return envelope;
}

export function errorEnvelope(code: string, lang: Lang, params: Record<string, unknown> = {}): Record<string, unknown> {
  const envelope: Record<string, unknown> = { result: 'error', error_code: code, error_text: errorText(code, lang, params) };
  if (Object.keys(params).length > 0) envelope.error_params = params;
  envelope.charset = 'utf-8';
  envelope.messagestore = null;
  return envelope;
}

/** One failed element of a list answer: the element's own keys, then its error. */
export function itemError(echo: Params, code: string, lang: Lang, params: Record<string, unknown> = {}): Params {
  return { ...echo, result: 'error', error_code: code, error_text: errorText(code, lang, params) };
}

/** Parses a form body; a repeated key becomes a list, as REG.API's PLAIN format reads it. */
export async function parseForm(rawBody: Buffer, contentType: string): Promise<Fields> {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let entries: Iterable<[string, unknown]>;
  if (type === 'application/x-www-form-urlencoded' || (type === '' && rawBody.length === 0)) {
    entries = new URLSearchParams(rawBody.toString('utf8')).entries();
  } else if (type === 'multipart/form-data') {
    try {
      entries = (await new Response(new Uint8Array(rawBody), { headers: { 'content-type': contentType } }).formData()).entries();
    } catch (error) {
      throw new ApiError('PARAMETER_INCORRECT', {
        param: 'body',
        error_detail: `the multipart body cannot be parsed (${(error as Error).message})`,
      });
    }
  } else {
    throw new ApiError('PARAMETER_INCORRECT', {
      param: 'Content-Type',
      error_detail: `${contentType || 'no content type'} is not supported; send application/x-www-form-urlencoded`,
    });
  }
  const fields: Fields = {};
  for (const [key, value] of entries) {
    const text = typeof value === 'string' ? value : '';
    const previous = fields[key];
    if (previous === undefined) fields[key] = text;
    else fields[key] = Array.isArray(previous) ? [...previous, text] : [previous, text];
  }
  return fields;
}

/** The request split into protocol settings and method parameters. */
export interface ParsedRequest {
  /** Control fields, from the form and from input_data (input_data wins, as it is parsed later). */
  control: Record<string, string>;
  /** Method parameters: the other form fields plus the keys of input_data. */
  params: Params;
  /** input_data as parsed, for signature checks; undefined without input_format=json. */
  inputData?: Params;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Splits form fields into control settings and parameters. With `input_format=json`, `input_data`
 * must be a JSON object; the sandbox reads no XML, so `input_format=xml` is rejected by name.
 */
export function splitFields(fields: Fields): ParsedRequest {
  const control: Record<string, string> = {};
  const params: Params = {};
  for (const [key, value] of Object.entries(fields)) {
    if (CONTROL_FIELDS.has(key)) control[key] = firstValue(value) ?? '';
    else params[key] = value;
  }
  const format = control.input_format ?? '';
  if (format === 'xml') {
    throw new ApiError('PARAMETER_INCORRECT', {
      param: 'input_format',
      error_detail: 'the sandbox reads input_format=json and plain form fields, not xml',
    });
  }
  if (format !== 'json') return { control, params };

  const raw = control.input_data ?? '';
  let inputData: unknown;
  try {
    inputData = raw === '' ? {} : JSON.parse(raw);
  } catch (error) {
    throw new ApiError('PARAMETER_INCORRECT', {
      param: 'input_data',
      error_detail: `not valid JSON (${(error as Error).message})`,
    });
  }
  if (inputData === null || typeof inputData !== 'object' || Array.isArray(inputData)) {
    throw new ApiError('PARAMETER_INCORRECT', { param: 'input_data', error_detail: 'must be a JSON object' });
  }
  for (const [key, value] of Object.entries(inputData as Params)) {
    if (CONTROL_FIELDS.has(key) && key !== 'input_data' && key !== 'input_format') control[key] = String(value ?? '');
    else params[key] = value;
  }
  return { control, params, inputData: inputData as Params };
}

/** Converts every number in a value to a string, as some REG.API accounts send them. */
export function numbersToStrings(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(numbersToStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, numbersToStrings(inner)]));
  }
  return value;
}

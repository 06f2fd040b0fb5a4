import type { KeyObject } from 'node:crypto';
import type { Logger } from '../log.js';
import { TransportError } from './errors.js';
import { judgeAnswer, type JudgeContext, type JudgedAnswer } from './envelope.js';
import { redactRequest } from './redact.js';
import { sign } from './sig.js';
import { Transport, TransportFailureError } from './transport.js';
import type { RedactedRequest } from './types.js';

export interface ClientOptions {
  apiUrl: string;
  username: string;
  password?: string;
  /** RSA key for `sig` authentication; when set, no password is sent. */
  signingKey?: KeyObject;
  lang: string;
  transport: Transport;
  logger: Logger;
  /** Strings scrubbed from every excerpt and error text (password, key passphrase). */
  secrets: readonly string[];
}

export interface SendOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  itemOutcomes: JudgeContext['itemOutcomes'];
  binary?: boolean;
}

export interface SentAnswer extends JudgedAnswer {
  request: RedactedRequest;
  status: number;
  durationMs: number;
}

/**
 * Sends REG.API requests: a POST with a form body. Credentials and control fields are top-level form
 * fields. Every method parameter travels as JSON in `input_data` with `input_format=json`, because
 * REG.API cannot read nested lists from plain form fields. `show_input_params` is never sent, because
 * with it REG.API echoes the password.
 */
export class RegApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** Builds the form body exactly as it will be sent. */
  buildForm(inputData: Record<string, unknown>): URLSearchParams {
    const { username, password, signingKey, lang } = this.options;
    const fields: Record<string, string> = {
      username,
      lang,
      io_encoding: 'utf8',
      output_format: 'json',
      input_format: 'json',
      input_data: JSON.stringify(inputData),
    };
    const form = new URLSearchParams();
    if (signingKey) {
      const signed = { ...fields, input_data: inputData };
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('sig', sign(signed, signingKey));
      return form;
    }
    if (password !== undefined) fields.password = password;
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  }

  urlFor(path: string): string {
    return `${this.options.apiUrl}/${path}`;
  }

  async send(path: string, inputData: Record<string, unknown>, options: SendOptions): Promise<SentAnswer> {
    const url = this.urlFor(path);
    const form = this.buildForm(inputData);
    const request = redactRequest(url, path, form);
    const log = this.options.logger.child({ path });
    log.debug({ request }, 'REG.API request');
    const started = performance.now();
    let raw;
    try {
      raw = await this.options.transport.post(url, form.toString(), options.timeoutMs, options.signal);
    } catch (error) {
      if (!(error instanceof TransportFailureError)) throw error;
      log.warn({ failure: error.failure, mayHaveReachedServer: error.mayHaveReachedServer, err: error.message }, 'REG.API request failed');
      throw new TransportError({
        failure: error.failure,
        mayHaveReachedServer: error.mayHaveReachedServer,
        message: `REG.API ${path}: ${error.message}`,
        hint: error.mayHaveReachedServer
          ? 'The request may have reached REG.RU. Check the object before sending it again; queued operations are reconciled automatically.'
          : 'Nothing reached REG.RU. Check the network, REGAPI_URL and HTTPS_PROXY, then try again.',
        path,
        request,
        cause: error.cause,
      });
    }
    const durationMs = Math.round(performance.now() - started);

    if (options.binary && raw.status === 200 && !/json/i.test(raw.contentType)) {
      log.debug({ status: raw.status, durationMs, bytes: raw.body.length }, 'REG.API file answer');
      return {
        answer: { content_type: raw.contentType, size: raw.body.length, data_base64: raw.body.toString('base64') },
        items: [],
        request,
        status: raw.status,
        durationMs,
      };
    }

    try {
      const judged = judgeAnswer(raw, { path, request, secrets: this.options.secrets, itemOutcomes: options.itemOutcomes });
      log.debug({ status: raw.status, durationMs, failedItems: judged.items.filter((item) => !item.ok).length }, 'REG.API answer');
      return { ...judged, request, status: raw.status, durationMs };
    } catch (error) {
      log.debug({ status: raw.status, durationMs, code: (error as { code?: string }).code }, 'REG.API error answer');
      throw error;
    }
  }

  close(): Promise<void> {
    return this.options.transport.close();
  }
}

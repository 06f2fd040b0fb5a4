import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { ClientCertificate } from './keys.js';
import type { TransportFailure } from './errors.js';

export interface TransportOptions {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  certificate?: ClientCertificate;
  httpsProxy?: string;
  /** Replaces the dispatcher built from the options (tests, benchmarks). */
  dispatcher?: Dispatcher;
}

export interface RawAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A failure below HTTP, classified by whether the request may have reached the server. */
export class TransportFailureError extends Error {
  constructor(
    readonly failure: TransportFailure,
    readonly mayHaveReachedServer: boolean,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Errors raised before a byte of the request could reach REG.API. */
const NOT_SENT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'UND_ERR_PRX_TLS',
]);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps an undici or socket error to a transport failure. */
export function classifyFailure(error: unknown, timeoutMs: number): TransportFailureError {
  const code = errorCode(error) ?? (error as Error)?.name ?? 'UNKNOWN';
  const detail = (error as Error)?.message ?? String(error);
  if (NOT_SENT_CODES.has(code)) {
    return new TransportFailureError('connect_failed', false, `could not connect to REG.API (${code}: ${detail})`, { cause: error });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'TimeoutError' || code === 'AbortError' || code === 'UND_ERR_ABORTED') {
    return new TransportFailureError('timeout', true, `no complete answer from REG.API within ${timeoutMs} ms`, { cause: error });
  }
  return new TransportFailureError('connection_dropped', true, `the connection to REG.API was lost before an answer arrived (${code}: ${detail})`, { cause: error });
}

/** HTTP transport to REG.API: keep-alive, connect and response timeouts, client certificate, proxy. */
export class Transport {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(private readonly options: TransportOptions) {
    if (options.dispatcher) {
      this.dispatcher = options.dispatcher;
      this.ownsDispatcher = false;
      return;
    }
    const tls = options.certificate
      ? { cert: options.certificate.cert, key: options.certificate.key, passphrase: options.certificate.passphrase, ca: options.certificate.ca }
      : {};
    this.dispatcher = options.httpsProxy
      ? new ProxyAgent({ uri: options.httpsProxy, requestTls: { ...tls, timeout: options.connectTimeoutMs } })
      : new Agent({ connect: { ...tls, timeout: options.connectTimeoutMs }, keepAliveTimeout: 4_000 });
    this.ownsDispatcher = true;
  }

  /** POSTs a form body and returns the raw answer, or throws TransportFailureError. */
  async post(url: string, body: string, timeoutMs = this.options.responseTimeoutMs, signal?: AbortSignal): Promise<RawAnswer> {
    try {
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal,
      });
      const chunks: Buffer[] = [];
      for await (const chunk of response.body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      const contentType = response.headers['content-type'];
      return {
        status: response.statusCode,
        contentType: Array.isArray(contentType) ? contentType.join(', ') : (contentType ?? ''),
        body: Buffer.concat(chunks),
      };
    } catch (error) {
      throw classifyFailure(error, timeoutMs);
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}

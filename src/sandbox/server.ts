import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { dispatch, type DispatchDependencies } from './dispatch.js';
import { methodPathOf, type ActiveFault, type FaultRegistry } from './faults.js';
import { ApiError, errorEnvelope, numbersToStrings, parseForm } from './protocol.js';
import type { RecordedRequest } from './types.js';

export const API_PREFIX = '/api/regru2/';
export const CONTROL_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The body nginx sends with a 502, which is what clients see when REG.RU's front end loses its backend. */
const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Faults that answer in place of the method; `delay`, `hold` and `strings` only change timing or form. */
const TERMINAL_FAULTS = new Set(['status503', 'html502', 'drop', 'empty', 'pending', 'answer']);

export interface ServerDependencies extends DispatchDependencies {
  faults: FaultRegistry;
  recorder: (entry: RecordedRequest) => void;
  logger: Logger;
  handleControl: (request: IncomingMessage, response: ServerResponse, body: Buffer) => Promise<void>;
}

/** `::ffff:127.0.0.1` as `127.0.0.1`, so allow-lists and counters use the plain IPv4 form. */
export function clientAddress(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** Reads the whole request body, or returns undefined when it is larger than MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, entry: RecordedRequest, status: number, contentType: string, body: string, recorded: unknown): void {
  entry.status = status;
  entry.answer = recorded;
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function sendJson(response: ServerResponse, entry: RecordedRequest, status: number, value: unknown): void {
  send(response, entry, status, 'application/json; charset=utf-8', JSON.stringify(value), value);
}

/** Sends the response a terminal fault prescribes instead of running the method. */
function answerWithFault(fault: ActiveFault, response: ServerResponse, entry: RecordedRequest): void {
  switch (fault.kind) {
    case 'status503':
      sendJson(response, entry, 503, errorEnvelope('INTERNAL_API_ERROR', 'ru'));
      return;
    case 'html502':
      send(response, entry, 502, 'text/html', HTML_502, HTML_502);
      return;
    case 'drop':
      entry.status = 0;
      response.socket?.destroy();
      return;
    case 'empty':
      send(response, entry, 200, 'application/json; charset=utf-8', '', '');
      return;
    case 'pending':
      sendJson(response, entry, 200, { result: 'pending' });
      return;
    default: {
      const status = fault.status ?? 200;
      if (typeof fault.body === 'string') send(response, entry, status, 'application/json; charset=utf-8', fault.body, fault.body);
      else sendJson(response, entry, status, fault.body ?? null);
    }
  }
}

/** Serves one HTTP request: control routes for tests, otherwise REG.API's protocol with any faults switched on. */
export async function handleRequest(deps: ServerDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const body = await readBody(request);
  if (body === undefined) {
    response.writeHead(413, { 'content-type': 'text/plain' }).end('Request body larger than 16 MiB');
    return;
  }
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    await deps.handleControl(request, response, body);
    return;
  }

  const contentType = request.headers['content-type'] ?? '';
  const entry: RecordedRequest = {
    method: request.method ?? '',
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: { ...request.headers },
    contentType,
    rawBody: body.toString('utf8'),
    fields: {},
    time: new Date().toISOString(),
    clientIp: clientAddress(request),
    status: 0,
  };
  deps.recorder(entry);

  if (!url.pathname.startsWith(API_PREFIX)) {
    sendJson(response, entry, 404, errorEnvelope('NO_SUCH_COMMAND', 'en', { command_name: url.pathname }));
    return;
  }
  const methodPath = methodPathOf(url.pathname).replace(/\/$/, '');
  const faults = deps.faults.take(methodPath);
  for (const fault of faults) if (fault.kind === 'delay') await deps.sleep(fault.ms ?? 0);
  const terminal = faults.find((fault) => TERMINAL_FAULTS.has(fault.kind));
  if (terminal) {
    answerWithFault(terminal, response, entry);
    return;
  }

  if (request.method !== 'POST') {
    sendJson(response, entry, 200, errorEnvelope('ONLY_POST_ALLOWED', 'en'));
    return;
  }
  if (entry.query !== '') {
    sendJson(response, entry, 200, errorEnvelope('QUERY_PARAMS_DISALLOWED', 'en'));
    return;
  }

  let envelope: Record<string, unknown>;
  try {
    entry.fields = await parseForm(body, contentType);
    const holds = faults.filter((fault) => fault.kind === 'hold');
    envelope = await dispatch(deps, {
      methodPath,
      fields: entry.fields,
      clientIp: entry.clientIp,
      afterRun: async () => {
        for (const hold of holds) await deps.sleep(hold.ms ?? 0);
      },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) {
      deps.logger.error({ err: error, path: methodPath }, 'sandbox method failed');
      sendJson(response, entry, 500, errorEnvelope('INTERNAL_ERROR', 'en', { error_detail: (error as Error).message }));
      return;
    }
    envelope = errorEnvelope(error.code, 'en', error.params);
  }
  if (faults.some((fault) => fault.kind === 'strings') && envelope.answer !== undefined) {
    envelope.answer = numbersToStrings(envelope.answer);
  }
  sendJson(response, entry, 200, envelope);
}

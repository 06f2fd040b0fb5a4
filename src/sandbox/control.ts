import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { FaultRegistry } from './faults.js';
import type { AccountState } from './model/state.js';
import { CONTROL_PREFIX } from './server.js';
import type { FaultSpec, RecordedRequest, SandboxCounters } from './types.js';

/**
 * Routes under `/__sandbox/` let a test in another process steer a sandbox it started: switch faults on
 * and off, read recorded requests, counters and account state, and reset everything. REG.API has no
 * such routes. They have no authentication, which is safe only because the sandbox listens on
 * loopback; they exist for tests on the same machine.
 */
export interface ControlTarget {
  logger: Logger;
  faults: FaultRegistry;
  requests: () => readonly RecordedRequest[];
  counters: () => SandboxCounters;
  state: (username: string) => AccountState | undefined;
  reset: () => void;
}

/** Converts an account state to plain JSON, with the maps written out as objects and the password redacted. */
export function stateToJson(state: AccountState): Record<string, unknown> {
  return {
    ...state,
    password: '[redacted]',
    zones: Object.fromEntries(state.zones),
    tldPrices: Object.fromEntries(state.tldPrices),
    servicePrices: Object.fromEntries(state.servicePrices),
  };
}

function reply(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function parseJson(body: Buffer): unknown {
  return body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
}

export function createControlHandler(target: ControlTarget) {
  return async (request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> => {
    const route = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(CONTROL_PREFIX.length);
    const method = request.method ?? 'GET';
    try {
      if (route === 'faults' && method === 'POST') {
        const parsed = parseJson(body);
        const specs = (Array.isArray(parsed) ? parsed : [parsed]) as FaultSpec[];
        reply(response, 200, { ids: specs.map((spec) => target.faults.add(spec)) });
      } else if (route === 'faults' && method === 'GET') {
        reply(response, 200, target.faults.list());
      } else if (route === 'faults' && method === 'DELETE') {
        target.faults.clear();
        reply(response, 200, { cleared: true });
      } else if (route === 'requests' && method === 'GET') {
        reply(response, 200, target.requests());
      } else if (route === 'counters' && method === 'GET') {
        reply(response, 200, target.counters());
      } else if (route === 'reset' && method === 'POST') {
        target.reset();
        reply(response, 200, { reset: true });
      } else if (route.startsWith('state/') && method === 'GET') {
        const username = decodeURIComponent(route.slice('state/'.length));
        const state = target.state(username);
        if (state) reply(response, 200, stateToJson(state));
        else reply(response, 404, { error: `No configured account named ${username}` });
      } else {
        reply(response, 404, {
          error: `Unknown control route ${method} ${CONTROL_PREFIX}${route}; use POST|GET|DELETE faults, GET requests, GET counters, POST reset, GET state/USERNAME`,
        });
      }
    } catch (error) {
      // A bad fault spec or malformed JSON is the calling test's mistake, so the reply names it.
      target.logger.warn({ err: error, route, method }, 'sandbox control request rejected');
      reply(response, 400, { error: (error as Error).message });
    }
  };
}

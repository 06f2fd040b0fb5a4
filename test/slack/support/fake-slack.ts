import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSocketMode } from './fake-socket-mode.js';

/** One request the fake Slack received: a Web API method call or a post to a response_url. */
export interface SlackCall {
  /** `chat.postMessage`, `chat.update`, ... or `response_url` for posts to a response URL. */
  method: string;
  /** The body as an object; JSON-encoded form fields (blocks, view) are parsed. */
  body: Record<string, unknown>;
  /** The path of a response_url post, which names the command or click it belongs to. */
  path: string;
  at: number;
}

/**
 * A stand-in for Slack's Web API and its response URLs on 127.0.0.1 that records every call. It
 * implements what the app uses: auth.test, apps.connections.open (to the Socket Mode endpoint),
 * chat.postMessage (with increasing ts), chat.update, chat.postEphemeral and views.open.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** The Socket Mode endpoint that apps.connections.open points the app at. */
  readonly socketMode = new FakeSocketMode();
  private server?: Server;
  private nextTs = 1_700_000_000;
  private port = 0;
  /** Web API errors to return once per method, as Slack does for `not_in_channel` and the like. */
  private readonly failures = new Map<string, string>();

  /** Base URL for SLACK_API_URL, with the trailing slash the Web API client expects. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** Returns a fresh response_url for one slash command or click. */
  responseUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/respond/${name}`;
  }

  /** Makes the next call of `method` fail with Slack's error code `error` (`{ ok: false, error }`). */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request).then((answer) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
    this.server.on('upgrade', (request, socket) => {
      if ((request.url ?? '').startsWith('/socket')) this.socketMode.accept(request, socket);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.socketMode.close();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Calls of one method, oldest first. */
  of(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Posts to the response URL of one command or click. */
  responses(name: string): SlackCall[] {
    return this.calls.filter((call) => call.method === 'response_url' && call.path === `/respond/${name}`);
  }

  /** Waits until `predicate` holds, polling every 20 ms, or fails after `timeoutMs` naming what it waited for. */
  async waitFor(what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((call) => call.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (request.url ?? '').split('?')[0];
    const body = parseBody(raw, String(request.headers['content-type'] ?? ''));

    if (path.startsWith('/respond/')) {
      this.calls.push({ method: 'response_url', body, path, at: Date.now() });
      return { ok: true };
    }
    const method = path.replace(/^\/api\//, '');
    this.calls.push({ method, body, path, at: Date.now() });
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return { ok: false, error: failure };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'regapi2', team: 'Test' };
      case 'chat.postMessage':
        this.nextTs += 1;
        return { ok: true, channel: body.channel, ts: `${this.nextTs}.000100`, message: { text: body.text } };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs}.000200` };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'views.open':
        return { ok: true, view: { id: 'V1' } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = value;
    if (key === 'blocks' || key === 'view' || key === 'attachments') {
      try {
        body[key] = JSON.parse(value);
      } catch {
        // Left as the raw string; a test that needs it parsed fails on its own.
      }
    }
  }
  return body;
}

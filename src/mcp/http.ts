import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../core/log.js';

export const MCP_HTTP_PATH = '/mcp';

/** Larger bodies are rejected: tool arguments are small, and a 1,000-domain list fits easily. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Sessions without a request for this long are closed, so clients that vanish without DELETE do not
 * keep servers in memory. A client that comes back gets 404 and starts a new session, as the
 * Streamable HTTP transport specifies.
 */
const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;

export interface McpHttpOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Every request must carry `Authorization: Bearer <token>`. */
  token: string;
  /** Creates one MCP server per session. */
  createServer: () => Server;
  logger: Logger;
  /** Closes sessions idle for this many milliseconds; default 30 minutes. */
  sessionIdleMs?: number;
  /** Further host names accepted in Host and Origin: the public name behind a load balancer. */
  allowedHosts?: readonly string[];
}

export interface McpHttpHandle {
  /** The endpoint, e.g. `http://127.0.0.1:8931/mcp`. */
  url: string;
  close(): Promise<void>;
}

function sendJsonRpcError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/** Host names a browser or client may use for this server: the bound host, the loopback names and any configured ones. */
function allowedHostNames(boundHost: string, extra: readonly string[] = []): Set<string> {
  return new Set([boundHost.toLowerCase(), 'localhost', '127.0.0.1', '[::1]', ...extra.map((name) => name.toLowerCase())]);
}

/** Splits `name:port` or `[v6]:port` and returns the lower-case name. */
function hostName(hostHeader: string): string {
  const bracketEnd = hostHeader.indexOf(']');
  if (hostHeader.startsWith('[') && bracketEnd !== -1) return hostHeader.slice(0, bracketEnd + 1).toLowerCase();
  return hostHeader.split(':')[0].toLowerCase();
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  // Comparing digests keeps the comparison constant-time whatever the lengths are.
  const presented = createHash('sha256').update(match[1].trim()).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(presented, expected);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError(`request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Serves MCP over Streamable HTTP at `/mcp`, one stateful session per client. A request reaches the
 * SDK only when its Host header names this server (against DNS rebinding), its Origin header, if
 * any, names one of those hosts, and its bearer token matches.
 */
export async function startMcpHttp(options: McpHttpOptions): Promise<McpHttpHandle> {
  const { logger } = options;
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const lastRequestAt = new Map<string, number>();
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const hostNames = allowedHostNames(options.host, options.allowedHosts);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!hostNames.has(hostName(host))) {
      logger.warn({ host }, 'rejected MCP HTTP request with a foreign Host header');
      sendJsonRpcError(res, 403, `Host "${host}" is not allowed; connect to ${options.host} or localhost.`);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost = '';
      try {
        originHost = new URL(origin).hostname.toLowerCase();
      } catch {
        originHost = '';
      }
      const bracketed = originHost.includes(':') ? `[${originHost}]` : originHost;
      if (!hostNames.has(originHost) && !hostNames.has(bracketed)) {
        logger.warn({ origin }, 'rejected MCP HTTP request from a foreign Origin');
        sendJsonRpcError(res, 403, `Origin "${origin}" is not allowed.`);
        return;
      }
    }
    if (!tokenMatches(req.headers.authorization, options.token)) {
      sendJsonRpcError(res, 401, 'Missing or wrong bearer token: send "Authorization: Bearer <REGAPI_MCP_TOKEN>".', {
        'www-authenticate': 'Bearer',
      });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== MCP_HTTP_PATH) {
      sendJsonRpcError(res, 404, `Not found: the MCP endpoint is ${MCP_HTTP_PATH}.`);
      return;
    }

    const sessionId = req.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (existing && typeof sessionId === 'string') lastRequestAt.set(sessionId, Date.now());
    if (req.method !== 'POST') {
      if (!existing) {
        sendJsonRpcError(res, typeof sessionId === 'string' ? 404 : 400, 'Unknown or missing Mcp-Session-Id header.');
        return;
      }
      await existing.handleRequest(req, res);
      return;
    }

    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      sendJsonRpcError(res, 400, `Invalid request body: ${error instanceof Error ? error.message : String(error)}.`);
      return;
    }
    if (existing) {
      await existing.handleRequest(req, res, body);
      return;
    }
    if (sessionId !== undefined) {
      sendJsonRpcError(res, 404, `Unknown session "${String(sessionId)}"; initialize a new session.`);
      return;
    }
    if (!isInitializeRequest(body)) {
      sendJsonRpcError(res, 400, 'A request without Mcp-Session-Id must be "initialize".');
      return;
    }

    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
        lastRequestAt.set(id, Date.now());
        logger.debug({ sessionId: id }, 'MCP HTTP session started');
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) {
        sessions.delete(transport.sessionId);
        lastRequestAt.delete(transport.sessionId);
      }
      logger.debug({ sessionId: transport.sessionId }, 'MCP HTTP session closed');
    };
    await options.createServer().connect(transport);
    await transport.handleRequest(req, res, body);
  }

  const httpServer: HttpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'MCP HTTP request failed');
      if (!res.headersSent) sendJsonRpcError(res, 500, 'Internal server error.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const sweep = setInterval(() => {
    const cutoff = Date.now() - idleMs;
    for (const [id, at] of lastRequestAt) {
      if (at >= cutoff) continue;
      logger.info({ sessionId: id, idleMs }, 'closing an idle MCP HTTP session');
      void sessions.get(id)?.close();
    }
  }, Math.min(idleMs, 60_000));
  sweep.unref();

  const address = httpServer.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}${MCP_HTTP_PATH}`,
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((transport) => transport.close()));
      sessions.clear();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConfigError } from '../../core/client/errors.js';
import { startMcpHttp } from '../../mcp/http.js';
import { createMcpServer, servedTools } from '../../mcp/server.js';
import { createOperations } from '../../core/operations/index.js';
import type { WorkerHandle } from '../../core/operations/types.js';
import { mcpToolProvidersFor } from '../../mcp/providers.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { openRuntime } from '../runtime.js';
import { untilStopSignal } from '../signals.js';
import { packageVersion } from '../version.js';

const usage = `Usage: regapi2 mcp [--http HOST:PORT] [--no-worker] [options]

Serves REG.API as MCP tools. Without --http it speaks MCP on stdin and stdout, which is how
Claude Desktop, Claude Code, Cursor and VS Code start it; logs go to stderr. The process also runs
the queue worker that sends approved writes, one at a time per account.

  --http HOST:PORT     serve Streamable HTTP at http://HOST:PORT/mcp instead; HOST defaults to
                       127.0.0.1 (--http 8931 works). Requires REGAPI_MCP_TOKEN, which clients send
                       as "Authorization: Bearer <token>"
  --no-worker          do not run the queue worker here (run \`regapi2 worker\` on the same store)

${COMMON_OPTIONS_HELP}`;

interface HttpAddress {
  host: string;
  port: number;
}

function parseHttpAddress(text: string): HttpAddress {
  const match = /^(?:(\[[0-9a-fA-F:]+\]|[^:]+):)?(\d+)$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65_535) {
    throw new UsageError(`--http ${text} is not HOST:PORT; write e.g. --http 127.0.0.1:8931`, usage);
  }
  const host = match[1] ?? '127.0.0.1';
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, usage, { ...COMMON_OPTIONS, http: { type: 'string' }, 'no-worker': { type: 'boolean' } }, false);
  const http = typeof values.http === 'string' ? parseHttpAddress(values.http) : undefined;

  const runtime = await openRuntime(configFlags(values));
  const { core, config, logger } = runtime;
  let worker: WorkerHandle | undefined;
  try {
    if (http && !config.mcpToken) {
      throw new ConfigError([
        {
          setting: 'REGAPI_MCP_TOKEN',
          message: 'MCP over HTTP needs a bearer token of at least 16 characters, and none is set',
          where: 'the environment variable REGAPI_MCP_TOKEN',
        },
      ]);
    }
    // One operations API for the tools and the worker, so that a write approved here is sent here.
    // openRuntime raises a ConfigError when the store cannot open, so a store is present.
    // With a bot token and an approval channel, writes proposed here also get a Slack approval card.
    // The Slack module loads only then, so that a plain MCP start does not pay for Bolt.
    const slackConfigured = Boolean(config.slack.botToken && config.slack.approvalChannel);
    const notifiers = slackConfigured ? (await import('../../slack/index.js')).slackNotifiers({ config, store: runtime.store!, logger }) : [];
    const operations = createOperations({
      core,
      store: runtime.store!,
      logger,
      notifiers,
      approvalPolicy: { approvers: config.slack.approvers, expiryMs: config.approvalExpiryMs },
    });
    const options = { core, providers: mcpToolProvidersFor(operations), version: packageVersion() };
    const toolCount = servedTools(options).length;
    const endpoint = { endpoint: config.apiUrl, login: config.username, tools: toolCount, worker: values['no-worker'] !== true };
    if (values['no-worker'] !== true) worker = operations.startWorker();

    if (http) {
      const handle = await startMcpHttp({
        host: http.host,
        port: http.port,
        token: config.mcpToken!,
        createServer: () => createMcpServer(options),
        logger,
        allowedHosts: config.mcpAllowedHosts,
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES' && error.code !== 'EADDRNOTAVAIL') throw error;
        throw new UsageError(`cannot listen on ${http.host}:${http.port} (${error.code}); choose another --http address or port`, usage);
      });
      logger.info({ transport: 'http', url: handle.url, ...endpoint }, `MCP server on ${handle.url} serving ${toolCount} tools for ${config.username} at ${config.apiUrl}`);
      await untilStopSignal();
      await handle.close();
      return EXIT_OK;
    }

    const server = createMcpServer(options);
    const closed = new Promise<void>((resolve) => {
      server.onclose = () => resolve();
    });
    await server.connect(new StdioServerTransport());
    logger.info({ transport: 'stdio', ...endpoint }, `MCP server on stdio serving ${toolCount} tools for ${config.username} at ${config.apiUrl}`);
    // The client ends the session by closing stdin; a signal also stops the server.
    process.stdin.once('end', () => void server.close());
    await Promise.race([closed, untilStopSignal()]);
    await server.close();
    return EXIT_OK;
  } finally {
    await worker?.stop();
    await runtime.close();
  }
}

export const mcpCommand: Command = { name: 'mcp', summary: 'serve REG.API as MCP tools on stdio or Streamable HTTP', usage, run };

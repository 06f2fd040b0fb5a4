import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Core } from '../core/core.js';
import { RegApi2Error, ValidationError } from '../core/client/errors.js';
import { serverInstructions } from './instructions.js';
import { redact, secretsOf } from './redact.js';
import type { McpTool, ToolProvider } from './tool.js';
import { selectTools } from './toolsets.js';
import { errorToTool } from './tools/result.js';

export const SERVER_NAME = 'regapi2';

export interface McpServerOptions {
  core: Core;
  providers: readonly ToolProvider[];
  version: string;
}

/** Selects the tools a server built from these options serves, by `toolsets` and `readOnly` from the configuration. */
export function servedTools(options: Pick<McpServerOptions, 'core' | 'providers'>): McpTool[] {
  const all = options.providers.flatMap((provider) => provider(options.core));
  return selectTools(all, { toolsets: options.core.config.toolsets, readOnly: options.core.config.readOnly });
}

function listEntry(tool: McpTool) {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema } : {}),
    annotations: tool.annotations,
  };
}

/**
 * Drops the structured content of an error result when it lacks a field the tool's output schema
 * requires. The SDK client checks structured content against that schema even on errors, and then
 * raises a protocol error in place of the result, so the model never sees the REG.API code.
 */
function fitOutputSchema(tool: McpTool, result: CallToolResult): CallToolResult {
  const structured = result.structuredContent ?? {};
  const required = tool.outputSchema?.required ?? [];
  if (required.every((key) => key in structured)) return result;
  const { structuredContent: _dropped, ...rest } = result;
  return rest;
}

/**
 * A JSON-RPC InvalidParams error whose message is exactly `message`. The SDK's McpError prefixes its
 * message with "MCP error -32602:", and the client's McpError adds the same prefix again, so clients
 * showed it twice; the SDK sends any thrown error's `code`, `message` and `data` as they are.
 */
function invalidParams(message: string, data?: unknown): Error {
  return Object.assign(new Error(message), { code: ErrorCode.InvalidParams, data });
}

/**
 * Creates an MCP server (the SDK's low-level `Server`, so the JSON Schemas are exactly the ones built
 * here) serving the selected tools. Failures of REG.API come back as results with `isError: true`;
 * unknown tools and invalid arguments are JSON-RPC InvalidParams errors.
 */
export function createMcpServer(options: McpServerOptions): Server {
  const { core } = options;
  const tools = servedTools(options);
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const secrets = secretsOf(core.config);
  const logger = core.logger.child({ component: 'mcp' });

  const server = new Server(
    { name: SERVER_NAME, version: options.version, title: 'REG.API v2 (REG.RU)' },
    { capabilities: { tools: { listChanged: false } }, instructions: serverInstructions(core.config) },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: tools.map(listEntry) }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: args = {} } = request.params;
    const tool = byName.get(name);
    if (!tool) {
      throw invalidParams(`Unknown tool "${name}": tools/list returns the tools this server serves.`);
    }
    const log = logger.child({ tool: name, requestId: extra.requestId });
    try {
      const result = await tool.handler(args, { ...extra, server });
      if (result.isError) log.warn({ text: redact(result.content, secrets) }, 'tool call failed');
      return redact(result, secrets);
    } catch (error) {
      if (error instanceof ValidationError) {
        throw invalidParams(error.message, { issues: error.issues });
      }
      if (error instanceof McpError) throw error;
      if (error instanceof RegApi2Error) return redact(fitOutputSchema(tool, errorToTool(name, error)), secrets);
      // An unexpected exception is a defect here, not a REG.API failure; the model still gets a result it can read.
      log.error({ err: error }, 'tool handler raised an unexpected error');
      const message = error instanceof Error ? error.message : String(error);
      return redact(
        { isError: true, content: [{ type: 'text', text: `Internal error in ${name}: ${message}` }] },
        secrets,
      );
    }
  });

  return server;
}

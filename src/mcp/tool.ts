import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  CallToolResult,
  ServerNotification,
  ServerRequest,
  ToolAnnotations,
} from '@modelcontextprotocol/sdk/types.js';
import type { Core } from '../core/core.js';

/** A JSON Schema whose root is an object, as MCP requires for tool input and output schemas. */
export interface ObjectJsonSchema {
  type: 'object';
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
  [keyword: string]: unknown;
}

/**
 * The request context a tool handler receives: the SDK's per-request extra (abort signal, request id,
 * `sendRequest` for elicitation) and the server, which stores the client's declared capabilities.
 */
export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification> & { server: Server };

/** One MCP tool: what `tools/list` shows and the handler `tools/call` runs. */
export interface McpTool {
  name: string;
  title: string;
  description: string;
  inputSchema: ObjectJsonSchema;
  outputSchema?: ObjectJsonSchema;
  annotations: ToolAnnotations;
  /** The toolset that enables the tool: a catalogue category (`domain`, `zone`, ...) or `operations`. */
  toolset: string;
  /** Deprecated tools are left out of the default selection. */
  deprecated?: boolean;
  /**
   * Runs the call and returns a REG.API failure as a result with `isError: true`. Bad arguments are
   * thrown as a `ValidationError`, and the server turns that into a JSON-RPC InvalidParams error.
   */
  handler(args: Record<string, unknown>, extra: ToolExtra): Promise<CallToolResult>;
}

/** Builds the tools of one family from the core; the server takes a list of these. */
export type ToolProvider = (core: Core) => readonly McpTool[];

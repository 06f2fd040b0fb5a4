import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { createOperationsTools } from '../../src/mcp/tools/operations.js';
import { readTools } from '../../src/mcp/tools/read.js';
import { createWriteTools } from '../../src/mcp/tools/writes.js';
import type { WriteToolOptions } from '../../src/mcp/tools/writes-types.js';
import { startWorld, type World } from '../core/dns/world.js';
import type { SandboxAccount } from '../../src/sandbox/types.js';

/** How the test client answers `elicitation/create`; absent means the client lacks the capability. */
export type ElicitAnswer = (request: ElicitRequest['params']) => ElicitResult | Promise<ElicitResult>;

export interface McpSession {
  world: World;
  client: Client;
  /** Every elicitation request the client received. */
  elicitations: ElicitRequest['params'][];
  close(): Promise<void>;
}

/**
 * A sandbox account, the queue with a running worker, and a real SDK client connected in memory to
 * the MCP server with the read, write and operations tools.
 */
export async function startMcpSession(
  account: Omit<SandboxAccount, 'password'>,
  options: { answer?: ElicitAnswer; env?: Record<string, string>; tools?: Omit<WriteToolOptions, 'operations'> } = {},
): Promise<McpSession> {
  const world = await startWorld(account, { REGAPI_TOOLSETS: 'all', ...options.env });
  const worker = world.operations.startWorker({ pollMs: 50 });
  const server = createMcpServer({
    core: world.core,
    providers: [readTools, createWriteTools({ operations: world.operations, waitMs: 8_000, progressIntervalMs: 200, ...options.tools }), createOperationsTools(world.operations)],
    version: '0.0.0-test',
  });
  const elicitations: ElicitRequest['params'][] = [];
  const client = new Client({ name: 'writes-test', version: '0.0.0' }, { capabilities: options.answer ? { elicitation: {} } : {} });
  if (options.answer) {
    const answer = options.answer;
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      elicitations.push(request.params);
      return answer(request.params);
    });
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  return {
    world,
    client,
    elicitations,
    async close() {
      await client.close();
      await server.close();
      await worker.stop();
      await world.close();
    },
  };
}

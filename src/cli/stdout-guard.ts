/**
 * On the MCP stdio transport, stdout carries JSON-RPC and nothing else: one stray line from a
 * dependency breaks the client's parser. main.ts imports this module first, so for `regapi2 mcp` the
 * console methods that write to stdout are sent to stderr before any other module is evaluated.
 */
const PROTOCOL_ON_STDOUT = new Set(['mcp']);

const command = process.argv[2];
if (command !== undefined && PROTOCOL_ON_STDOUT.has(command)) {
  const toStderr = console.error.bind(console);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.dir = (item: unknown) => toStderr(item);
  console.table = (data: unknown) => toStderr(data);
}

export {};

import type { Config } from '../core/config/index.js';

/**
 * Builds the server instructions that clients pass to the model at `initialize`: how the tools map
 * to REG.API, how writes are confirmed, and the request limit that bulk lists help to respect.
 */
export function serverInstructions(config: Config): string {
  const lines = [
    'Each tool is one REG.API v2 method of the registrar REG.RU, named after its path: domain/check is domain_check, the root method nop is common_nop.',
    config.readOnly
      ? 'This server is read-only: it serves no tool that changes data at REG.RU.'
      : 'Read tools run at once. Tools that change data or spend money create an operation that a person approves; the result says how, and operations_status reports progress.',
    'REG.API allows 1,200 requests per hour per account and per IP address. Pass several domains or services in one list argument (domains, services) instead of calling a tool once per object.',
    'A result with isError carries the REG.API error code and the next step; follow the step instead of repeating the call.',
  ];
  if (config.usingTestAccount) {
    lines.push('This server uses the public test account test/test: REG.API checks every call but changes nothing, and answers are examples, not real data.');
  }
  return lines.join('\n');
}

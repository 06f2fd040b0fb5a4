import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Core } from '../../core/core.js';
import type { OperationDefinition } from '../../core/catalogue/types.js';
import { ValidationError } from '../../core/client/errors.js';
import type { DnsPlan } from '../../core/dns/index.js';
import { createOperations } from '../../core/operations/index.js';
import type { McpTool, ToolExtra, ToolProvider } from '../tool.js';
import { toolAnnotations, toolDescription, toolTitle } from './describe.js';
import { inputSchema } from './schemas.js';
import { confirmAndWait, mcpActor } from './writes-confirm.js';
import { COMMIT_PROPERTY, dnsListTool, dnsWriteTools } from './writes-dns.js';
import { WRITE_OUTPUT_SCHEMA } from './writes-result.js';
import { commitWithToken, prepareWithToken, type TokenSettings } from './writes-token.js';
import type { WriteOperations, WriteToolOptions } from './writes-types.js';

const DEFAULT_WAIT_MS = 45_000;
const DEFAULT_ELICITATION_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_PROGRESS_INTERVAL_MS = 5_000;
const DEFAULT_TOKEN_TTL_MS = 15 * 60_000;

const CONFIRMATION_TEXT = {
  elicitation:
    'Confirmation: nothing runs until a person approves. Clients with elicitation show a form in which the person types the domain or service id; ' +
    'otherwise the call returns the operation id and a person approves it with `regapi2 ops approve ID` (or in Slack when configured).',
  token:
    'Confirmation: the first call returns a preview and a single-use token; calling again with the same arguments and commit set to the token runs it. ' +
    'Billing calls get no token unless the configuration allows it.',
} as const;

function operationsFor(core: Core, options: WriteToolOptions): WriteOperations {
  if (options.operations) return options.operations;
  if (!core.store) {
    throw new Error('The MCP write tools need a store for their operations; start regapi2 with a store (--store sqlite:PATH).');
  }
  return createOperations({ core, store: core.store, logger: core.logger.child({ component: 'mcp-writes' }) });
}

/** Splits the tier-4 `commit` argument off; outside the token tier it is an unknown argument. */
function takeCommit(core: Core, args: Record<string, unknown>, tool: string): { commit?: string; rest: Record<string, unknown> } {
  const { commit, ...rest } = args;
  if (commit === undefined) return { rest };
  if (core.config.confirm !== 'token') {
    throw new ValidationError([{ path: 'commit', message: 'commit is only accepted when the server runs with REGAPI_CONFIRM=token' }], tool, 'Leave commit out; a person confirms the change instead.');
  }
  if (typeof commit !== 'string' || commit === '') {
    throw new ValidationError([{ path: 'commit', message: `expected the token string, received ${JSON.stringify(commit)}` }], tool);
  }
  return { commit, rest };
}

/**
 * Rejects zone/remove_record without `content`, which REG.API answers by removing every record of
 * that name and type. Removing them all takes dns_remove_record with `all: true`, so a model cannot
 * wipe a record set by leaving one argument out.
 */
function rejectRemoveOfEveryValue(definition: OperationDefinition, input: Record<string, unknown>): void {
  if (definition.path !== 'zone/remove_record') return;
  if (typeof input.content === 'string' && input.content !== '') return;
  const records = `${String(input.record_type)} record at ${String(input.subdomain)}`;
  const message = `content is missing, so REG.API would remove every ${records}; give the exact value, or call dns_remove_record with all: true to remove them all`;
  throw new ValidationError([{ path: 'content', message }], definition.path, 'Give content, or call dns_remove_record with all: true; nothing was proposed.');
}

/**
 * Builds the write tools: one per catalogue entry whose effect is `write` or `billing`, plus the
 * DNS tools by full name. Each call proposes an operation, which runs only after a person approves it
 * (tier 1 in the client, or Slack and the terminal), or, with REGAPI_CONFIRM=token, after a commit
 * with the single-use token from a preview call.
 */
export function createWriteTools(options: WriteToolOptions = {}): ToolProvider {
  const toolsByCore = new WeakMap<Core, readonly McpTool[]>();
  return (core) => {
    const cached = toolsByCore.get(core);
    if (cached) return cached;

    let operations: WriteOperations | undefined;
    const settings = (): TokenSettings => {
      operations ??= operationsFor(core, options);
      return {
        core,
        operations,
        waitMs: options.waitMs ?? DEFAULT_WAIT_MS,
        elicitationTimeoutMs: options.elicitationTimeoutMs ?? DEFAULT_ELICITATION_TIMEOUT_MS,
        progressIntervalMs: options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS,
        tokenTtlMs: options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
      };
    };
    const tokenTier = core.config.confirm === 'token';

    const run = async (path: string, input: Record<string, unknown>, commit: string | undefined, extra: ToolExtra, startedAt: number): Promise<CallToolResult> => {
      const definition = core.find(path);
      const billing = definition?.effect === 'billing';
      if (tokenTier) {
        return commit === undefined
          ? prepareWithToken(settings(), path, input, billing, extra)
          : commitWithToken(settings(), path, input, commit, extra, startedAt);
      }
      const operation = await settings().operations.propose({ path, input, requestedBy: mcpActor(extra), meta: { via: 'mcp' } });
      return confirmAndWait(settings(), operation, extra, startedAt);
    };

    const catalogueTool = (definition: OperationDefinition): McpTool => {
      const schema = inputSchema(definition);
      return {
        name: definition.toolName,
        title: toolTitle(definition),
        description: `${toolDescription(definition)}\n\n${CONFIRMATION_TEXT[core.config.confirm]}`,
        inputSchema: tokenTier ? { ...schema, properties: { ...schema.properties, commit: COMMIT_PROPERTY } } : schema,
        outputSchema: WRITE_OUTPUT_SCHEMA,
        annotations: toolAnnotations(definition),
        toolset: definition.category,
        deprecated: definition.deprecated === true,
        async handler(args, extra) {
          const startedAt = Date.now();
          const { commit, rest } = takeCommit(core, args, definition.toolName);
          const input = core.validate(definition.path, rest);
          rejectRemoveOfEveryValue(definition, input);
          return run(definition.path, input, commit, extra, startedAt);
        },
      };
    };

    const runPlan = async (plan: DnsPlan, args: Record<string, unknown>, extra: ToolExtra, startedAt: number, tool: string): Promise<CallToolResult> => {
      const { commit } = takeCommit(core, args, tool);
      // A plan without a call is a no-op, which the DNS tools answer before they get here.
      const call = plan.call!;
      return run(call.path, core.validate(call.path, call.input), commit, extra, startedAt);
    };

    const tools: McpTool[] = [
      ...core.catalogue.filter((definition) => definition.effect !== 'read').map(catalogueTool),
      dnsListTool(core),
      ...dnsWriteTools(core, runPlan, tokenTier),
    ];
    toolsByCore.set(core, tools);
    return tools;
  };
}

/** The write tools with the default settings, for the server's provider list. */
export const writeTools: ToolProvider = createWriteTools();

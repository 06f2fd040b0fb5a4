import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Core } from '../../core/core.js';
import { ValidationError } from '../../core/client/errors.js';
import { listRecords, planRemoveRecord, planSetRecord, RECORD_TYPES } from '../../core/dns/index.js';
import type { DnsPlan } from '../../core/dns/index.js';
import type { McpTool, ObjectJsonSchema, ToolExtra } from '../tool.js';
import { writeResult, WRITE_OUTPUT_SCHEMA } from './writes-result.js';

const nameField = z
  .string()
  .describe('Full record name such as _acme-challenge.www.example.ru (Unicode or punycode, any case, trailing dot allowed); with zone, a relative name, "@" or empty for the apex');
const zoneField = z.string().optional().describe('The zone (domain) when name is relative; by default the longest matching domain of the account is used');
const typeField = z.string().describe(`Record type: ${Object.keys(RECORD_TYPES).join(', ')}`);

export const listArguments = z.strictObject({
  name: nameField,
  zone: zoneField,
  type: z.string().optional().describe('Only records of this type (A, TXT, MX, ...)'),
});

export const setArguments = z.strictObject({
  name: nameField,
  zone: zoneField,
  type: typeField,
  value: z.string().describe('The record value: an IP address, a host name, or the text of a TXT record'),
  priority: z.number().int().nonnegative().optional().describe('MX priority (default 0)'),
});

export const removeArguments = z.strictObject({
  name: nameField,
  zone: zoneField,
  type: z.string().describe('Record type such as TXT'),
  value: z.string().optional().describe('The exact value to remove; other values of the same name and type stay'),
  all: z.boolean().optional().describe('Remove every value of this name and type; required when no value is given'),
});

/** Parses tool arguments with a zod schema, turning its issues into a ValidationError that names each field. */
export function parseArguments<T>(schema: z.ZodType<T>, args: Record<string, unknown>, tool: string): T {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    tool,
  );
}

/** Converts a tool's argument schema to JSON Schema, adding the tier-4 `commit` argument when asked. */
export function argumentsSchema(schema: z.ZodType, withCommit: boolean): ObjectJsonSchema {
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  const object = converted as unknown as ObjectJsonSchema;
  if (!withCommit) return object;
  return { ...object, properties: { ...object.properties, commit: COMMIT_PROPERTY } };
}

export const COMMIT_PROPERTY = {
  type: 'string',
  description: 'The single-use token a previous call without commit returned; runs the change previewed then.',
};

const LIST_OUTPUT_SCHEMA: ObjectJsonSchema = {
  type: 'object',
  properties: {
    zone: { type: 'string', description: 'The zone in punycode, as sent to REG.API.' },
    zone_display: { type: 'string', description: 'The zone for people, both forms for IDN names.' },
    subdomain: { type: 'string', description: 'The name relative to the zone; "@" is the apex.' },
    scope: { type: 'string', enum: ['zone', 'name'], description: 'zone: every record of the zone (the name was the apex); name: only records at the name.' },
    records: {
      type: 'array',
      items: {
        type: 'object',
        properties: { subname: { type: 'string' }, type: { type: 'string' }, content: { type: 'string' }, priority: { type: 'number' } },
        required: ['subname', 'type', 'content'],
      },
    },
  },
  required: ['zone', 'zone_display', 'subdomain', 'scope', 'records'],
};

/** `dns_list_records`: the records at a full name, or the whole zone for its apex. */
export function dnsListTool(core: Core): McpTool {
  return {
    name: 'dns_list_records',
    title: 'List DNS records by name',
    description:
      'Lists the DNS records at a full name such as www.example.ru, or every record of the zone when the name is the domain itself. ' +
      'The zone is found among the domains of the account (the longest matching one), so sub-zones such as example.msk.ru are handled.',
    inputSchema: argumentsSchema(listArguments, false),
    outputSchema: LIST_OUTPUT_SCHEMA,
    annotations: { title: 'List DNS records by name', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    toolset: 'dns',
    async handler(args) {
      const parsed = parseArguments(listArguments, args, 'dns_list_records');
      const listing = await listRecords(core, parsed.name, parsed.type, { zone: parsed.zone });
      const structured = {
        zone: listing.name.zone,
        zone_display: listing.name.zoneDisplay,
        subdomain: listing.name.subdomain,
        scope: listing.scope,
        records: listing.records,
      };
      const lines = [`${listing.records.length} record(s) ${listing.scope === 'zone' ? `in zone ${listing.name.zoneDisplay}` : `at ${listing.name.fqdn}`}:`];
      lines.push(...listing.records.map((record) => `${record.subname} ${record.type}${record.priority !== undefined ? ` ${record.priority}` : ''} "${record.content}"`));
      return { content: [{ type: 'text', text: lines.join('\n') }], structuredContent: structured };
    },
  };
}

/** Runs a DNS plan: a no-op is answered at once, anything else goes through `propose` like every write. */
export type PlanRunner = (plan: DnsPlan, args: Record<string, unknown>, extra: ToolExtra, startedAt: number, tool: string) => Promise<CallToolResult>;

function noChange(plan: DnsPlan): CallToolResult {
  return writeResult({ state: 'no_change', next_step: 'Nothing: the zone already matches.' }, plan.summary);
}

/** `dns_set_record` and `dns_remove_record`: "make the zone match" edits by full name. */
export function dnsWriteTools(core: Core, run: PlanRunner, withCommit: boolean): McpTool[] {
  const setTool: McpTool = {
    name: 'dns_set_record',
    title: 'Make a DNS record exist',
    description:
      'Makes the zone contain one record, named by its full name (such as _acme-challenge.example.ru). ' +
      'When the same record already exists nothing is sent; otherwise a person confirms the change before it runs. ' +
      'Other values of the same name and type stay.',
    inputSchema: argumentsSchema(setArguments, withCommit),
    outputSchema: WRITE_OUTPUT_SCHEMA,
    annotations: { title: 'Make a DNS record exist', readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    toolset: 'dns',
    async handler(args, extra) {
      const startedAt = Date.now();
      const { commit: _commit, ...rest } = args;
      const parsed = parseArguments(setArguments, rest, 'dns_set_record');
      const plan = await planSetRecord(core, parsed);
      return plan.noop ? noChange(plan) : run(plan, args, extra, startedAt, 'dns_set_record');
    },
  };
  const removeTool: McpTool = {
    name: 'dns_remove_record',
    title: 'Remove a DNS record value',
    description:
      'Removes the record with exactly the given value at a full name, leaving other values of the same name and type in place. ' +
      'Without a value it is rejected unless all is true. The preview lists exactly what goes, and a person confirms it.',
    inputSchema: argumentsSchema(removeArguments, withCommit),
    outputSchema: WRITE_OUTPUT_SCHEMA,
    annotations: { title: 'Remove a DNS record value', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    toolset: 'dns',
    async handler(args, extra) {
      const startedAt = Date.now();
      const { commit: _commit, ...rest } = args;
      const parsed = parseArguments(removeArguments, rest, 'dns_remove_record');
      const plan = await planRemoveRecord(core, parsed);
      return plan.noop ? noChange(plan) : run(plan, args, extra, startedAt, 'dns_remove_record');
    },
  };
  return [setTool, removeTool];
}

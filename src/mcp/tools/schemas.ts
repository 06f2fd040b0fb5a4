import { z } from 'zod';
import type { OperationDefinition } from '../../core/catalogue/types.js';
import type { ObjectJsonSchema } from '../tool.js';

type JsonSchema = Record<string, unknown>;

/**
 * Converts a zod schema to JSON Schema without the `$schema` keyword. The SDK's client validates
 * output with an Ajv instance for draft-07, and a 2020-12 `$schema` on a nested schema would make it
 * look up a meta-schema it does not have.
 */
function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function isObjectSchema(schema: unknown): schema is ObjectJsonSchema {
  return typeof schema === 'object' && schema !== null && (schema as JsonSchema).type === 'object';
}

/**
 * Folds a root `anyOf`/`oneOf` of object schemas (an input that takes `domain_name` or `domains`, say)
 * into one object: every branch's properties, and only the fields every branch requires. Clients
 * expect a plain object at the root, and the core still validates the exact alternatives.
 */
function mergeObjectAlternatives(schema: JsonSchema): ObjectJsonSchema | undefined {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (!Array.isArray(branches) || !branches.every(isObjectSchema)) return undefined;

  const properties: Record<string, unknown> = {};
  for (const branch of branches) Object.assign(properties, branch.properties ?? {});
  const requiredInEvery = (branches[0].required ?? []).filter((field) =>
    branches.every((branch) => (branch.required ?? []).includes(field)),
  );
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
  return {
    ...rest,
    type: 'object',
    properties,
    ...(requiredInEvery.length > 0 ? { required: requiredInEvery } : {}),
  };
}

const FRESH_PROPERTY = {
  type: 'boolean',
  description: 'true: send the request to REG.API even when the local cache has a recent result for it.',
};

/**
 * Builds the input schema of a read tool: the operation's input as a closed object, plus `fresh`. `fresh`
 * also keeps `properties` non-empty for methods that take no arguments (`nop`), which some clients
 * require.
 */
export function readInputSchema(def: OperationDefinition): ObjectJsonSchema {
  const base = inputSchema(def);
  return { ...base, properties: { ...base.properties, fresh: FRESH_PROPERTY } };
}

/** Converts the operation's input to a JSON object schema that rejects unknown keys, unless the catalogue types open-ended fields. */
export function inputSchema(def: OperationDefinition): ObjectJsonSchema {
  const converted = toJsonSchema(def.input, 'input');
  const object = isObjectSchema(converted) ? converted : mergeObjectAlternatives(converted);
  if (!object) {
    throw new Error(`The input schema of ${def.path} is not an object or a union of objects, so it cannot be an MCP tool input.`);
  }
  return {
    ...object,
    properties: object.properties ?? {},
    // A catch-all (typed open-ended fields) stays as the catalogue declares it; otherwise the object is closed.
    additionalProperties: typeof object.additionalProperties === 'object' ? object.additionalProperties : false,
  } as ObjectJsonSchema;
}

const ITEM_OUTCOME_SCHEMA = {
  type: 'object',
  description: 'The outcome of one element of the list argument, in request order.',
  properties: {
    index: { type: 'integer', description: 'Position in the list argument, from 0.' },
    key: { type: 'string', description: 'The domain name, service id or bill id of the element.' },
    ok: { type: 'boolean' },
    error_code: { type: 'string' },
    error_text: { type: 'string' },
  },
  required: ['index', 'ok'],
};

const ERROR_SCHEMA = {
  type: 'object',
  description: 'Why the call failed and what to do next; present only when it failed.',
  properties: {
    code: { type: 'string', description: 'REG.API error_code, or a regapi2 code such as TRANSPORT_TIMEOUT.' },
    message: { type: 'string' },
    hint: { type: 'string', description: 'The next step for a person.' },
    object: { type: 'string', description: 'The domain, service id or command the error refers to.' },
  },
  required: ['code', 'message', 'hint'],
};

/**
 * The structured content every catalogue tool returns: the normalised `answer` (the operation's
 * output schema), per-element outcomes, the overall outcome and, on failure, the error.
 */
export function resultOutputSchema(def: OperationDefinition): ObjectJsonSchema {
  const { $defs, ...answer } = toJsonSchema(def.output, 'output');
  return {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'The REG.API method path.' },
      outcome: {
        type: 'string',
        enum: ['success', 'partial', 'error'],
        description: 'partial: some list elements failed, see items.',
      },
      answer,
      items: { type: 'array', items: ITEM_OUTCOME_SCHEMA },
      requests: { type: 'integer', description: 'HTTP requests made; more than one when a long list was split.' },
      error: ERROR_SCHEMA,
    },
    required: ['path', 'outcome'],
    // Definitions move to the root so that `#/$defs/...` references inside `answer` still resolve.
    ...($defs ? { $defs } : {}),
  };
}

import type { OperationDefinition } from '../core/catalogue/types.js';

/** A `key=value` argument that cannot be read; the message names the argument and the fix. */
export class CallInputError extends Error {
  override name = 'CallInputError';
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * `domains=example.ru,пример.рф` as a list of `{dname}` items, and `services=123,456` as a list of
 * `{service_id}` items. This shorthand applies only to the operation's own bulk field and only when
 * the value is not JSON, so it never changes the meaning of a value that parses.
 */
function expandListShorthand(def: OperationDefinition, key: string, raw: string): unknown[] | undefined {
  if (!def.bulk || def.bulk.field !== key) return undefined;
  const names = raw.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) {
    throw new CallInputError(`${key}=${raw}: the list has an empty entry; write ${key}=a,b,c without empty places.`);
  }
  if (key === 'domains') return names.map((dname) => ({ dname }));
  if (key === 'services' && names.every((name) => /^\d+$/.test(name))) return names.map((service_id) => ({ service_id }));
  return undefined;
}

/**
 * Builds the input of a call from `key=value` arguments and an optional `--json` object. Values are
 * JSON when they parse (`period=2`, `records=[...]`) and strings otherwise, and a field that expects
 * a string keeps the typed text (`text=12345`). A key given twice, or in
 * both places, is an error because either choice would silently drop a value.
 */
export function buildCallInput(def: OperationDefinition, pairs: readonly string[], json?: string): Record<string, unknown> {
  let input: Record<string, unknown> = {};
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new CallInputError(`--json is not valid JSON (${(error as Error).message}); pass one object, e.g. --json '{"domain_name":"example.ru"}'.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CallInputError(`--json must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}.`);
    }
    input = { ...(parsed as Record<string, unknown>) };
  }

  const seen = new Set<string>();
  const scalars = new Map<string, string>();
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new CallInputError(`argument "${pair}" is not key=value; write e.g. domain_name=example.ru.`);
    }
    const key = pair.slice(0, equals);
    const raw = pair.slice(equals + 1);
    if (seen.has(key)) throw new CallInputError(`${key} is given twice; give each key once.`);
    if (key in input) throw new CallInputError(`${key} is given both as ${key}=... and in --json; give it once.`);
    seen.add(key);

    const parsed = parseValue(raw);
    const list = typeof parsed === 'string' || typeof parsed === 'number' ? expandListShorthand(def, key, raw) : undefined;
    input[key] = list ?? parsed;
    const scalar = parsed === null || typeof parsed === 'number' || typeof parsed === 'boolean';
    if (list === undefined && scalar) scalars.set(key, raw);
  }
  return keepStringFields(def, input, scalars);
}

/**
 * Restores the typed text of `key=value` arguments that parsed as a number, boolean or null where
 * the method expects a string, so that `text=12345` sends the TXT value "12345" instead of failing
 * validation.
 */
function keepStringFields(def: OperationDefinition, input: Record<string, unknown>, scalars: ReadonlyMap<string, string>): Record<string, unknown> {
  if (scalars.size === 0) return input;
  const checked = def.input.safeParse(input);
  if (checked.success) return input;

  const fixed = { ...input };
  for (const issue of checked.error.issues) {
    const key = issue.path[0];
    if (issue.code !== 'invalid_type' || issue.expected !== 'string' || issue.path.length !== 1 || typeof key !== 'string') continue;
    const raw = scalars.get(key);
    if (raw !== undefined) fixed[key] = raw;
  }
  return fixed;
}

import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../client/errors.js';
import type { OperationDefinition } from '../catalogue/types.js';

const SHOWN_VALUE_LENGTH = 60;

function shownValue(path: (string | number)[], value: unknown): string {
  if (path.some((part) => typeof part === 'string' && /password|passwd|secret|token/i.test(part))) return '(hidden)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH)}…` : text;
}

/** Turns zod issues into issues that name the field (with list positions), the value and the fix. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: [...base, key].join('.'), message: `unknown key "${key}"; REG.API would ignore it silently, so check the spelling against the method's fields` });
      }
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    let got = '';
    if (input !== undefined) got = ` (got ${shownValue(issue.path as (string | number)[], input)})`;
    else if (issue.code === 'invalid_type') got = ' (missing)';
    issues.push({ path: base.join('.'), message: `${issue.message}${got}` });
  }
  return issues;
}

/** Parses the input with the method's strict schema or raises ValidationError; nothing is sent. */
export function validateInput(definition: OperationDefinition, input: unknown): Record<string, unknown> {
  const parsed = definition.input.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) throw new ValidationError(toValidationIssues(parsed.error), definition.path);
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ValidationError([{ path: '', message: 'the input must be an object of REG.API fields' }], definition.path);
  }
  return data as Record<string, unknown>;
}

/**
 * Turns zod validation errors into the `ValidationIssue` list that `ValidationError` carries: one issue
 * per unknown key, each with a dotted path that includes list positions (`services.4.surprise`).
 * Messages name fields but never repeat the rejected value, because a value may be a password.
 */
import type { z } from 'zod';
import type { ValidationIssue } from '../client/errors.js';

function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** Converts every zod issue of `error` into a `ValidationIssue`. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: dottedPath([...issue.path, key]),
        message: `Unknown field "${key}": REG.API would ignore it; remove it or correct its spelling`,
      }));
    }
    return [{ path: dottedPath(issue.path), message: issue.message }];
  });
}

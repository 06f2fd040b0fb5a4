import { RegApi2Error } from '../core/client/errors.js';

/** Prints a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints `{ error: body }` as JSON on stderr. */
export function printErrorObject(body: { code: string; message: string; hint: string; [field: string]: unknown }): void {
  process.stderr.write(`${JSON.stringify({ error: body }, null, 2)}\n`);
}

/** Prints an error as one JSON object on stderr: code, message and hint, plus the error's own fields. */
export function printErrorJson(error: unknown): void {
  const body =
    error instanceof RegApi2Error
      ? error.toJSON()
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), hint: 'This is a regapi2 defect; report it with the command that produced it.' };
  process.stderr.write(`${JSON.stringify({ error: body }, null, 2)}\n`);
}

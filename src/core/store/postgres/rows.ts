import type { OperationRecord } from '../../operations/types.js';
import type { OperationPatch } from '../types.js';

/** An `operations` row as `pg` returns it: timestamps as Date, jsonb parsed. */
export interface OperationRow {
  id: string;
  account: string;
  path: string;
  effect: OperationRecord['effect'];
  input: Record<string, unknown>;
  state: OperationRecord['state'];
  preview: OperationRecord['preview'];
  requested_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  attempts: number;
  not_before: Date | null;
  reconciled: boolean;
  result: unknown;
  error: OperationRecord['error'];
  lease_owner: string | null;
  lease_until: Date | null;
  version: number;
  meta: Record<string, unknown>;
  job_id: string | null;
}

function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

export function toRecord(row: OperationRow): OperationRecord {
  return {
    id: row.id,
    account: row.account,
    path: row.path,
    effect: row.effect,
    input: row.input,
    state: row.state,
    preview: row.preview,
    requestedBy: row.requested_by,
    decidedBy: row.decided_by,
    decidedAt: isoOrNull(row.decided_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    attempts: row.attempts,
    notBefore: isoOrNull(row.not_before),
    reconciled: row.reconciled,
    result: row.result ?? null,
    error: row.error,
    leaseOwner: row.lease_owner,
    leaseUntil: isoOrNull(row.lease_until),
    version: row.version,
    meta: row.meta,
  };
}

/** The column of each patchable field, and whether its value is sent as JSON text. */
const PATCH_COLUMNS: Record<keyof OperationPatch, { column: string; json: boolean }> = {
  input: { column: 'input', json: true },
  state: { column: 'state', json: false },
  preview: { column: 'preview', json: true },
  requestedBy: { column: 'requested_by', json: false },
  decidedBy: { column: 'decided_by', json: false },
  decidedAt: { column: 'decided_at', json: false },
  updatedAt: { column: 'updated_at', json: false },
  expiresAt: { column: 'expires_at', json: false },
  attempts: { column: 'attempts', json: false },
  notBefore: { column: 'not_before', json: false },
  reconciled: { column: 'reconciled', json: false },
  result: { column: 'result', json: true },
  error: { column: 'error', json: true },
  leaseOwner: { column: 'lease_owner', json: false },
  leaseUntil: { column: 'lease_until', json: false },
  meta: { column: 'meta', json: true },
};

/**
 * Turns a patch into `column = $n` assignments starting at parameter `firstParam`. Fields set to
 * `undefined` are left alone; `null` clears a column. JSON values are sent as text and cast,
 * because `pg` would send a JavaScript array as a PostgreSQL array.
 */
export function patchAssignments(patch: OperationPatch, firstParam: number): { sql: string[]; values: unknown[] } {
  const sql: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const target = PATCH_COLUMNS[field as keyof OperationPatch];
    if (target === undefined) {
      throw new Error(`operation field "${field}" cannot be updated: it is not a column of the operations table`);
    }
    const param = `$${firstParam + values.length}`;
    sql.push(target.json ? `${target.column} = ${param}::jsonb` : `${target.column} = ${param}`);
    values.push(target.json ? toJsonText(value) : value);
  }
  return { sql, values };
}

/** JSON text for a jsonb parameter; `undefined` is stored as JSON null. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

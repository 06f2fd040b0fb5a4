import type { JournalEntry, OperationRecord } from '../../operations/types.js';
import type { OperationPatch } from '../types.js';

/** An `operations` row as SQLite returns it: JSON columns as text, booleans as 0/1. */
export interface OperationRow {
  id: string;
  account: string;
  path: string;
  effect: string;
  input: string;
  state: string;
  preview: string | null;
  requested_by: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
  attempts: number;
  not_before: string | null;
  reconciled: number;
  result: string | null;
  error: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  version: number;
  meta: string;
}

export interface JournalRow {
  seq: number;
  operation_id: string | null;
  at: string;
  kind: string;
  actor: string | null;
  data: string;
}

function parseJson<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

export function operationFromRow(row: OperationRow): OperationRecord {
  return {
    id: row.id,
    account: row.account,
    path: row.path,
    effect: row.effect as OperationRecord['effect'],
    input: parseJson(row.input, {}),
    state: row.state as OperationRecord['state'],
    preview: parseJson(row.preview, null),
    requestedBy: row.requested_by,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    attempts: row.attempts,
    notBefore: row.not_before,
    reconciled: row.reconciled === 1,
    result: parseJson(row.result, null),
    error: parseJson(row.error, null),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    version: row.version,
    meta: parseJson(row.meta, {}),
  };
}

export function journalFromRow(row: JournalRow): JournalEntry {
  return {
    operationId: row.operation_id,
    at: row.at,
    kind: row.kind as JournalEntry['kind'],
    actor: row.actor,
    data: parseJson(row.data, {}),
  };
}

type SqlValue = string | number | null;

/** Column name and encoder for every patchable field of an operation. */
const PATCH_COLUMNS: { [K in keyof Required<OperationPatch>]: [column: string, encode: (value: OperationPatch[K]) => SqlValue] } = {
  input: ['input', (value) => JSON.stringify(value ?? {})],
  state: ['state', (value) => value ?? null],
  preview: ['preview', (value) => (value === null || value === undefined ? null : JSON.stringify(value))],
  requestedBy: ['requested_by', (value) => value ?? null],
  decidedBy: ['decided_by', (value) => value ?? null],
  decidedAt: ['decided_at', (value) => value ?? null],
  updatedAt: ['updated_at', (value) => value ?? null],
  expiresAt: ['expires_at', (value) => value ?? null],
  attempts: ['attempts', (value) => value ?? 0],
  notBefore: ['not_before', (value) => value ?? null],
  reconciled: ['reconciled', (value) => (value ? 1 : 0)],
  result: ['result', (value) => (value === undefined ? null : JSON.stringify(value))],
  error: ['error', (value) => (value === null || value === undefined ? null : JSON.stringify(value))],
  leaseOwner: ['lease_owner', (value) => value ?? null],
  leaseUntil: ['lease_until', (value) => value ?? null],
  meta: ['meta', (value) => JSON.stringify(value ?? {})],
};

/** Turns a patch into `column = ?` assignments and their values; `updated_at` is always set. */
export function patchAssignments(patch: OperationPatch, now: string): { sql: string[]; values: SqlValue[] } {
  const sql: string[] = [];
  const values: SqlValue[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || field === 'updatedAt') continue;
    const entry = PATCH_COLUMNS[field as keyof OperationPatch];
    if (!entry) throw new Error(`Operation field ${field} cannot be updated`);
    const [column, encode] = entry as [string, (value: unknown) => SqlValue];
    sql.push(`${column} = ?`);
    values.push(encode(value));
  }
  sql.push('updated_at = ?');
  values.push(patch.updatedAt ?? now);
  return { sql, values };
}

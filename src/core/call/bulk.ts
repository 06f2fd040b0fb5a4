import type { OperationDefinition } from '../catalogue/types.js';
import type { ItemOutcome } from '../client/types.js';

/**
 * Splits a list longer than REG.API's maximum into several inputs with the same other fields, because
 * REG.API refuses the whole request with TOO_MANY_OBJECTS_IN_ONE_REQUEST above it.
 */
export function splitBulk(definition: OperationDefinition, input: Record<string, unknown>): Record<string, unknown>[] {
  const bulk = definition.bulk;
  const list = bulk ? input[bulk.field] : undefined;
  if (!bulk || !Array.isArray(list) || list.length <= bulk.max) return [input];
  const chunks: Record<string, unknown>[] = [];
  for (let start = 0; start < list.length; start += bulk.max) {
    chunks.push({ ...input, [bulk.field]: list.slice(start, start + bulk.max) });
  }
  return chunks;
}

/**
 * Merges the answers of split requests in order: list fields are concatenated, other fields come from
 * the first answer. Element positions count across all chunks.
 */
export function mergeAnswers(answers: unknown[], itemLists: ItemOutcome[][]): { answer: unknown; items: ItemOutcome[] } {
  if (answers.length === 1) return { answer: answers[0], items: itemLists[0] };
  const merged: Record<string, unknown> = {};
  for (const answer of answers) {
    if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) continue;
    for (const [key, value] of Object.entries(answer as Record<string, unknown>)) {
      if (Array.isArray(value)) merged[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...value];
      else if (!(key in merged)) merged[key] = value;
    }
  }
  const items: ItemOutcome[] = [];
  for (const list of itemLists) {
    for (const item of list) items.push({ ...item, index: items.length });
  }
  return { answer: merged, items };
}

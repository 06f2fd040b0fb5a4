/**
 * The catalogue: every known REG.API method as one operation definition, sorted by path. Front ends,
 * the facade and the sandbox iterate this list; nothing else lists the methods.
 */
import type { OperationDefinition } from './types.js';
import { billOperations } from './bill.js';
import { commonOperations } from './common.js';
import { dnssecOperations } from './dnssec.js';
import { domainOperations } from './domain.js';
import { folderOperations } from './folder.js';
import { hostingOperations } from './hosting.js';
import { serviceOperations } from './service.js';
import { shopOperations } from './shop.js';
import { userOperations } from './user.js';
import { zoneOperations } from './zone.js';

export type { Access, BulkSpec, Effect, OperationDefinition, OperationSpec } from './types.js';
export { defineOperation } from './types.js';

/** Every operation with its names known to the type checker; `catalogue` is the same list, sorted. */
export const typedOperations = [
  ...commonOperations,
  ...userOperations,
  ...billOperations,
  ...serviceOperations,
  ...domainOperations,
  ...zoneOperations,
  ...dnssecOperations,
  ...hostingOperations,
  ...folderOperations,
  ...shopOperations,
];

export type TypedOperation = (typeof typedOperations)[number];

const ALL_OPERATIONS: OperationDefinition[] = typedOperations;

/**
 * Lets every output schema accept a missing `answer`. REG.API omits it for methods with nothing to
 * return (user/nop, folder/create), and the test account omits it for many more, so a missing answer
 * is not a malformed one.
 */
function acceptMissingAnswer(operation: OperationDefinition): OperationDefinition {
  if (operation.output.safeParse(undefined).success) return operation;
  return { ...operation, output: operation.output.optional() };
}

/** Indexes the operations by path and by tool name; throws when two entries share either. */
export function indexOperations(operations: readonly OperationDefinition[]): Map<string, OperationDefinition> {
  const byName = new Map<string, OperationDefinition>();
  for (const operation of operations) {
    for (const name of new Set([operation.path, operation.toolName])) {
      const previous = byName.get(name);
      if (previous) {
        throw new Error(`Catalogue: "${name}" is defined twice (${previous.path} and ${operation.path})`);
      }
      byName.set(name, operation);
    }
  }
  return byName;
}

/** Orders by code point, so the order does not depend on the locale. */
function byPath(left: OperationDefinition, right: OperationDefinition): number {
  if (left.path < right.path) return -1;
  if (left.path > right.path) return 1;
  return 0;
}

/** Every operation, sorted by path. */
export const catalogue: readonly OperationDefinition[] = Object.freeze(ALL_OPERATIONS.map(acceptMissingAnswer).sort(byPath));

const operationsByName = indexOperations(catalogue);

/** Finds an operation by REG.API path (`zone/add_txt`, `nop`) or by MCP tool name (`zone_add_txt`). */
export function findOperation(pathOrToolName: string): OperationDefinition | undefined {
  return operationsByName.get(pathOrToolName);
}

/** Groups the operations by category (`common`, `domain`, `zone`, ...), each group sorted by path. */
export function catalogueByCategory(): Map<string, OperationDefinition[]> {
  const groups = new Map<string, OperationDefinition[]>();
  for (const operation of catalogue) {
    const group = groups.get(operation.category) ?? [];
    group.push(operation);
    groups.set(operation.category, group);
  }
  return groups;
}

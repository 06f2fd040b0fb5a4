import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { Access, OperationDefinition } from '../../core/catalogue/types.js';

const ACCESS_TEXT: Record<Access, string> = {
  everyone: 'Access: any caller; an authenticated partner sees partner prices.',
  clients: 'Access: any REG.RU account.',
  partners: 'Access: partner (reseller) accounts only; other accounts get RESELLER_AUTH_FAILED.',
};

const EFFECT_TEXT = {
  read: 'Effect: read-only.',
  write: 'Effect: changes data at REG.RU; a person confirms it before it runs.',
  billing: 'Effect: may spend money or move the balance; a person confirms it before it runs.',
} as const;

/** Builds the tool description: summary, details, who may call it, what it changes and its list limit. */
export function toolDescription(def: OperationDefinition): string {
  const parts = [def.summary];
  if (def.description) parts.push(def.description);
  const facts = [ACCESS_TEXT[def.access], EFFECT_TEXT[def.effect]];
  if (def.bulk) {
    facts.push(`Bulk: up to ${def.bulk.max} entries in \`${def.bulk.field}\` per REG.API request; longer lists are split and merged in order.`);
  }
  if (def.deprecated) facts.push('Deprecated: documented only in older REG.API material and may be gone.');
  parts.push(facts.join(' '));
  return parts.join('\n\n');
}

/** Returns a short title for people: the summary without its closing full stop. */
export function toolTitle(def: OperationDefinition): string {
  return def.summary.replace(/\.$/, '');
}

/**
 * Builds all four MCP annotations. Every tool talks to REG.RU, so `openWorldHint` is true. Billing
 * calls are destructive and never idempotent. Writes are destructive when the catalogue marks them
 * as removing or replacing data.
 */
export function toolAnnotations(def: OperationDefinition): ToolAnnotations {
  const read = def.effect === 'read';
  return {
    title: toolTitle(def),
    readOnlyHint: read,
    destructiveHint: read ? false : def.effect === 'billing' || def.destructive === true,
    idempotentHint: read,
    openWorldHint: true,
  };
}

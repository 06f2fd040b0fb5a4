import type { DnsRecord, JournalEntry, OperationRecord, Preview } from './types.js';

function money(value: number | undefined, currency: string | undefined): string {
  return value === undefined ? 'unknown' : `${value.toFixed(2)} ${currency ?? 'RUB'}`;
}

function recordLine(sign: string, record: DnsRecord): string {
  const priority = record.priority !== undefined ? ` ${record.priority}` : '';
  return `    ${sign} ${record.subname} ${record.type}${priority} ${JSON.stringify(record.content)}`;
}

/** Formats a preview as indented English lines for a terminal: the change, the money, the warnings. */
export function describePreview(preview: Preview | null): string[] {
  if (!preview) return ['  (no preview)'];
  const lines = [`  ${preview.headline}`];
  if (preview.price !== undefined) lines.push(`  Price: ${money(preview.price, preview.currency)}`);
  if (preview.balanceBefore !== undefined) {
    lines.push(`  Balance: ${money(preview.balanceBefore, preview.currency)} before, ${money(preview.balanceAfter, preview.currency)} after`);
  }
  if (preview.dns) {
    lines.push(`  Zone ${preview.dns.zone}:`);
    for (const record of preview.dns.added) lines.push(recordLine('+', record));
    for (const record of preview.dns.removed) lines.push(recordLine('-', record));
    if (preview.dns.added.length === 0 && preview.dns.removed.length === 0) lines.push('    no change: the zone already matches');
  }
  if (preview.deletes && preview.deletes.length > 0) lines.push(`  Deletes: ${preview.deletes.join(', ')}`);
  for (const warning of preview.warnings) lines.push(`  Warning: ${warning}`);
  if (preview.confirmWith) lines.push(`  Confirm with: ${preview.confirmWith}`);
  return lines;
}

/** Formats one operation's fields, preview, error and result as lines for a terminal. */
export function describeOperation(operation: OperationRecord): string[] {
  const lines = [
    `Operation ${operation.id}`,
    `  Method:     ${operation.path} (${operation.effect})`,
    `  Account:    ${operation.account}`,
    `  State:      ${operation.state}${operation.reconciled ? ' (reconciled)' : ''}`,
    `  Requested:  ${operation.requestedBy} at ${operation.createdAt}`,
  ];
  if (operation.decidedBy) lines.push(`  Decided:    ${operation.decidedBy} at ${operation.decidedAt ?? '?'}`);
  if (operation.state === 'awaiting_approval') lines.push(`  Expires:    ${operation.expiresAt}`);
  lines.push(`  Attempts:   ${operation.attempts}`);
  if (operation.notBefore && operation.state === 'queued') lines.push(`  Next try:   ${operation.notBefore}`);
  lines.push('Preview:', ...describePreview(operation.preview));
  if (operation.error) {
    lines.push('Error:', `  ${operation.error.code}: ${operation.error.message}`, `  Next step: ${operation.error.hint}`);
  }
  if (operation.result !== null && operation.result !== undefined) {
    lines.push('Result:', ...JSON.stringify(operation.result, null, 2).split('\n').map((line) => `  ${line}`));
  }
  return lines;
}

/** Formats journal entries as one line each: time, kind, actor and the data as compact JSON. */
export function describeJournal(entries: readonly JournalEntry[]): string[] {
  if (entries.length === 0) return ['  (empty)'];
  return entries.map((entry) => `  ${entry.at}  ${entry.kind.padEnd(9)} ${(entry.actor ?? '-').padEnd(20)} ${JSON.stringify(entry.data)}`);
}

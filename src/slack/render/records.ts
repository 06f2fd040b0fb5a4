import type { DnsRecord } from '../../core/operations/types.js';
import { escapeSlackText } from '../parse/slack-text.js';

/** One record as a zone-file-like line: `www A 192.0.2.10`, `@ MX 10 mail.example.ru`. */
export function recordLine(record: DnsRecord): string {
  const priority = record.priority !== undefined ? ` ${record.priority}` : '';
  return `${record.subname} ${record.type}${priority} ${record.content}`;
}

/** Records as a code block, escaped for Slack; `max` lines at most (Slack cuts long messages). */
export function recordBlock(records: readonly DnsRecord[], max = records.length): string {
  if (records.length === 0) return '';
  return '```\n' + escapeSlackText(records.slice(0, max).map(recordLine).join('\n')) + '\n```';
}

/** Records as a bullet list with the values in code spans, for approval cards. */
export function recordBullets(records: readonly DnsRecord[]): string {
  return records.map((record) => `• \`${escapeSlackText(recordLine(record))}\``).join('\n');
}

import type { DnsRecord, Preview } from '../types.js';

function recordKeys(records: DnsRecord[] | undefined): string {
  return (records ?? [])
    .map((record) => `${record.subname} ${record.type} ${record.priority ?? ''} ${record.content}`)
    .sort()
    .join('\n');
}

function money(value: number | undefined, currency: string | undefined): string {
  return value === undefined ? 'unknown' : `${value} ${currency ?? ''}`.trim();
}

/**
 * Compares the preview a person approved with one computed just before execution and returns why
 * they differ, or null. Price, currency, the DNS change and the list of deletes must be identical. A
 * balance that moved but still covers the price is not drift, because every queued order moves the
 * balance; a balance that no longer covers the price is.
 */
export function previewDrifted(before: Preview, now: Preview): string | null {
  if ((before.price === undefined) !== (now.price === undefined) || (before.price !== undefined && now.price !== undefined && Math.abs(before.price - now.price) >= 0.005)) {
    return `the price changed from ${money(before.price, before.currency)} to ${money(now.price, now.currency)}`;
  }
  if ((before.currency ?? '') !== (now.currency ?? '')) {
    return `the currency changed from ${before.currency ?? 'none'} to ${now.currency ?? 'none'}`;
  }
  if (now.balanceAfter !== undefined && now.balanceAfter < 0 && !(before.balanceAfter !== undefined && before.balanceAfter < 0)) {
    return `the balance fell to ${money(now.balanceBefore, now.currency)} and no longer covers ${money(now.price, now.currency)}`;
  }
  if (recordKeys(before.dns?.added) !== recordKeys(now.dns?.added) || recordKeys(before.dns?.removed) !== recordKeys(now.dns?.removed)) {
    return `the zone changed since the preview: now adds ${now.dns?.added.length ?? 0} and removes ${now.dns?.removed.length ?? 0} record(s), the approved preview added ${before.dns?.added.length ?? 0} and removed ${before.dns?.removed.length ?? 0}`;
  }
  if ((before.deletes ?? []).join('\n') !== (now.deletes ?? []).join('\n')) {
    return `what would be deleted changed: now ${(now.deletes ?? []).join(', ') || 'nothing'}`;
  }
  if (before.confirmWith !== now.confirmWith) {
    return `the object changed from ${before.confirmWith} to ${now.confirmWith}`;
  }
  return null;
}

import type { DnsRecord, Preview } from '../types.js';

function recordKey(record: DnsRecord): string {
  return `${record.subname} ${record.type} ${record.priority ?? ''} ${record.content}`;
}

/** True when every record of `part` also appears in `whole`, counting repeats. */
function isSubset(part: DnsRecord[] | undefined, whole: DnsRecord[] | undefined): boolean {
  const left = new Map<string, number>();
  for (const record of whole ?? []) left.set(recordKey(record), (left.get(recordKey(record)) ?? 0) + 1);
  for (const record of part ?? []) {
    const count = left.get(recordKey(record)) ?? 0;
    if (count === 0) return false;
    left.set(recordKey(record), count - 1);
  }
  return true;
}

function money(value: number | undefined, currency: string | undefined): string {
  return value === undefined ? 'unknown' : `${value} ${currency ?? ''}`.trim();
}

/**
 * Compares the preview a person approved with one computed just before execution and returns why
 * they differ, or null. Price, currency and the list of deletes must be identical. The DNS change may
 * only have shrunk: when some approved records were added or removed meanwhile, what is left is still
 * part of what the person approved. A balance that moved but still covers the price is not drift,
 * because every queued order moves the balance. A balance that no longer covers the price is.
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
  if (!isSubset(now.dns?.added, before.dns?.added) || !isSubset(now.dns?.removed, before.dns?.removed)) {
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

import type { Store } from '../core/store/types.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n/index.js';
import type { OrderProfile } from './context.js';

/** Per-person settings live in the store, so every process of the app sees the same choice. */
function scopeOf(userId: string): string {
  return `slack-user:${userId}`;
}

export async function userLocale(store: Store, userId: string): Promise<Locale> {
  const value = await store.getSetting(scopeOf(userId), 'lang');
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function setUserLocale(store: Store, userId: string, locale: Locale): Promise<void> {
  await store.setSetting(scopeOf(userId), 'lang', locale);
}

export async function userOrderProfile(store: Store, userId: string): Promise<OrderProfile | undefined> {
  const value = await store.getSetting(scopeOf(userId), 'order_profile');
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<OrderProfile>;
    return typeof parsed.type === 'string' && typeof parsed.name === 'string' ? { type: parsed.type, name: parsed.name } : undefined;
  } catch {
    return undefined;
  }
}

export async function setUserOrderProfile(store: Store, userId: string, profile: OrderProfile): Promise<void> {
  await store.setSetting(scopeOf(userId), 'order_profile', JSON.stringify(profile));
}

/** How long a delivery key is remembered; Slack retries a request within minutes, never days. */
const DELIVERY_TTL_MS = 24 * 3_600_000;

/**
 * Returns true the first time a Slack delivery is seen. Slack resends a request it thinks failed
 * (with X-Slack-Retry-Num), and a flaky network can deliver one payload twice; the key is the payload's
 * own unique id (trigger_id, action_ts, view id), so a second delivery runs nothing.
 */
export async function firstDelivery(store: Store, key: string): Promise<boolean> {
  return store.claimOnce(`slack:${key}`, DELIVERY_TTL_MS, Date.now());
}

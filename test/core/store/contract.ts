import { randomBytes } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { OperationRecord } from '../../../src/core/operations/types.js';
import type { NewOperation, Store } from '../../../src/core/store/types.js';

/** A fresh, migrated, empty store, with a way to open more handles on the same data. */
export interface StoreHandle {
  store: Store;
  /** Opens another, independent connection to the same data (as another process would). */
  openAnother(): Promise<Store>;
  /** Closes what `openAnother` opened and removes the data. */
  dispose(): Promise<void>;
}

const T0 = Date.parse('2026-01-01T10:00:00.000Z');

function at(offsetMs: number): Date {
  return new Date(T0 + offsetMs);
}

let sequence = 0;

/** Builds an operation as `propose` would insert it, with a unique id and a creation time that keeps insertion order. */
export function newOperation(overrides: Partial<NewOperation> = {}): NewOperation {
  sequence += 1;
  return {
    id: randomBytes(16).toString('hex'),
    account: 'client-a',
    path: 'service/renew',
    effect: 'billing',
    input: { service_id: '12345', period: 1 },
    state: 'awaiting_approval',
    preview: { headline: 'Renew 12345 for 1 year', confirmWith: '12345', warnings: [] },
    requestedBy: 'cli:alice',
    createdAt: at(sequence).toISOString(),
    expiresAt: at(sequence + 4 * 3600_000).toISOString(),
    meta: {},
    ...overrides,
  };
}

/**
 * The behaviour every Store implementation must show. `makeStore` returns a fresh, migrated, empty
 * store each time; the PostgreSQL implementation runs the same cases.
 */
export function runStoreContract(label: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`${label} store contract`, () => {
    let handle: StoreHandle;
    let store: Store;

    beforeEach(async () => {
      handle = await makeStore();
      store = handle.store;
    });

    afterEach(async () => {
      await handle.dispose();
    });

    describe('operations', () => {
      it('round-trips an inserted operation', async () => {
        const operation = newOperation({ meta: { slack: { channel: 'C1', ts: '1.2' } } });
        const inserted = await store.insertOperation(operation);

        expect(inserted).toMatchObject(operation);
        expect(inserted.version).toBe(1);
        expect(inserted.attempts).toBe(0);
        expect(inserted.reconciled).toBe(false);
        expect(inserted.leaseOwner).toBeNull();
        expect(inserted.updatedAt).toBe(operation.createdAt);
        expect(await store.getOperation(operation.id)).toEqual(inserted);
      });

      it('returns null for an unknown id', async () => {
        expect(await store.getOperation('0'.repeat(32))).toBeNull();
      });

      it('rejects a second operation with the same id', async () => {
        const operation = newOperation();
        await store.insertOperation(operation);
        await expect(store.insertOperation(operation)).rejects.toThrow();
      });

      it('applies a patch and bumps the version', async () => {
        const inserted = await store.insertOperation(newOperation());
        const updated = await store.updateOperation(
          inserted.id,
          { states: ['awaiting_approval'], version: inserted.version },
          {
            state: 'approved',
            decidedBy: 'cli:bob',
            decidedAt: at(10).toISOString(),
            result: { answer: { bill_id: '7' } },
            error: { code: 'X', message: 'm', hint: 'h' },
            reconciled: true,
          },
        );

        expect(updated?.state).toBe('approved');
        expect(updated?.decidedBy).toBe('cli:bob');
        expect(updated?.result).toEqual({ answer: { bill_id: '7' } });
        expect(updated?.error).toEqual({ code: 'X', message: 'm', hint: 'h' });
        expect(updated?.reconciled).toBe(true);
        expect(updated?.version).toBe(inserted.version + 1);
        expect(await store.getOperation(inserted.id)).toEqual(updated);
      });

      it('clears a field patched to null', async () => {
        const inserted = await store.insertOperation(newOperation({ notBefore: at(5).toISOString() }));
        const updated = await store.updateOperation(inserted.id, {}, { notBefore: null, error: null });

        expect(updated?.notBefore).toBeNull();
        expect(updated?.error).toBeNull();
      });

      it('rejects an update on state mismatch', async () => {
        const inserted = await store.insertOperation(newOperation());
        const updated = await store.updateOperation(inserted.id, { states: ['queued'] }, { state: 'sending' });

        expect(updated).toBeNull();
        expect((await store.getOperation(inserted.id))?.state).toBe('awaiting_approval');
      });

      it('rejects an update with a stale version', async () => {
        const inserted = await store.insertOperation(newOperation());
        await store.updateOperation(inserted.id, { version: inserted.version }, { meta: { first: true } });
        const second = await store.updateOperation(inserted.id, { version: inserted.version }, { meta: { second: true } });

        expect(second).toBeNull();
        expect((await store.getOperation(inserted.id))?.meta).toEqual({ first: true });
      });

      it('lets one of two racing approvals win', async () => {
        const inserted = await store.insertOperation(newOperation());
        const other = await handle.openAnother();
        const outcomes = await Promise.all([
          store.updateOperation(inserted.id, { states: ['awaiting_approval'] }, { state: 'approved', decidedBy: 'a' }),
          other.updateOperation(inserted.id, { states: ['awaiting_approval'] }, { state: 'approved', decidedBy: 'b' }),
        ]);

        expect(outcomes.filter((outcome) => outcome !== null)).toHaveLength(1);
        expect((await store.getOperation(inserted.id))?.version).toBe(2);
      });

      it('returns null when updating an unknown id', async () => {
        expect(await store.updateOperation('f'.repeat(32), {}, { state: 'queued' })).toBeNull();
      });

      it('lists by account and state, newest first, with a limit', async () => {
        const first = await store.insertOperation(newOperation({ account: 'a' }));
        const second = await store.insertOperation(newOperation({ account: 'a', state: 'queued' }));
        const third = await store.insertOperation(newOperation({ account: 'b' }));

        expect((await store.listOperations({})).map((op) => op.id)).toEqual([third.id, second.id, first.id]);
        expect((await store.listOperations({ account: 'a' })).map((op) => op.id)).toEqual([second.id, first.id]);
        expect((await store.listOperations({ states: ['awaiting_approval'] })).map((op) => op.id)).toEqual([third.id, first.id]);
        expect((await store.listOperations({ limit: 1 })).map((op) => op.id)).toEqual([third.id]);
        expect(await store.listOperations({ states: [] })).toEqual([]);
      });
    });

    describe('claimNext', () => {
      async function queue(overrides: Partial<NewOperation> = {}): Promise<OperationRecord> {
        return store.insertOperation(newOperation({ state: 'queued', ...overrides }));
      }

      it('claims the oldest queued operation with a lease', async () => {
        const older = await queue();
        await queue();
        const claimed = await store.claimNext('worker-1', 60_000, at(100));

        expect(claimed?.id).toBe(older.id);
        expect(claimed?.state).toBe('sending');
        expect(claimed?.leaseOwner).toBe('worker-1');
        expect(claimed?.leaseUntil).toBe(at(60_100).toISOString());
        expect(claimed?.version).toBe(older.version + 1);
      });

      it('returns null when nothing is queued', async () => {
        await store.insertOperation(newOperation());
        expect(await store.claimNext('worker-1', 60_000, at(100))).toBeNull();
      });

      it('claims one operation per account at a time', async () => {
        await queue({ account: 'a' });
        await queue({ account: 'a' });
        await queue({ account: 'b' });

        const first = await store.claimNext('w', 60_000, at(100));
        const second = await store.claimNext('w', 60_000, at(100));
        const third = await store.claimNext('w', 60_000, at(100));

        expect(first?.account).toBe('a');
        expect(second?.account).toBe('b');
        expect(third).toBeNull();
      });

      it('claims only the named account when asked', async () => {
        await queue({ account: 'a' });
        const mine = await queue({ account: 'b' });

        expect((await store.claimNext('w', 60_000, at(100), { account: 'b' }))?.id).toBe(mine.id);
        expect(await store.claimNext('w', 60_000, at(100), { account: 'b' })).toBeNull();
        expect((await store.claimNext('w', 60_000, at(100)))?.account).toBe('a');
      });

      it('frees the lane when the sending operation finishes', async () => {
        await queue();
        const waiting = await queue();
        const first = await store.claimNext('w', 60_000, at(100));
        await store.updateOperation(first!.id, { states: ['sending'] }, { state: 'done', leaseOwner: null, leaseUntil: null });

        expect((await store.claimNext('w', 60_000, at(200)))?.id).toBe(waiting.id);
      });

      it('frees the lane when the lease runs out', async () => {
        await queue();
        const waiting = await queue();
        await store.claimNext('crashed', 1_000, at(100));

        expect(await store.claimNext('w', 60_000, at(1_099))).toBeNull();
        expect((await store.claimNext('w', 60_000, at(1_101)))?.id).toBe(waiting.id);
      });

      it('skips operations whose backoff has not passed', async () => {
        const later = await queue({ notBefore: at(5_000).toISOString() });
        const due = await queue();

        expect((await store.claimNext('w', 60_000, at(100)))?.id).toBe(due.id);
        await store.updateOperation(due.id, {}, { state: 'done' });
        expect(await store.claimNext('w', 60_000, at(4_999))).toBeNull();
        expect((await store.claimNext('w', 60_000, at(5_000)))?.id).toBe(later.id);
      });

      it('hands each operation to exactly one of several connections', async () => {
        const ids = new Set<string>();
        for (let index = 0; index < 12; index += 1) ids.add((await queue({ account: `acct-${index % 4}` })).id);
        const stores = [store, await handle.openAnother(), await handle.openAnother()];

        const claimed: OperationRecord[] = [];
        const sendingPerAccount = new Map<string, number>();
        let maxConcurrentPerAccount = 0;
        await Promise.all(
          stores.map(async (connection, worker) => {
            for (;;) {
              const operation = await connection.claimNext(`w${worker}`, 60_000, at(100));
              if (!operation) {
                if (claimed.length === ids.size) return;
                await new Promise((resolve) => setTimeout(resolve, 1));
                continue;
              }
              claimed.push(operation);
              const busy = (sendingPerAccount.get(operation.account) ?? 0) + 1;
              sendingPerAccount.set(operation.account, busy);
              maxConcurrentPerAccount = Math.max(maxConcurrentPerAccount, busy);
              await new Promise((resolve) => setTimeout(resolve, 2));
              sendingPerAccount.set(operation.account, busy - 1);
              await connection.updateOperation(operation.id, { states: ['sending'] }, { state: 'done', leaseOwner: null, leaseUntil: null });
            }
          }),
        );

        expect(claimed.map((operation) => operation.id).sort()).toEqual([...ids].sort());
        expect(maxConcurrentPerAccount).toBe(1);
      });
    });

    describe('journal', () => {
      it('returns entries of one operation in insertion order', async () => {
        const kinds = ['decision', 'state', 'request', 'answer', 'state'] as const;
        for (const [index, kind] of kinds.entries()) {
          // Equal timestamps: order must come from insertion, not from the clock.
          await store.appendJournal({ operationId: 'op-1', at: at(0).toISOString(), kind, actor: `a${index}`, data: { index } });
          await store.appendJournal({ operationId: 'op-2', at: at(0).toISOString(), kind: 'note', actor: null, data: {} });
        }
        const entries = await store.listJournal('op-1');

        expect(entries.map((entry) => entry.kind)).toEqual([...kinds]);
        expect(entries.map((entry) => entry.data.index)).toEqual([0, 1, 2, 3, 4]);
        expect(entries[0]).toEqual({ operationId: 'op-1', at: at(0).toISOString(), kind: 'decision', actor: 'a0', data: { index: 0 } });
      });

      it('returns no entries for an unknown operation', async () => {
        expect(await store.listJournal('nothing')).toEqual([]);
      });
    });

    describe('takeBudget', () => {
      it('grants up to the limit within the window', async () => {
        for (let index = 0; index < 3; index += 1) {
          expect(await store.takeBudget(['account:a'], 3, 1_000, T0 + index)).toEqual({ granted: true });
        }
        expect(await store.takeBudget(['account:a'], 3, 1_000, T0 + 10)).toEqual({ granted: false, retryAt: T0 + 1_000 });
      });

      it('grants again once the oldest request leaves the window', async () => {
        await store.takeBudget(['k'], 2, 1_000, T0);
        await store.takeBudget(['k'], 2, 1_000, T0 + 500);

        expect((await store.takeBudget(['k'], 2, 1_000, T0 + 999)).granted).toBe(false);
        expect((await store.takeBudget(['k'], 2, 1_000, T0 + 1_000)).granted).toBe(true);
        expect(await store.takeBudget(['k'], 2, 1_000, T0 + 1_001)).toEqual({ granted: false, retryAt: T0 + 1_500 });
      });

      it('takes from every key or from none', async () => {
        await store.takeBudget(['ip:1'], 1, 1_000, T0);
        const refused = await store.takeBudget(['account:a', 'ip:1'], 1, 1_000, T0 + 1);

        expect(refused).toEqual({ granted: false, retryAt: T0 + 1_000 });
        // The refused request took nothing from the account budget.
        expect((await store.takeBudget(['account:a'], 1, 1_000, T0 + 2)).granted).toBe(true);
      });

      it('keeps separate budgets per key', async () => {
        expect((await store.takeBudget(['account:a'], 1, 1_000, T0)).granted).toBe(true);
        expect((await store.takeBudget(['account:b'], 1, 1_000, T0)).granted).toBe(true);
      });

      it('never grants more than the limit across connections', async () => {
        const stores = [store, await handle.openAnother(), await handle.openAnother()];
        const decisions = await Promise.all(
          Array.from({ length: 60 }, (_, index) => stores[index % stores.length]!.takeBudget(['account:a'], 25, 60_000, T0 + index)),
        );

        expect(decisions.filter((decision) => decision.granted)).toHaveLength(25);
      });
    });

    describe('cache', () => {
      it('returns a value until it expires', async () => {
        await store.cacheSet('prices', { ru: 199.5 }, 1_000, [], T0);

        expect(await store.cacheGet('prices', T0 + 999)).toEqual({ ru: 199.5 });
        expect(await store.cacheGet('prices', T0 + 1_000)).toBeUndefined();
      });

      it('returns undefined for a missing key', async () => {
        expect(await store.cacheGet('missing', T0)).toBeUndefined();
      });

      it('replaces a value and its tags', async () => {
        await store.cacheSet('zone', ['old'], 10_000, ['domain:old.ru'], T0);
        await store.cacheSet('zone', ['new'], 10_000, ['domain:new.ru'], T0);
        await store.cacheInvalidate(['domain:old.ru']);

        expect(await store.cacheGet('zone', T0 + 1)).toEqual(['new']);
      });

      it('drops every entry carrying an invalidated tag', async () => {
        await store.cacheSet('zone:example.ru', 1, 10_000, ['domain:example.ru'], T0);
        await store.cacheSet('list', 2, 10_000, ['domain:example.ru', 'services'], T0);
        await store.cacheSet('prices', 3, 10_000, ['prices'], T0);
        await store.cacheInvalidate(['domain:example.ru']);

        expect(await store.cacheGet('zone:example.ru', T0 + 1)).toBeUndefined();
        expect(await store.cacheGet('list', T0 + 1)).toBeUndefined();
        expect(await store.cacheGet('prices', T0 + 1)).toBe(3);
      });

      it('stores null and falsy values', async () => {
        await store.cacheSet('nothing', null, 1_000, [], T0);
        await store.cacheSet('zero', 0, 1_000, [], T0);

        expect(await store.cacheGet('nothing', T0)).toBeNull();
        expect(await store.cacheGet('zero', T0)).toBe(0);
      });
    });

    describe('claimOnce', () => {
      it('returns true only for the first claim within the ttl', async () => {
        expect(await store.claimOnce('slack:evt-1', 1_000, T0)).toBe(true);
        expect(await store.claimOnce('slack:evt-1', 1_000, T0 + 999)).toBe(false);
        expect(await store.claimOnce('slack:evt-2', 1_000, T0 + 999)).toBe(true);
      });

      it('allows a new claim after the ttl', async () => {
        await store.claimOnce('token', 1_000, T0);
        expect(await store.claimOnce('token', 1_000, T0 + 1_000)).toBe(true);
      });

      it('lets exactly one connection claim a key', async () => {
        const stores = [store, await handle.openAnother(), await handle.openAnother()];
        const outcomes = await Promise.all(stores.map((connection) => connection.claimOnce('shared', 60_000, T0)));

        expect(outcomes.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('settings', () => {
      it('stores, overwrites and scopes values', async () => {
        expect(await store.getSetting('slack-lang', 'U1')).toBeNull();
        await store.setSetting('slack-lang', 'U1', 'ru');
        await store.setSetting('slack-lang', 'U1', 'en');
        await store.setSetting('other', 'U1', 'x');

        expect(await store.getSetting('slack-lang', 'U1')).toBe('en');
        expect(await store.getSetting('other', 'U1')).toBe('x');
      });

      it('is visible to another connection', async () => {
        await store.setSetting('scope', 'key', 'value');
        const other = await handle.openAnother();
        expect(await other.getSetting('scope', 'key')).toBe('value');
      });
    });

    describe('migrate', () => {
      it('runs again without changing data', async () => {
        await store.setSetting('scope', 'key', 'kept');
        await store.migrate();
        expect(await store.getSetting('scope', 'key')).toBe('kept');
      });
    });
  });
}

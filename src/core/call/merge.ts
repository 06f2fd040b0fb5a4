import type { OperationDefinition } from '../catalogue/types.js';
import type { CallOptions, CallResult } from '../client/types.js';
import { stableJson } from '../stable-json.js';

/** How long the first call of a batch waits for others to join it, in milliseconds. */
const MERGE_WINDOW_MS = 5;

const NAME_FIELDS = ['domain_name', 'dname'] as const;

type Send = (definition: OperationDefinition, input: Record<string, unknown>, options: CallOptions) => Promise<CallResult>;

interface Waiter {
  name: string;
  resolve: (result: CallResult) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  definition: OperationDefinition;
  rest: Record<string, unknown>;
  options: CallOptions;
  waiters: Waiter[];
  timer: NodeJS.Timeout;
}

/** Returns the one domain a single-object input names and its other fields, or undefined when it names none or several. */
function singleName(input: Record<string, unknown>): { name: string; rest: Record<string, unknown> } | undefined {
  const present = NAME_FIELDS.filter((field) => typeof input[field] === 'string');
  if (present.length !== 1 || input.domains !== undefined) return undefined;
  const rest = { ...input };
  for (const field of NAME_FIELDS) delete rest[field];
  return { name: input[present[0]] as string, rest };
}

/** Cuts one element out of a merged answer, as if the element had been asked alone. */
function elementResult(merged: CallResult, index: number, first: boolean): CallResult {
  const answer = merged.answer as Record<string, unknown> | undefined;
  const list = Array.isArray(answer?.domains) ? (answer.domains as unknown[]) : [];
  const item = merged.items[index];
  return {
    path: merged.path,
    answer: { ...answer, domains: list[index] === undefined ? [] : [list[index]] },
    outcome: merged.outcome,
    items: item ? [{ ...item, index: 0 }] : [],
    requests: first ? merged.requests : 0,
  };
}

/**
 * Merges concurrent single-domain calls of operations marked `mergeConcurrent` (domain/check) into
 * one request with a `domains` list, so that a burst of checks spends one request of the hourly
 * budget instead of one each. Calls join a batch when they arrive within a few milliseconds of its
 * first call and share every other field. Each caller gets its own element back.
 */
export class ConcurrentMerger {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly send: Send) {}

  /** True when this call can join a batch. */
  accepts(definition: OperationDefinition, input: Record<string, unknown>): boolean {
    return definition.mergeConcurrent === true && definition.effect === 'read' && singleName(input) !== undefined;
  }

  call(definition: OperationDefinition, input: Record<string, unknown>, options: CallOptions): Promise<CallResult> {
    const { name, rest } = singleName(input)!;
    const key = `${definition.path} ${stableJson(rest)}`;
    let batch = this.batches.get(key);
    if (!batch) {
      batch = { definition, rest, options, waiters: [], timer: setTimeout(() => void this.flush(key), MERGE_WINDOW_MS) };
      this.batches.set(key, batch);
    }
    const joined = batch;
    const result = new Promise<CallResult>((resolve, reject) => joined.waiters.push({ name, resolve, reject }));
    if (definition.bulk && joined.waiters.length >= definition.bulk.max) {
      clearTimeout(joined.timer);
      void this.flush(key);
    }
    return result;
  }

  private async flush(key: string): Promise<void> {
    const batch = this.batches.get(key);
    if (!batch) return;
    this.batches.delete(key);
    const { definition, rest, options, waiters } = batch;
    const input = waiters.length === 1 ? { ...rest, domain_name: waiters[0].name } : { ...rest, domains: waiters.map((waiter) => ({ dname: waiter.name })) };
    try {
      const merged = await this.send(definition, input, options);
      if (waiters.length === 1) {
        waiters[0].resolve(merged);
        return;
      }
      waiters.forEach((waiter, index) => waiter.resolve(elementResult(merged, index, index === 0)));
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    }
  }
}

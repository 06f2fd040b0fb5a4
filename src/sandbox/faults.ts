import type { FaultKind, FaultSpec } from './types.js';

export const FAULT_KINDS: readonly FaultKind[] = ['delay', 'status503', 'html502', 'drop', 'empty', 'pending', 'strings', 'answer', 'hold'];

export interface ActiveFault extends FaultSpec {
  id: number;
  /** Matching requests that got this fault so far. */
  hits: number;
}

/** A small seeded generator (mulberry32), so tests that use `probability` see the same sequence every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strips a leading `/`, `/api/regru2/` or `api/regru2/` so that faults match method paths. */
export function methodPathOf(path: string): string {
  return path.replace(/^\/?(?:api\/regru2\/)?/, '');
}

/** The faults tests switched on, matched per method path. */
/** Fault kinds that change how an answer is delivered without replacing it. */
const COMBINING_KINDS: ReadonlySet<string> = new Set(['delay', 'hold', 'strings']);

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private random: () => number;

  constructor(private readonly seed = 1) {
    this.random = seededRandom(seed);
  }

  /** Adds a fault and returns its id. Throws a TypeError naming the bad field for an invalid spec. */
  add(spec: FaultSpec): number {
    if (!FAULT_KINDS.includes(spec.kind)) {
      throw new TypeError(`Unknown fault kind ${JSON.stringify(spec.kind)}; use one of ${FAULT_KINDS.join(', ')}`);
    }
    if (typeof spec.path !== 'string' || spec.path === '') throw new TypeError('Fault path is missing; give a method path such as zone/add_txt, or *');
    if ((spec.kind === 'delay' || spec.kind === 'hold') && !(typeof spec.ms === 'number' && spec.ms >= 0)) {
      throw new TypeError(`Fault ${spec.kind} needs ms, a number of milliseconds of at least 0`);
    }
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new TypeError(`Fault probability ${String(spec.probability)} is outside 0..1`);
    }
    if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
      throw new TypeError(`Fault times ${String(spec.times)} must be a whole number above 0`);
    }
    const fault: ActiveFault = { ...spec, path: spec.path === '*' ? '*' : methodPathOf(spec.path), id: this.nextId++, hits: 0 };
    this.faults.push(fault);
    return fault.id;
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  /** Removes every fault and restarts the random sequence from the seed. */
  clear(): void {
    this.faults = [];
    this.random = seededRandom(this.seed);
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /**
   * Returns the faults that apply to one request for `methodPath`, in the order they were added, and
   * counts them against `times`. A fault whose `times` is used up is removed. Delays and number
   * rewriting combine, but only the first fault that replaces the answer applies to a request, so
   * two queued `times: 1` answers serve two requests.
   */
  take(methodPath: string): ActiveFault[] {
    const applied: ActiveFault[] = [];
    let answered = false;
    for (const fault of this.faults) {
      if (fault.path !== '*' && fault.path !== methodPath) continue;
      const replacesAnswer = !COMBINING_KINDS.has(fault.kind);
      if (replacesAnswer && answered) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      if (replacesAnswer) answered = true;
      fault.hits += 1;
      applied.push({ ...fault });
    }
    this.faults = this.faults.filter((fault) => fault.times === undefined || fault.hits < fault.times);
    return applied;
  }
}

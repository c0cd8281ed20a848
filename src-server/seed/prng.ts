// A small seeded pseudo-random generator (mulberry32) with the draws the synthetic data needs, so
// the same seed value always yields the same demo province and the same complaints.

/** Weighted choices prepared once, for distributions drawn from many times. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  /** Running totals of the weights. */
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  if (entries.length === 0) throw new RangeError('a weighted table needs entries');
  let total = 0;
  const cumulative = entries.map(([, weight]) => (total += weight));
  return { items: entries.map(([item]) => item), cumulative, total };
}

/** A deterministic source of randomness: never `Math.random`, so runs can be reproduced. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight (weights > 0). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** One element of a prepared table, with probability proportional to its weight. */
  draw<T>(table: WeightedTable<T>): T;
  /** `count` distinct elements (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: 32 bits of state, fast, and good enough for synthetic data (not for secrets). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of items) total += weight;
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items.at(-1);
      if (last === undefined) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
    draw<T>(table: WeightedTable<T>): T {
      const roll = next() * table.total;
      const { cumulative } = table;
      let i = 0;
      while (i < cumulative.length - 1 && (cumulative[i] ?? 0) <= roll) i++;
      return table.items[i] as T;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = [...items];
      const n = Math.min(count, copy.length);
      // Partial Fisher–Yates: the first n positions end up a uniform sample.
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, n);
    },
  };
}

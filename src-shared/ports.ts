// Ports for time and identity: pure code takes these as arguments so simulation can run an
// accelerated clock and tests stay deterministic.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Ids {
  /** A new unique identifier (UUID-shaped where the implementation allows). */
  next(): string;
}

/** A clock that only moves when told to: for tests and simulation. */
export function manualClock(
  start: number,
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(ms) {
      current = ms;
    },
  };
}

/** Deterministic ids with a prefix: `prefix-1`, `prefix-2`, … */
export function sequentialIds(prefix: string): Ids {
  let n = 0;
  return { next: () => `${prefix}-${String(++n)}` };
}

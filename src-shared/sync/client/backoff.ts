// Retry delays after failed sync rounds: exponential, capped, with full jitter so that many
// clients coming back after an outage do not retry in step.

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** The ceiling of the delay after `failures` consecutive failures (1, 2, …): base·2^(n−1), capped. */
export function backoffCeiling(failures: number, policy: BackoffPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
}

/** Full jitter: uniform in [0, ceiling), from `random()` in [0, 1). */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
): number {
  return Math.floor(random() * backoffCeiling(failures, policy));
}

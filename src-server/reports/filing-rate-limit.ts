// Filing limits for the public citizen side: reports accepted per client address in a sliding
// window. In-memory and per process, like the login limits (auth/rate-limit.ts): a restart or a
// second server process forgets or splits the counts, which is accepted for a spam brake.
import type { Clock } from '../../src-shared/ports';

export interface FilingRateLimit {
  /** Reports accepted per address inside the window; the next one is refused. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_FILING_RATE_LIMIT: FilingRateLimit = { limit: 10, windowMs: 10 * 60 * 1000 };

/** Addresses remembered before the stalest is forgotten (memory bound). */
const MAX_ADDRESSES = 50_000;

export interface FilingRateLimiter {
  /** Milliseconds until this address may file again; 0 when it may file now. */
  retryAfterMs(address: string): number;
  recordFiling(address: string): void;
}

export function createFilingRateLimiter(
  clock: Clock,
  rule: FilingRateLimit = DEFAULT_FILING_RATE_LIMIT,
): FilingRateLimiter {
  const filings = new Map<string, number[]>();
  const live = (address: string, now: number): number[] => {
    const times = (filings.get(address) ?? []).filter((t) => t > now - rule.windowMs);
    if (times.length === 0) filings.delete(address);
    return times;
  };
  return {
    retryAfterMs(address) {
      const now = clock.now();
      const times = live(address, now);
      if (times.length < rule.limit) return 0;
      const oldest = times[times.length - rule.limit] ?? now;
      return oldest + rule.windowMs - now;
    },
    recordFiling(address) {
      const now = clock.now();
      const times = [...live(address, now), now].slice(-rule.limit);
      filings.delete(address);
      filings.set(address, times);
      if (filings.size > MAX_ADDRESSES) {
        const stalest = filings.keys().next();
        if (stalest.done !== true) filings.delete(stalest.value);
      }
    },
  };
}

// Login rate limiting: failed sign-ins counted in a sliding window per username (against guessing
// one operator's password) and per client address (against trying many usernames). A success
// clears its username's count. Counts live in this process's memory: behind a load balancer
// each server process counts on its own, so the effective limit is N times higher there, and a
// restart forgets them. That is accepted: scrypt already makes each guess slow.
import type { Clock } from '../../src-shared/ports';

export interface RateLimitRule {
  /** Failures allowed inside the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export interface LoginRateLimits {
  perUsername: RateLimitRule;
  perAddress: RateLimitRule;
  /** Keys remembered per counter before the least recently failed are forgotten (memory bound). */
  maxKeys?: number;
}

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

export const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = {
  perUsername: { limit: 5, windowMs: FIFTEEN_MINUTES_MS },
  perAddress: { limit: 30, windowMs: FIFTEEN_MINUTES_MS },
  maxKeys: 100_000,
};

export interface LoginAttempt {
  username: string;
  /** The client's address as the server sees it (request.ip). */
  address: string;
}

export interface LoginRateLimiter {
  /** Milliseconds until this attempt may be made, or 0 when it may be made now. */
  retryAfterMs(attempt: LoginAttempt): number;
  recordFailure(attempt: LoginAttempt): void;
  recordSuccess(attempt: LoginAttempt): void;
}

/** Failure times per key, oldest first, at most `rule.limit` of them (older ones cannot matter). */
class SlidingWindowCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly maxKeys: number,
  ) {}

  retryAfterMs(key: string, now: number): number {
    const times = this.live(key, now);
    if (times.length < this.rule.limit) return 0;
    // Refused until the oldest failure that still counts leaves the window.
    const oldest = times[times.length - this.rule.limit] ?? now;
    return oldest + this.rule.windowMs - now;
  }

  record(key: string, now: number): void {
    const times = [...this.live(key, now), now].slice(-this.rule.limit);
    // Re-inserting keeps the Map in order of last failure, so eviction drops the stalest key.
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > this.maxKeys) {
      const stalest = this.failures.keys().next();
      if (stalest.done !== true) this.failures.delete(stalest.value);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private live(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (times === undefined) return [];
    const live = times.filter((t) => t > now - this.rule.windowMs);
    if (live.length === 0) this.failures.delete(key);
    return live;
  }
}

/** `Admin` and `admin ` count as one username, so case and spacing do not buy more guesses. */
function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

export function createLoginRateLimiter(
  clock: Clock,
  limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS,
): LoginRateLimiter {
  const maxKeys = limits.maxKeys ?? DEFAULT_LOGIN_RATE_LIMITS.maxKeys ?? 100_000;
  const byUsername = new SlidingWindowCounter(limits.perUsername, maxKeys);
  const byAddress = new SlidingWindowCounter(limits.perAddress, maxKeys);
  return {
    retryAfterMs(attempt) {
      const now = clock.now();
      return Math.max(
        byUsername.retryAfterMs(usernameKey(attempt.username), now),
        byAddress.retryAfterMs(attempt.address, now),
      );
    },
    recordFailure(attempt) {
      const now = clock.now();
      byUsername.record(usernameKey(attempt.username), now);
      byAddress.record(attempt.address, now);
    },
    recordSuccess(attempt) {
      byUsername.clear(usernameKey(attempt.username));
    },
  };
}

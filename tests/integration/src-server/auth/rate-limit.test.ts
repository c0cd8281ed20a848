import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from '../../../../src-server/auth/rate-limit';
import { manualClock } from '../../../../src-shared/ports';

const MINUTE_MS = 60_000;
const limits = {
  perUsername: { limit: 3, windowMs: 10 * MINUTE_MS },
  perAddress: { limit: 5, windowMs: 10 * MINUTE_MS },
};

describe('login rate limiter', () => {
  it('allows attempts up to the limit of failures and refuses the next one', () => {
    const clock = manualClock(0);
    const limiter = createLoginRateLimiter(clock, limits);
    const attempt = { username: 'budi', address: '10.0.0.1' };
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs(attempt)).toBe(0);
      limiter.recordFailure(attempt);
      clock.advance(MINUTE_MS);
    }
    // Failures at 0, 1 and 2 minutes: the one at 0 leaves the window at 10 minutes.
    expect(limiter.retryAfterMs(attempt)).toBe(7 * MINUTE_MS);
  });

  it('slides: each failure stops counting one window after it happened', () => {
    const clock = manualClock(0);
    const limiter = createLoginRateLimiter(clock, limits);
    const attempt = { username: 'budi', address: '10.0.0.1' };
    limiter.recordFailure(attempt);
    clock.advance(8 * MINUTE_MS);
    limiter.recordFailure(attempt);
    limiter.recordFailure(attempt);
    expect(limiter.retryAfterMs(attempt)).toBe(2 * MINUTE_MS);
    clock.advance(2 * MINUTE_MS);
    expect(limiter.retryAfterMs(attempt)).toBe(0);
    limiter.recordFailure(attempt);
    expect(limiter.retryAfterMs(attempt)).toBe(8 * MINUTE_MS);
  });

  it('clears the username count on success but keeps the address count', () => {
    const clock = manualClock(0);
    const limiter = createLoginRateLimiter(clock, limits);
    for (let i = 0; i < 3; i++) limiter.recordFailure({ username: 'budi', address: '10.0.0.1' });
    limiter.recordSuccess({ username: 'budi', address: '10.0.0.1' });
    expect(limiter.retryAfterMs({ username: 'budi', address: '10.0.0.2' })).toBe(0);
    for (let i = 0; i < 2; i++) limiter.recordFailure({ username: 'siti', address: '10.0.0.1' });
    // 5 failures from 10.0.0.1 in all: the address is refused for any username.
    expect(limiter.retryAfterMs({ username: 'joko', address: '10.0.0.1' })).toBe(10 * MINUTE_MS);
  });

  it('forgets the stalest keys beyond its memory bound', () => {
    const clock = manualClock(0);
    const limiter = createLoginRateLimiter(clock, { ...limits, maxKeys: 2 });
    for (const username of ['a', 'b', 'c']) {
      for (let i = 0; i < 3; i++) limiter.recordFailure({ username, address: `ip-${username}` });
    }
    expect(limiter.retryAfterMs({ username: 'a', address: 'elsewhere' })).toBe(0);
    expect(limiter.retryAfterMs({ username: 'c', address: 'elsewhere' })).toBeGreaterThan(0);
  });

  it('never lets more failures through in one window than the limit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ gap: fc.integer({ min: 0, max: 4 * MINUTE_MS }), fail: fc.boolean() }),
        ),
        (steps) => {
          const clock = manualClock(0);
          const limiter = createLoginRateLimiter(clock, limits);
          const attempt = { username: 'budi', address: '10.0.0.1' };
          const failures: number[] = [];
          for (const step of steps) {
            clock.advance(step.gap);
            if (limiter.retryAfterMs(attempt) > 0) continue;
            if (step.fail) {
              limiter.recordFailure(attempt);
              failures.push(clock.now());
            } else {
              limiter.recordSuccess(attempt);
              failures.length = 0;
            }
            const inWindow = failures.filter((t) => t > clock.now() - limits.perUsername.windowMs);
            expect(inWindow.length).toBeLessThanOrEqual(limits.perUsername.limit);
          }
        },
      ),
    );
  });
});

import { describe, expect, test } from 'vitest';
import { LoginRateLimiter } from '../../../server/auth/rate-limit.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1) + seconds * 1000);

describe('LoginRateLimiter', () => {
  test('blocks after 3 failures within the window until the oldest leaves it', () => {
    const limiter = new LoginRateLimiter(3, 60_000);
    for (const s of [0, 10, 20]) {
      expect(limiter.retryAfterMs('k', at(s))).toBe(0);
      limiter.recordFailure('k', at(s));
    }
    expect(limiter.retryAfterMs('k', at(30))).toBe(30_000);
    expect(limiter.retryAfterMs('other', at(30))).toBe(0);
    expect(limiter.retryAfterMs('k', at(60.001))).toBe(0);
  });

  test('a success clears the key', () => {
    const limiter = new LoginRateLimiter(2, 60_000);
    limiter.recordFailure('k', at(0));
    limiter.recordFailure('k', at(1));
    expect(limiter.retryAfterMs('k', at(2))).toBeGreaterThan(0);
    limiter.clear('k');
    expect(limiter.retryAfterMs('k', at(2))).toBe(0);
  });
});

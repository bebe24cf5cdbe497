import { describe, expect, test } from 'vitest';
import { FailureLimiter, LoginRateLimiter } from '../../../server/auth/rate-limit.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1) + seconds * 1000);

describe('FailureLimiter', () => {
  test('blocks after 3 failures within the window until the oldest leaves it', () => {
    const limiter = new FailureLimiter(3, 60_000);
    for (const s of [0, 10, 20]) {
      expect(limiter.retryAfterMs('k', at(s))).toBe(0);
      limiter.recordFailure('k', at(s));
    }
    expect(limiter.retryAfterMs('k', at(30))).toBe(30_000);
    expect(limiter.retryAfterMs('other', at(30))).toBe(0);
    expect(limiter.retryAfterMs('k', at(60.001))).toBe(0);
  });

  test('a cleared key may try again', () => {
    const limiter = new FailureLimiter(2, 60_000);
    limiter.recordFailure('k', at(0));
    limiter.recordFailure('k', at(1));
    expect(limiter.retryAfterMs('k', at(2))).toBeGreaterThan(0);
    limiter.clear('k');
    expect(limiter.retryAfterMs('k', at(2))).toBe(0);
  });
});

describe('LoginRateLimiter', () => {
  test('throttles one account tried from many addresses', () => {
    const limiter = new LoginRateLimiter({ perUser: 3, perAddress: 100, windowMs: 60_000 });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) limiter.recordFailure('Admin', address, at(0));
    expect(limiter.retryAfterMs('admin', '10.0.0.9', at(1))).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('planner', '10.0.0.9', at(1))).toBe(0);
  });

  test('throttles one address trying many accounts, and a success elsewhere does not reset it', () => {
    const limiter = new LoginRateLimiter({ perUser: 100, perAddress: 3, windowMs: 60_000 });
    for (const user of ['a', 'b', 'c']) limiter.recordFailure(user, '10.0.0.1', at(0));
    limiter.recordSuccess('mine');
    expect(limiter.retryAfterMs('mine', '10.0.0.1', at(1))).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('mine', '10.0.0.2', at(1))).toBe(0);
  });
});

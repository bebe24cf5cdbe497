import type { MiddlewareHandler } from 'hono';
import { FailureLimiter } from '../auth/rate-limit.js';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv } from '../http/env.js';
import type { Clock } from '../domain/clock.js';
import { tooManyRequests } from '../services/errors.js';

/** Requests per address and minute on the routes that need no login (一公开): far above a reader's, below a scraper's. */
export const PUBLIC_REQUESTS_PER_MINUTE = 120;
const MINUTE_MS = 60_000;

/** Counts every request of an address under /api/public/ in a sliding minute and answers 429 beyond the allowance. */
export function limitPublicRequests(now: Clock, perMinute = PUBLIC_REQUESTS_PER_MINUTE): MiddlewareHandler<AppEnv> {
  const limiter = new FailureLimiter(perMinute, MINUTE_MS);
  return async (c, next) => {
    const key = clientAddress(c);
    const at = now();
    const wait = limiter.retryAfterMs(key, at);
    if (wait > 0) throw tooManyRequests(`more than ${perMinute} requests a minute from this address`, Math.ceil(wait / 1000));
    limiter.recordFailure(key, at);
    await next();
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { HOUR_MS, MINUTE_MS } from '../domain/time.js';

/** A session ends this long after login whatever happens (absolute timeout) … */
export const SESSION_LIFETIME_MS = 12 * HOUR_MS;
/** … or after this long without a request (idle timeout). */
export const SESSION_IDLE_MS = 2 * HOUR_MS;
/** The last-seen time is written at most this often per session, so that a panning map is not a stream of writes. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE_MS;

/** A fresh random 32-byte session token (base64url); only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

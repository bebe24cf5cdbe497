import { createHash, randomBytes } from 'node:crypto';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** A fresh random 32-byte session token (base64url); only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

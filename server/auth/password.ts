import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Stored form: scrypt$N$r$p$salt$hash (salt and hash in base64). The parameters travel with the hash so
// that they can be raised later without invalidating existing passwords.
const defaults = { N: 16384, r: 8, p: 1 };
const keyLengthBytes = 32;
const saltLengthBytes = 16;

function derive(plain: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(plain.normalize('NFKC'), salt, length, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(plain: string): Promise<string> {
  if (typeof plain !== 'string' || plain.length === 0) throw new Error('password must be a non-empty string');
  const salt = randomBytes(saltLengthBytes);
  const key = await derive(plain, salt, defaults, keyLengthBytes);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of `plain` against a stored hash; false (never a throw) for a malformed stored value. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || (N & (N - 1)) !== 0) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await derive(plain, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * The stored "hash" of an account that never logs in with a password (a wall display pairs with its token): not of the
 * scrypt form, so `verifyPassword` answers false for every password, without deriving anything.
 */
export const UNUSABLE_PASSWORD_HASH = '!no-password';

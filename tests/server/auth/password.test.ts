import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/password.js';

describe('scrypt passwords', () => {
  test('hash in the form scrypt$N$r$p$salt$hash, salted, and verified', async () => {
    const a = await hashPassword('jointops-demo');
    const b = await hashPassword('jointops-demo');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('jointops-demo', a)).toBe(true);
    expect(await verifyPassword('jointops-demo ', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  test('a malformed stored hash never verifies and never throws', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'scrypt$1000$8$1$c2FsdA==$aGFzaA==', 'bcrypt$1$2$3$4$5'])
      expect(await verifyPassword('x', stored)).toBe(false);
  });

  test('an empty password cannot be hashed', async () => {
    await expect(hashPassword('')).rejects.toThrow(/non-empty/);
  });
});

import { describe, expect, test } from 'vitest';
import { SessionCache } from '../../../server/auth/session-cache.js';
import type { SessionRow } from '../../../db/queries/users.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1) + seconds * 1000);
const session = (expiresAtSeconds: number): SessionRow => ({
  user: { id: 1, username: 'admin', displayName: 'Admin', role: 'admin', districtCode: null, districtName: null, officerId: null },
  expiresAt: at(expiresAtSeconds),
  lastSeenAt: at(0),
});

describe('SessionCache', () => {
  test('answers within its time to live, then asks the database again', () => {
    const cache = new SessionCache(5_000);
    cache.set('h', session(3600), at(0));
    expect(cache.get('h', at(4))?.user.username).toBe('admin');
    expect(cache.get('h', at(6))).toBeNull();
    expect(cache.get('other', at(1))).toBeNull();
  });

  test('never answers for an expired session', () => {
    const cache = new SessionCache(60_000);
    cache.set('h', session(10), at(0));
    expect(cache.get('h', at(9))).not.toBeNull();
    expect(cache.get('h', at(10))).toBeNull();
  });

  test('forgets a session at logout', () => {
    const cache = new SessionCache();
    cache.set('h', session(3600), at(0));
    cache.forget('h');
    expect(cache.get('h', at(1))).toBeNull();
  });
});

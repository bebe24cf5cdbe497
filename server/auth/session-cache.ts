import type { SessionRow } from '../../db/queries/users.js';

/**
 * Remembers recently checked sessions for a few seconds so that a map panning through many bbox requests
 * does not pay a session lookup for each. Logout in this process forgets the session at once; another
 * process sharing the database sees a logout within `ttlMs`. Expiry is always checked against the clock.
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: SessionRow; checkedAtMs: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now: Date): SessionRow | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    const t = now.getTime();
    if (t - entry.checkedAtMs > this.ttlMs || t < entry.checkedAtMs || entry.session.expiresAt.getTime() <= t) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.session;
  }

  set(tokenHash: string, session: SessionRow, now: Date): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { session, checkedAtMs: now.getTime() });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }
}

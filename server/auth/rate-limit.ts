/**
 * Failed-login limiter: at most `maxFailures` failures per key within `windowMs`. In memory: enough to slow guessing
 * against one process; the login service keeps one limiter per username and one per client address.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfterMs(key: string, now: Date): number {
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    return recent[recent.length - this.maxFailures] + this.windowMs - now.getTime();
  }

  recordFailure(key: string, now: Date): void {
    const recent = this.recent(key, now);
    recent.push(now.getTime());
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) this.prune(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(now: Date): void {
    for (const key of [...this.failures.keys()]) {
      const recent = this.recent(key, now);
      if (recent.length) this.failures.set(key, recent);
      else this.failures.delete(key);
    }
  }
}

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * Login throttling on two keys: an account (guessing one password from many addresses) and an address (trying many
 * accounts from one). An address may be a whole office behind NAT, hence its larger allowance. A success clears the
 * account's failures only, so logging into one's own account does not reset an address that is guessing others.
 */
export class LoginRateLimiter {
  readonly byUser: FailureLimiter;
  readonly byAddress: FailureLimiter;

  constructor(options: { perUser?: number; perAddress?: number; windowMs?: number } = {}) {
    const windowMs = options.windowMs ?? FIFTEEN_MINUTES_MS;
    this.byUser = new FailureLimiter(options.perUser ?? 5, windowMs);
    this.byAddress = new FailureLimiter(options.perAddress ?? 20, windowMs);
  }

  retryAfterMs(username: string, address: string, now: Date): number {
    return Math.max(this.byUser.retryAfterMs(username.toLowerCase(), now), this.byAddress.retryAfterMs(address, now));
  }

  recordFailure(username: string, address: string, now: Date): void {
    this.byUser.recordFailure(username.toLowerCase(), now);
    this.byAddress.recordFailure(address, now);
  }

  recordSuccess(username: string): void {
    this.byUser.clear(username.toLowerCase());
  }

  /**
   * A wall display's pairing has no account to key on (the token is the secret), so its failures count against the
   * address alone, in the same allowance as failed logins: an address guessing tokens cannot guess passwords too.
   */
  addressRetryAfterMs(address: string, now: Date): number {
    return this.byAddress.retryAfterMs(address, now);
  }

  recordAddressFailure(address: string, now: Date): void {
    this.byAddress.recordFailure(address, now);
  }
}

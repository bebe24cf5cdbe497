// The clock is a parameter everywhere (`now: Clock`): services, analytics and planning never read the time
// themselves, so tests pin it and a replay gives the same result. These are the only readers of the real clock.

export type Clock = () => Date;

/** Wall-clock time, for the server entry and the command-line tools to pass down. */
export const systemClock: Clock = () => new Date();

/** A clock stopped at one instant (tests, reproducible builds). */
export function fixedClock(at: Date | string): Clock {
  const ms = new Date(at).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`fixedClock needs a valid instant, got ${String(at)}`);
  return () => new Date(ms);
}

/** Milliseconds from an arbitrary origin that never go backwards: for time budgets and durations, not dates. */
export type MonotonicClock = () => number;

export const monotonicClock: MonotonicClock = () => performance.now();

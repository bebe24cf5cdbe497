// Calendar dates in Shanghai time (UTC+8, no daylight saving): the day a user means by "today" or "this month".
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiParts(date: Date): { year: number; month: number; iso: string } {
  const local = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), iso: local.toISOString().slice(0, 10) };
}

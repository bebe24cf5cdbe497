/** Calendar-date helpers on YYYY-MM-DD strings; computed in UTC so the result does not depend on the browser's zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function addDaysIso(isoDate: string, days: number): string {
  if (!isIsoDate(isoDate)) throw new Error(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function daysBetweenInclusive(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** The calendar date in Shanghai (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(instantMs: number): string {
  return new Date(instantMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Start of `from` and end of `to` in Shanghai time, as ISO instants for the API's from/to parameters. */
export function rangeToInstants(range: { from: string; to: string }): { from: string; to: string } {
  return { from: `${range.from}T00:00:00+08:00`, to: `${addDaysIso(range.to, 1)}T00:00:00+08:00` };
}

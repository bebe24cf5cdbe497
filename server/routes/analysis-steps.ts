import { unprocessable } from '../middleware/api-error.js';
import { shanghaiParts } from './shanghai-time.js';

// Time steps of the count matrices, matching db/queries/analysis.ts: days and weeks are fixed lengths counted from
// `from`; months are calendar months in Shanghai time (UTC+8, no daylight saving), the first one starting at `from`.

export type Step = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/** Number of steps of [from, to); the last one may be partial. */
export function stepCount(from: Date, to: Date, step: Step): number {
  if (step === 'month') {
    const a = shanghaiParts(from);
    const b = shanghaiParts(new Date(to.getTime() - 1));
    return (b.year - a.year) * 12 + (b.month - a.month) + 1;
  }
  const length = step === 'day' ? DAY_MS : 7 * DAY_MS;
  const n = Math.ceil((to.getTime() - from.getTime()) / length);
  if (n < 1) throw unprocessable('the time range holds no step');
  return n;
}

/** Shanghai calendar date on which each step starts. */
export function stepStarts(from: Date, nSteps: number, step: Step): string[] {
  if (step === 'month') {
    const { year, month, iso } = shanghaiParts(from);
    return Array.from({ length: nSteps }, (_, k) => (k === 0 ? iso : new Date(Date.UTC(year, month + k, 1)).toISOString().slice(0, 10)));
  }
  const length = step === 'day' ? DAY_MS : 7 * DAY_MS;
  return Array.from({ length: nSteps }, (_, k) => shanghaiParts(new Date(from.getTime() + k * length)).iso);
}

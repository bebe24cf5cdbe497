// Time steps of a period (the count matrices of the space-time analyses, the review's trend charts): days and weeks
// are fixed lengths counted from `from`; months are calendar months in Shanghai time, the first one starting at `from`.
// db/queries/analysis.ts assigns clues to the same steps in SQL.

import { DomainInputError } from './errors.js';
import { DAY_MS, shanghaiParts, WEEK_MS, type IsoDate } from './time.js';

export const timeSteps = ['day', 'week', 'month'] as const;
export type TimeStep = (typeof timeSteps)[number];

export const stepLengthMs = (step: Exclude<TimeStep, 'month'>): number => (step === 'day' ? DAY_MS : WEEK_MS);

/** Number of steps of [from, to); the last one may be partial. */
export function stepCount(from: Date, to: Date, step: TimeStep): number {
  if (!(to.getTime() > from.getTime())) throw new DomainInputError([{ path: 'to', message: 'the time range holds no step: to must be after from' }]);
  if (step === 'month') {
    const a = shanghaiParts(from);
    const b = shanghaiParts(new Date(to.getTime() - 1));
    return (b.year - a.year) * 12 + (b.month - a.month) + 1;
  }
  return Math.ceil((to.getTime() - from.getTime()) / stepLengthMs(step));
}

/** The Shanghai calendar date on which each step starts. */
export function stepStarts(from: Date, nSteps: number, step: TimeStep): IsoDate[] {
  if (step === 'month') {
    const { year, month, date } = shanghaiParts(from);
    return Array.from({ length: nSteps }, (_, k) => (k === 0 ? date : new Date(Date.UTC(year, month - 1 + k, 1)).toISOString().slice(0, 10)));
  }
  return Array.from({ length: nSteps }, (_, k) => shanghaiParts(new Date(from.getTime() + k * stepLengthMs(step))).date);
}

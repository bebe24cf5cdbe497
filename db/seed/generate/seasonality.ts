/**
 * When hidden tutoring is reported: more in the winter vacation (about mid-January to late February) and the
 * summer vacation (July–August), at weekends, on weekday evenings (after school) and in daytime during vacations.
 * All calendar arithmetic is in Shanghai time (UTC+8, no daylight saving).
 */
import type { Random } from '../../../server/domain/random.js';
import { cumulativeSampler } from '../../../server/domain/random.js';
import { dateFromParts, DAY_MS, HOUR_MS, shanghaiMidnight, shanghaiParts } from '../../../server/domain/time.js';


export type VacationKind = 'winter' | 'summer' | null;

export function vacationOn(month: number, day: number): VacationKind {
  if ((month === 1 && day >= 15) || (month === 2 && day <= 25)) return 'winter';
  if (month === 7 || month === 8) return 'summer';
  return null;
}

const VACATION_FACTOR = { winter: 2.2, summer: 2.6 } as const;
const WEEKEND_FACTOR = 1.7;

/** Relative intensity of clue reports on a local calendar day. */
export function dayWeight(month: number, day: number, weekday: number): number {
  const vacation = vacationOn(month, day);
  const seasonal = vacation ? VACATION_FACTOR[vacation] : 1;
  return seasonal * (weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1);
}

// Relative intensity per local hour 0..23.
const SCHOOL_DAY_HOURS = [0.05, 0.02, 0.01, 0.01, 0.01, 0.03, 0.1, 0.3, 0.5, 0.6, 0.6, 0.6, 0.5, 0.5, 0.6, 0.7, 0.9, 1.3, 2.2, 2.6, 2.4, 1.6, 0.7, 0.2];
const FREE_DAY_HOURS = [0.05, 0.02, 0.01, 0.01, 0.01, 0.03, 0.1, 0.4, 1.2, 1.9, 2.1, 1.8, 1.0, 1.3, 1.9, 2.0, 1.8, 1.3, 1.2, 1.3, 1.0, 0.6, 0.3, 0.1];
const schoolDayHour = cumulativeSampler(SCHOOL_DAY_HOURS);
const freeDayHour = cumulativeSampler(FREE_DAY_HOURS);

export interface ReportDay {
  /** Local midnight (Shanghai). */
  start: Date;
  /** Seasonal × weekly intensity, scaled down on the last, partial day. */
  weight: number;
  /** Weekend or vacation: reports follow the daytime pattern instead of the after-school one. */
  freeDay: boolean;
}

/** The days of the `months` calendar months before asOf (Shanghai dates), oldest first. */
export function reportDays(asOf: Date, months = 24): ReportDay[] {
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf must be a valid date');
  if (!(months >= 1)) throw new RangeError(`months must be ≥ 1, got ${months}`);
  const end = shanghaiParts(asOf);
  const startMonthIndex = end.year * 12 + (end.month - 1) - months;
  const first = shanghaiMidnight(dateFromParts(Math.floor(startMonthIndex / 12), (startMonthIndex % 12) + 1, end.day));
  const days: ReportDay[] = [];
  for (let t = first.getTime(); t < asOf.getTime(); t += DAY_MS) {
    const date = shanghaiParts(new Date(t));
    const weekend = date.weekday === 0 || date.weekday === 6;
    const share = Math.min(1, (asOf.getTime() - t) / DAY_MS);
    days.push({
      start: new Date(t),
      weight: dayWeight(date.month, date.day, date.weekday) * share,
      freeDay: weekend || vacationOn(date.month, date.day) !== null,
    });
  }
  return days;
}

/** A report instant on the given day, following its hourly pattern, strictly before asOf. */
export function sampleInstantOnDay(random: Random, day: ReportDay, asOf: Date): Date {
  const limit = Math.min(day.start.getTime() + DAY_MS, asOf.getTime());
  for (let attempt = 0; attempt < 50; attempt++) {
    const hour = (day.freeDay ? freeDayHour : schoolDayHour)(random);
    const instant = day.start.getTime() + hour * HOUR_MS + Math.floor(random.next() * 3600) * 1000;
    if (instant < limit) return new Date(instant);
  }
  // Only on a last day cut short by asOf: fall back to a uniform time in what is left of it.
  return new Date(day.start.getTime() + Math.floor(random.next() * ((limit - day.start.getTime()) / 1000)) * 1000);
}

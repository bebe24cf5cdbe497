import type { ReviewPeriod, ReviewPreset } from '../../contract/review.js';
import { addDays, dateFromParts, daysInclusive, weekStartOf, type IsoDate } from '../../domain/time.js';

/** How far back the review's time slider reaches: 24 months. */
export const SLIDER_MONTHS = 24;

export interface PresetVacation {
  kind: 'winter' | 'summer';
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface PresetCampaign {
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

const parts = (date: IsoDate) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` months away, kept inside its month (31 March − 1 month = 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dateFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The period of the same length just before `p`. */
export function periodBefore(p: ReviewPeriod): ReviewPeriod {
  const length = daysInclusive(p.from, p.to);
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** The same dates a year earlier (29 February becomes the 28th). */
export const yearBefore = (p: ReviewPeriod): ReviewPeriod => ({ from: addMonths(p.from, -12), to: addMonths(p.to, -12) });

/**
 * The review's presets on `today`: 本周 / 本月 / 本季度 (to today, compared with the same days of the week, month or quarter
 * before), 上月 (the last whole month against the one before it), the same month a year before, the last winter and summer vacation begun (compared with the one a year before
 * when known, else the same dates a year before), and the last campaign begun (compared with as many days before it).
 */
export function reviewPresets(today: IsoDate, vacations: readonly PresetVacation[], campaigns: readonly PresetCampaign[]): ReviewPreset[] {
  const { year, month } = parts(today);
  const monthStart = dateFromParts(year, month, 1);
  const quarterStart = dateFromParts(year, month - ((month - 1) % 3), 1);
  const week = { from: weekStartOf(today), to: today };
  const thisMonth = { from: monthStart, to: today };
  const quarter = { from: quarterStart, to: today };
  const lastMonth = { from: addMonths(monthStart, -1), to: addDays(monthStart, -1) };
  const presets: ReviewPreset[] = [
    { key: 'week', period: week, compare: { from: addDays(week.from, -7), to: addDays(week.to, -7) }, note: null },
    { key: 'month', period: thisMonth, compare: { from: addMonths(monthStart, -1), to: addMonths(today, -1) }, note: null },
    { key: 'last_month', period: lastMonth, compare: { from: addMonths(lastMonth.from, -1), to: addDays(lastMonth.from, -1) }, note: null },
    { key: 'month_last_year', period: thisMonth, compare: yearBefore(thisMonth), note: null },
    { key: 'quarter', period: quarter, compare: { from: addMonths(quarterStart, -3), to: addMonths(today, -3) }, note: null },
  ];
  for (const kind of ['winter', 'summer'] as const) {
    const begun = vacations.filter((v) => v.kind === kind && v.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    const last = begun[0];
    if (!last) continue;
    const period = { from: last.startsOn, to: last.endsOn < today ? last.endsOn : today };
    const previous = begun[1];
    const compare = previous ? { from: previous.startsOn, to: addDays(previous.startsOn, daysInclusive(period.from, period.to) - 1) } : yearBefore(period);
    presets.push({ key: kind === 'winter' ? 'winter_vacation' : 'summer_vacation', period, compare, note: null });
  }
  const campaign = campaigns.filter((c) => c.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  if (campaign) {
    const period = { from: campaign.startsOn, to: campaign.endsOn < today ? campaign.endsOn : today };
    presets.push({ key: 'last_campaign', period, compare: periodBefore(period), note: campaign.name });
  }
  return presets;
}

/** Until this day of a month the page opens on 上月: a few days of 本月 are too few to read a district by. */
export const LAST_MONTH_UNTIL_DAY = 7;

/** The preset a review opens on without a period in its link. */
export const defaultPresetKey = (today: IsoDate): 'month' | 'last_month' => (parts(today).day <= LAST_MONTH_UNTIL_DAY ? 'last_month' : 'month');

/** The first day of the time slider: the first of the month 24 months before today's. */
export const sliderStart = (today: IsoDate): IsoDate => addMonths(dateFromParts(parts(today).year, parts(today).month, 1), -SLIDER_MONTHS);

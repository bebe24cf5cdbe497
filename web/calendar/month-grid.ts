// The campaign calendar laid out as month grids, Monday first as Chinese calendars print them, and the keyboard moves
// between its days. Pure: days in, layout out.
import type { CampaignDayBody } from '../../server/contract/index.js';
import { addDays, type IsoDate } from '../../server/domain/time.js';
import { campaignDayTypes, type CampaignDayType } from '../../server/domain/vocabulary.js';

export interface MonthGrid {
  /** YYYY-MM */
  key: string;
  year: number;
  /** 1–12 */
  month: number;
  /** Rows of seven cells, Monday to Sunday; null where the day is in another month or outside the range. */
  weeks: (CampaignDayBody | null)[][];
}

/** Monday = 0 … Sunday = 6. */
const column = (weekday: number) => (weekday + 6) % 7;

/** The months the days fall in, each a grid of weeks; the days keep their order. */
export function monthGrids(days: readonly CampaignDayBody[]): MonthGrid[] {
  const months: MonthGrid[] = [];
  for (const day of days) {
    const key = day.date.slice(0, 7);
    let month = months.at(-1);
    if (!month || month.key !== key) {
      month = { key, year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), weeks: [] };
      months.push(month);
    }
    const dayOfMonth = Number(day.date.slice(8, 10));
    // The week row of a day: how many Mondays-started rows lie before it in its month.
    const firstColumn = (column(day.weekday) - ((dayOfMonth - 1) % 7) + 7) % 7;
    const row = Math.floor((firstColumn + dayOfMonth - 1) / 7);
    while (month.weeks.length <= row) month.weeks.push(Array<CampaignDayBody | null>(7).fill(null));
    month.weeks[row][column(day.weekday)] = day;
  }
  // A range that starts or ends within a month leaves weeks without a day of it.
  for (const month of months) month.weeks = month.weeks.filter((week) => week.some(Boolean));
  return months;
}

/** The years of the days that are on the national calendar's fallback. */
export function fallbackYears(days: readonly CampaignDayBody[]): number[] {
  return [...new Set(days.filter((d) => d.coverage === 'fallback').map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
}

/** The days that print their holiday's name: the first of each run of one holiday, as a wall calendar does. */
export function holidayRunStarts(days: readonly CampaignDayBody[]): Set<string> {
  const starts = new Set<string>();
  days.forEach((day, i) => {
    const previous = days[i - 1];
    if (day.type === 'holiday' && day.holidayName && !(previous?.type === 'holiday' && previous.holidayName === day.holidayName)) starts.add(day.date);
  });
  return starts;
}

export function dayTypeCounts(days: readonly CampaignDayBody[]): Record<CampaignDayType, number> {
  const counts = Object.fromEntries(campaignDayTypes.map((type) => [type, 0])) as Record<CampaignDayType, number>;
  for (const day of days) counts[day.type]++;
  return counts;
}

const STEP: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * The day a key moves the focus to, within [first, last]; null for a key that does not move it. Arrows move by a day
 * or a week, Home and End to the week's Monday and Sunday, PageUp and PageDown by four weeks.
 */
export function focusTarget(current: CampaignDayBody, key: string, first: IsoDate, last: IsoDate): IsoDate | null {
  let target: IsoDate;
  if (key in STEP) target = addDays(current.date, STEP[key]);
  else if (key === 'Home') target = addDays(current.date, -column(current.weekday));
  else if (key === 'End') target = addDays(current.date, 6 - column(current.weekday));
  else if (key === 'PageUp' || key === 'PageDown') target = addDays(current.date, key === 'PageUp' ? -28 : 28);
  else return null;
  return target < first ? first : target > last ? last : target;
}

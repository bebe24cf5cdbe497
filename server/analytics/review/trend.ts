import type { ReviewTrend, TrendSeries } from '../../contract/review.js';
import { addDays, type IsoDate } from '../../domain/time.js';
import { addMonths } from './presets.js';

/** The first day of each step of [from, to]: `from`, then each Monday (weeks, 7 days on) or first of a month after it. */
export function trendSteps(from: IsoDate, to: IsoDate, step: 'week' | 'month'): IsoDate[] {
  const starts: IsoDate[] = [from];
  for (;;) {
    const last = starts[starts.length - 1];
    const next = step === 'week' ? addDays(last, 7) : addMonths(`${last.slice(0, 8)}01`, 1);
    if (next > to) return starts;
    starts.push(next);
  }
}

/** One unit's counts of one step (the step's index in `trendSteps`). */
export interface TrendCountRow {
  key: string | null;
  step: number;
  received: number;
  closed: number;
  closedOnTime: number;
  openOverdue: number;
}

export interface TrendUnit {
  level: TrendSeries['level'];
  code: string | null;
  name: string;
}

/**
 * The series of the unit (`own`, key null in `rows`) and of its children, the children by clues received, most first.
 * A step without clues has 0 counts and null rates; a child without any clue is kept (a flat line is a finding too).
 */
export function trendOf(step: 'week' | 'month', steps: readonly IsoDate[], own: TrendUnit, children: readonly TrendUnit[], rows: readonly TrendCountRow[]): ReviewTrend {
  const n = steps.length;
  const seriesOf = (unit: TrendUnit, key: string | null): TrendSeries & { total: number } => {
    const received = new Array<number>(n).fill(0);
    const closed = new Array<number>(n).fill(0);
    const onTime = new Array<number>(n).fill(0);
    const overdue = new Array<number>(n).fill(0);
    for (const r of rows) {
      if (r.key !== key || r.step < 0 || r.step >= n) continue;
      received[r.step] += r.received;
      closed[r.step] += r.closed;
      onTime[r.step] += r.closedOnTime;
      overdue[r.step] += r.openOverdue;
    }
    return {
      ...unit,
      received,
      closed,
      closureRate: received.map((x, i) => (x > 0 ? closed[i] / x : null)),
      onTimeRate: closed.map((x, i) => (x + overdue[i] > 0 ? onTime[i] / (x + overdue[i]) : null)),
      total: received.reduce((s, x) => s + x, 0),
    };
  };
  const strip = ({ total: _total, ...series }: TrendSeries & { total: number }): TrendSeries => series;
  const childSeries = children.map((c) => seriesOf(c, c.code)).sort((a, b) => b.total - a.total || (a.code ?? '').localeCompare(b.code ?? ''));
  return { step, steps: [...steps], series: [strip(seriesOf(own, null)), ...childSeries.map(strip)] };
}

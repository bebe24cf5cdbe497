// Which shift of the campaign each target's visit goes to, district by district: the priority list first, every
// shift filled evenly up to what its teams can do, the visits of a hot cell on different days spread over the
// campaign, and each institution in a shift when it is open.
import type { CampaignPlanTarget } from '../../contract/campaign-plans.js';
import { parseClock } from '../../domain/time.js';
import type { CampaignShift } from '../campaign-shifts.js';
import { byPriority } from './targets.js';
import type { PlannedTarget } from './types.js';

export type PlanShift = Pick<CampaignShift, 'date' | 'shiftId' | 'dayType' | 'startSeconds' | 'endSeconds' | 'mealBreak' | 'start' | 'end'>;

export interface ScheduleSettings {
  teamsPerDistrictShift: number;
  maxStopsPerTeam: number;
}

/** Driving between two stops of a district, on average, when sizing a shift (the router computes the real times). */
export const TRAVEL_ALLOWANCE_MINUTES = 12;

const SCHOOL_HOURS = new Set(['school_day', 'makeup_workday']);

/**
 * When the visit can start within the shift (seconds after midnight), after the target's opening hours for the
 * shift's day type: school days use its school-day hours, the all-day shifts its weekend hours. Null when the shift
 * and the hours leave no time for the visit; a target without hours can be visited any time of the shift.
 */
export function serviceWindow(target: CampaignPlanTarget, shift: Pick<PlanShift, 'dayType' | 'startSeconds' | 'endSeconds'>): [number, number] | null {
  const [opens, closes] = SCHOOL_HOURS.has(shift.dayType) ? [target.opens, target.closes] : [target.weekendOpens, target.weekendCloses];
  const from = Math.max(shift.startSeconds, opens === null ? 0 : parseClock(opens, 'opens'));
  const to = Math.min(shift.endSeconds, closes === null ? 86_400 : parseClock(closes, 'closes')) - target.serviceMinutes * 60;
  return to >= from ? [from, to] : null;
}

export interface Visit {
  planned: PlannedTarget;
  /** 0-based: the n-th visit of a target planned more than once (hot cells). */
  visit: number;
}

export interface ScheduledVisit extends Visit {
  shiftId: string;
}

export interface DistrictSchedule {
  scheduled: ScheduledVisit[];
  /** Visits no shift had room or hours for. */
  unscheduled: (Visit & { message: string })[];
}

/** Spreads one district's targets (with their visits) over the shifts. Pure and deterministic. */
export function scheduleDistrict(targets: readonly PlannedTarget[], shifts: readonly PlanShift[], settings: ScheduleSettings): DistrictSchedule {
  const ordered = [...shifts].sort((a, b) => a.date.localeCompare(b.date) || a.startSeconds - b.startSeconds);
  const dates = [...new Set(ordered.map((s) => s.date))];
  const load = new Map(ordered.map((s) => [s.shiftId, { stops: 0, minutes: 0 }]));
  const stopCap = settings.teamsPerDistrictShift * settings.maxStopsPerTeam;
  const minuteCap = (s: PlanShift) => settings.teamsPerDistrictShift * ((s.endSeconds - s.startSeconds - (s.mealBreak?.durationSeconds ?? 0)) / 60);
  const scheduled: ScheduledVisit[] = [];
  const unscheduled: DistrictSchedule['unscheduled'] = [];

  const place = (visit: Visit, candidates: readonly PlanShift[]): PlanShift | null => {
    const cost = visit.planned.target.serviceMinutes + TRAVEL_ALLOWANCE_MINUTES;
    let best: PlanShift | null = null;
    let bestFill = Infinity;
    for (const s of candidates) {
      const l = load.get(s.shiftId)!;
      if (l.stops >= stopCap || l.minutes + cost > minuteCap(s)) continue;
      if (!serviceWindow(visit.planned.target, s)) continue;
      const fill = (l.minutes + cost) / minuteCap(s);
      if (fill < bestFill) {
        best = s;
        bestFill = fill;
      }
    }
    if (best) {
      const l = load.get(best.shiftId)!;
      l.stops++;
      l.minutes += cost;
    }
    return best;
  };

  for (const planned of [...targets].sort(byPriority)) {
    const visits = planned.target.visits;
    const usedDates = new Set<string>();
    for (let k = 0; k < visits; k++) {
      // Visit k of n goes to the k-th of n equal stretches of the campaign, else to any day not visited yet.
      const stretch = new Set(dates.slice(Math.floor((k * dates.length) / visits), Math.floor(((k + 1) * dates.length) / visits)));
      const free = ordered.filter((s) => !usedDates.has(s.date));
      const shift = place({ planned, visit: k }, free.filter((s) => stretch.has(s.date))) ?? place({ planned, visit: k }, free);
      if (shift) {
        usedDates.add(shift.date);
        scheduled.push({ planned, visit: k, shiftId: shift.shiftId });
      } else {
        const open = ordered.some((s) => serviceWindow(planned.target, s));
        unscheduled.push({
          planned,
          visit: k,
          message: open
            ? `各班次已满（每班次至多 ${settings.teamsPerDistrictShift} 组 × ${settings.maxStopsPerTeam} 处）/ every shift is full (at most ${settings.teamsPerDistrictShift} teams × ${settings.maxStopsPerTeam} stops a shift)`
            : `营业时间与本行动各班次均不相合 / its opening hours meet none of the campaign's shifts`,
        });
      }
    }
  }
  return { scheduled, unscheduled };
}

// Officers' rest during a campaign: a holiday campaign runs for weeks, so the same officers must not be put on every
// shift. Three rules, configurable per campaign:
//   - at most `maxShiftsPerDay` shifts a day (default 1; a shift belongs to the Shanghai date it starts on);
//   - at least `minRestHours` between the end of a shift and the start of the officer's next one on a later day
//     (default 10 h: the evening shift ending at 21:00 and the next morning's at 08:30 leave 11.5 h). Shifts of the
//     same day are the first rule's business, so an agency that allows two a day can;
//   - at most `maxShiftsPerWeek` shifts in a week (default 5, leaving two rest days; 劳动法 §38 asks for at least
//     one). The week is `rolling` by default: any 7 consecutive days, so ten shifts in a row across a Sunday are
//     refused; `calendar` counts Monday–Sunday weeks instead, as a duty roster printed by the week does.

import { DomainInputError, type InputIssue } from '../domain/errors.js';
import { addDays, HOUR_MS, shanghaiDate, weekStartOf, type IsoDate } from '../domain/time.js';
import { PlanningInputError } from './errors.js';
import type { CanTakeShift } from './joint-teams.js';

export type RestWeek = 'rolling' | 'calendar';

export interface RestRules {
  maxShiftsPerDay: number;
  minRestHours: number;
  maxShiftsPerWeek: number;
  week: RestWeek;
}

export const DEFAULT_REST_RULES: RestRules = { maxShiftsPerDay: 1, minRestHours: 10, maxShiftsPerWeek: 5, week: 'rolling' };

/** A shift an officer works: campaignShifts' output fits (start and end as ISO instants). */
export interface ScheduledShift {
  shiftId: string;
  start: string | Date;
  end: string | Date;
}

export interface ShiftAssignment extends ScheduledShift {
  officerId: number | string;
}

export type RestRule = 'shifts_per_day' | 'rest_between' | 'shifts_per_week';

export interface RestViolation {
  officerId: number | string | null;
  rule: RestRule;
  /** The shifts that together break the rule, in time order. */
  shiftIds: string[];
  message: string;
}

export function restRuleIssues(rules: RestRules, field = 'rules'): InputIssue[] {
  const issues: InputIssue[] = [];
  const integer = (name: keyof RestRules, min: number, max: number) => {
    const value = rules[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      issues.push({ path: `${field}.${name}`, message: `must be an integer from ${min} to ${max}, got ${String(value)}` });
  };
  integer('maxShiftsPerDay', 1, 4);
  integer('maxShiftsPerWeek', 1, 28);
  if (typeof rules.minRestHours !== 'number' || !(rules.minRestHours >= 0 && rules.minRestHours <= 24))
    issues.push({ path: `${field}.minRestHours`, message: `must be a number of hours from 0 to 24, got ${String(rules.minRestHours)}` });
  if (rules.week !== 'rolling' && rules.week !== 'calendar') issues.push({ path: `${field}.week`, message: `must be rolling or calendar, got ${String(rules.week)}` });
  return issues;
}

interface Timed {
  shiftId: string;
  date: IsoDate;
  startMs: number;
  endMs: number;
}

function timed(shift: ScheduledShift, path: string): Timed {
  const startMs = new Date(shift.start).getTime();
  const endMs = new Date(shift.end).getTime();
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs)
    throw new PlanningInputError([{ path, message: `shift ${shift.shiftId} needs a start before its end (ISO 8601 instants)` }]);
  return { shiftId: shift.shiftId, date: shanghaiDate(new Date(startMs)), startMs, endMs };
}

const hours = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100;

/** The violations among one officer's shifts (sorted by start); with `only`, those that involve that shift. */
function officerViolations(officerId: RestViolation['officerId'], shifts: Timed[], rules: RestRules, only?: string): RestViolation[] {
  const found: RestViolation[] = [];
  const involves = (ids: string[]) => only === undefined || ids.includes(only);
  const byDate = new Map<IsoDate, Timed[]>();
  for (const shift of shifts) byDate.set(shift.date, [...(byDate.get(shift.date) ?? []), shift]);

  for (const [date, ofDay] of byDate) {
    const ids = ofDay.map((s) => s.shiftId);
    if (ofDay.length > rules.maxShiftsPerDay && involves(ids))
      found.push({ officerId, rule: 'shifts_per_day', shiftIds: ids, message: `${ofDay.length} shifts on ${date}; at most ${rules.maxShiftsPerDay} a day` });
  }

  for (let k = 1; k < shifts.length; k++) {
    const [before, after] = [shifts[k - 1], shifts[k]];
    if (before.date === after.date) continue;
    const rest = after.startMs - before.endMs;
    const ids = [before.shiftId, after.shiftId];
    if (rest < rules.minRestHours * HOUR_MS && involves(ids))
      found.push({ officerId, rule: 'rest_between', shiftIds: ids, message: `${hours(rest)} h of rest between ${before.shiftId} and ${after.shiftId}; at least ${rules.minRestHours} h` });
  }

  // Weeks: every calendar week, or every 7-day window ending on a day with a shift (a window holding the most shifts
  // ends on one). Overlapping rolling windows over the cap are one breach: the officer worked too long a run.
  const windows =
    rules.week === 'calendar'
      ? [...new Set(shifts.map((s) => weekStartOf(s.date)))].map((from) => ({ from, to: addDays(from, 6) }))
      : [...byDate.keys()].map((to) => ({ from: addDays(to, -6), to }));
  const runs: { from: IsoDate; to: IsoDate; ids: Set<string>; most: number }[] = [];
  for (const { from, to } of windows) {
    const inWeek = shifts.filter((s) => s.date >= from && s.date <= to).map((s) => s.shiftId);
    if (inWeek.length <= rules.maxShiftsPerWeek) continue;
    const run = runs.at(-1);
    if (run && rules.week === 'rolling' && from <= run.to) {
      run.to = to;
      run.most = Math.max(run.most, inWeek.length);
      for (const id of inWeek) run.ids.add(id);
    } else runs.push({ from, to, ids: new Set(inWeek), most: inWeek.length });
  }
  for (const run of runs) {
    const inRun = shifts.filter((s) => run.ids.has(s.shiftId));
    const ids = inRun.map((s) => s.shiftId);
    if (!involves(ids)) continue;
    const where = rules.week === 'calendar' ? `the week ${run.from} – ${run.to}` : `7 days within ${inRun[0].date} – ${inRun.at(-1)!.date}`;
    found.push({ officerId, rule: 'shifts_per_week', shiftIds: ids, message: `${run.most} shifts in ${where}; at most ${rules.maxShiftsPerWeek}` });
  }
  return found;
}

function checkedRules(rules: RestRules): RestRules {
  const issues = restRuleIssues(rules);
  if (issues.length) throw new DomainInputError(issues, 'invalid rest rules');
  return rules;
}

const byStart = (a: Timed, b: Timed) => a.startMs - b.startMs || (a.shiftId < b.shiftId ? -1 : 1);

/** Every breach of the rest rules in a set of assignments, officer by officer. */
export function restViolations(assignments: readonly ShiftAssignment[], rules: RestRules = DEFAULT_REST_RULES): RestViolation[] {
  checkedRules(rules);
  const byOfficer = new Map<ShiftAssignment['officerId'], Timed[]>();
  assignments.forEach((a, i) => byOfficer.set(a.officerId, [...(byOfficer.get(a.officerId) ?? []), timed(a, `assignments[${i}]`)]));
  return [...byOfficer].flatMap(([officerId, shifts]) => officerViolations(officerId, shifts.sort(byStart), rules));
}

export type ShiftAdmission = { ok: true } | { ok: false; violations: RestViolation[] };

/**
 * Whether an officer with `schedule` may also take `shift`: the rules the new shift would break, ignoring any the
 * schedule breaks already. A shift already on the schedule is refused too (one officer cannot take it twice).
 */
export function canTakeShift(schedule: readonly ScheduledShift[], shift: ScheduledShift, rules: RestRules = DEFAULT_REST_RULES): ShiftAdmission {
  checkedRules(rules);
  const candidate = timed(shift, 'shift');
  if (schedule.some((s) => s.shiftId === shift.shiftId))
    return { ok: false, violations: [{ officerId: null, rule: 'shifts_per_day', shiftIds: [shift.shiftId], message: `already on shift ${shift.shiftId}` }] };
  const shifts = [...schedule.map((s, i) => timed(s, `schedule[${i}]`)), candidate].sort(byStart);
  const violations = officerViolations(null, shifts, rules, candidate.shiftId);
  return violations.length ? { ok: false, violations } : { ok: true };
}

/**
 * The joint-team planner's rest check (`canTakeShift` of planJointTeams, which knows shifts by id and date only) from
 * the campaign's shifts with their times: an officer may take a shift when canTakeShift allows it after the shifts the
 * plan has given them so far. A shift id the campaign does not have is an input error.
 */
export function restCheckFor(shifts: readonly ScheduledShift[], rules: RestRules = DEFAULT_REST_RULES): CanTakeShift {
  checkedRules(rules);
  const byId = new Map(shifts.map((s) => [s.shiftId, s]));
  const timesOf = (id: string): ScheduledShift => {
    const shift = byId.get(id);
    if (!shift) throw new PlanningInputError([{ path: 'shifts', message: `shift ${id} is not one of the campaign's shifts` }]);
    return shift;
  };
  return (_officer, shift, assigned) => canTakeShift(assigned.map((a) => timesOf(a.id)), timesOf(shift.id), rules).ok;
}

// 中小学寒暑假: the winter and summer vacations of a city's primary and secondary schools. The local education
// bureau sets them in its 校历 (school calendar), one per 学年, so they are configuration an administrator keeps, not
// rules: see school-vacation-defaults.ts for what ships and server/services/calendar.ts for where they are stored.

import { DomainInputError, type InputIssue } from './errors.js';
import { dateFromParts, isIsoDate, type IsoDate } from './time.js';
import type { VacationKind, VacationStatus } from './vocabulary.js';

/** 上海市 by GB/T 2260: the city whose schools the product's districts belong to. */
export const SHANGHAI_CITY_CODE = '310000';

export interface SchoolVacation {
  /** The 学年 by the year it starts in September: 2025 is 2025学年, September 2025 to August 2026. */
  schoolYear: number;
  kind: VacationKind;
  /** First and last day of the vacation, both included. */
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: VacationStatus;
  /** Where the dates come from: the bureau's notice (e.g. 沪教委基〔2025〕13号), or why it is an estimate. */
  source: string;
}

export const MAX_VACATION_SOURCE_LENGTH = 500;

/** The 学年 of a date: September to August, named by the year it starts. */
export function schoolYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
}

/**
 * Where a vacation of a school year may lie: 寒假 between January and March (around the Spring Festival, which falls
 * between 21 January and 20 February), 暑假 between June and August at the end of the school year. Wider than any
 * real 校历, narrow enough to catch a wrong year or a swapped kind, and to say which vacations a range may be missing.
 */
export function vacationWindow(schoolYear: number, kind: VacationKind): { from: IsoDate; to: IsoDate } {
  return kind === 'winter'
    ? { from: dateFromParts(schoolYear + 1, 1, 1), to: dateFromParts(schoolYear + 1, 3, 31) }
    : { from: dateFromParts(schoolYear + 1, 6, 1), to: dateFromParts(schoolYear + 1, 8, 31) };
}

const KIND_WORDS: Record<VacationKind, string> = { winter: 'a winter vacation (寒假)', summer: 'a summer vacation (暑假)' };

/** The kinds of problem of a vacation list (InputIssue.code). */
export type VacationIssueCode = 'school_year' | 'twice' | 'source' | 'source_length' | 'date' | 'order' | 'window';

/** Every problem of a city's vacation list, each naming the entry and field (`vacations[2].endsOn`). */
export function schoolVacationIssues(vacations: readonly SchoolVacation[], field = 'vacations'): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  vacations.forEach((v, i) => {
    const at = (name: string) => `${field}[${i}]${name ? `.${name}` : ''}`;
    if (!Number.isInteger(v.schoolYear) || v.schoolYear < 2000 || v.schoolYear > 2200) {
      issues.push({ path: at('schoolYear'), message: `not a plausible school year: ${v.schoolYear}`, code: 'school_year' });
      return;
    }
    const key = `${v.schoolYear}/${v.kind}`;
    if (seen.has(key)) issues.push({ path: at('kind'), message: `${v.schoolYear}学年 already has ${KIND_WORDS[v.kind]} (entry ${seen.get(key)})`, code: 'twice' });
    else seen.set(key, i);
    if (typeof v.source !== 'string' || v.source.trim() === '') issues.push({ path: at('source'), message: 'say where the dates come from (the bureau’s 校历 notice)', code: 'source' });
    else if (v.source.length > MAX_VACATION_SOURCE_LENGTH) issues.push({ path: at('source'), message: `longer than ${MAX_VACATION_SOURCE_LENGTH} characters`, code: 'source_length' });
    const datesValid = ['startsOn', 'endsOn'].every((name) => {
      const value = v[name as 'startsOn' | 'endsOn'];
      if (isIsoDate(value)) return true;
      issues.push({ path: at(name), message: `not a calendar date YYYY-MM-DD: ${JSON.stringify(value)}`, code: 'date' });
      return false;
    });
    if (!datesValid) return;
    if (v.endsOn < v.startsOn) {
      issues.push({ path: at('endsOn'), message: `ends before it starts (${v.startsOn})`, code: 'order' });
      return;
    }
    const window = vacationWindow(v.schoolYear, v.kind);
    if (v.startsOn < window.from || v.endsOn > window.to)
      issues.push({
        path: at(v.startsOn < window.from ? 'startsOn' : 'endsOn'),
        message: `${KIND_WORDS[v.kind]} of ${v.schoolYear}学年 lies within ${window.from} – ${window.to}`,
        code: 'window',
      });
  });
  return issues;
}

export function validateSchoolVacations(vacations: readonly SchoolVacation[], field = 'vacations'): void {
  const issues = schoolVacationIssues(vacations, field);
  if (issues.length) throw new DomainInputError(issues, 'invalid school vacations');
}

/** The vacation a date lies in, or null. Valid lists do not overlap, so there is at most one. */
export function vacationOn(vacations: readonly SchoolVacation[], date: IsoDate): SchoolVacation | null {
  return vacations.find((v) => v.startsOn <= date && date <= v.endsOn) ?? null;
}

/** Sorted by school year, winter first: the order in which they fall. */
export function sortVacations(vacations: readonly SchoolVacation[]): SchoolVacation[] {
  return [...vacations].sort((a, b) => a.schoolYear - b.schoolYear || (a.kind === b.kind ? 0 : a.kind === 'winter' ? -1 : 1));
}

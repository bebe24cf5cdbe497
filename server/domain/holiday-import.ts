// A year's official holiday schedule (国务院办公厅 notice) as an administrator enters or pastes it. Two plain formats,
// documented in docs/campaigns.md:
//
//   CSV, one day a line: date,kind,name        JSON, either the schedule's own shape
//     # 2027年部分节假日安排                       { "holidays": { "2027-02-06": "春节" }, "makeupWorkdays": { … } }
//     date,kind,name              (optional)    or a list of days
//     2027-02-06,holiday,春节                     [{ "date": "2027-02-06", "kind": "holiday", "name": "春节" }]
//     2027-02-14,makeup_workday,春节
//
// kind is holiday (also 休, 放假) or makeup_workday (also 班, 上班, 调休上班); lines starting with # and blank lines
// are skipped. Each problem names its line (CSV) or its entry (JSON); the days are checked with the calendar's rules.

import { scheduleDayProblem, type ScheduleDay } from './calendar.js';
import { parseCsv } from './csv.js';
import type { InputIssue } from './errors.js';
import { holidayDayKinds, type HolidayDayKind } from './vocabulary.js';

/** More days than any year has off and worked (about 40): a longer list is a mistake, not a schedule. */
export const MAX_SCHEDULE_DAYS = 120;

const KIND_WORDS: Readonly<Record<string, HolidayDayKind>> = {
  holiday: 'holiday',
  休: 'holiday',
  放假: 'holiday',
  makeup_workday: 'makeup_workday',
  班: 'makeup_workday',
  上班: 'makeup_workday',
  调休上班: 'makeup_workday',
};

export const kindOfWord = (word: string): HolidayDayKind | null => KIND_WORDS[word.trim().toLowerCase()] ?? null;

/**
 * The problems of a year's days: each day's own (scheduleDayProblem), a date given twice (or both off and worked),
 * and a list without any holiday. `at(i)` names entry i, e.g. `days[3]` or `line 5`.
 */
export function scheduleDaysIssues(year: number, days: readonly ScheduleDay[], at: (index: number) => string): InputIssue[] {
  const issues: InputIssue[] = [];
  const firstOf = new Map<string, number>();
  days.forEach((day, i) => {
    const problem = scheduleDayProblem(year, day);
    if (problem) issues.push({ path: at(i), message: `${day.date}: ${problem.message}`, code: problem.code });
    const first = firstOf.get(day.date);
    if (first === undefined) firstOf.set(day.date, i);
    else {
      const twice = days[first].kind === day.kind;
      const clash = twice ? 'is listed twice' : 'is listed both as a day off and as a working day';
      issues.push({ path: at(i), message: `${day.date} ${clash} (see ${at(first)})`, code: twice ? 'twice' : 'off_and_worked' });
    }
  });
  if (days.length > MAX_SCHEDULE_DAYS) issues.push({ path: '', message: `${days.length} days; a year's schedule has at most ${MAX_SCHEDULE_DAYS}`, code: 'too_many' });
  if (!days.some((d) => d.kind === 'holiday')) issues.push({ path: '', message: 'the schedule lists no holiday; a year always has some (元旦, 春节, …)', code: 'no_holiday' });
  return issues;
}

export interface ParsedSchedule {
  format: 'csv' | 'json';
  days: ScheduleDay[];
  /** Empty when the text is a valid schedule of the year. */
  issues: InputIssue[];
}

function parseCsvDays(text: string): { days: ScheduleDay[]; lines: number[]; issues: InputIssue[] } {
  const days: ScheduleDay[] = [];
  const lines: number[] = [];
  const issues: InputIssue[] = [];
  parseCsv(text).forEach((fields, index) => {
    const line = index + 1;
    const cells = fields.map((f) => f.trim());
    if (cells.every((c) => c === '') || cells[0].startsWith('#')) return;
    if (days.length === 0 && issues.length === 0 && cells[0].toLowerCase() === 'date') return; // the header
    if (cells.length !== 3) {
      issues.push({ path: `line ${line}`, message: `expected date,kind,name; got ${cells.length} field${cells.length === 1 ? '' : 's'}`, code: 'fields' });
      return;
    }
    const [date, word, name] = cells;
    const kind = kindOfWord(word);
    if (!kind) {
      issues.push({ path: `line ${line}`, message: `unknown kind ${JSON.stringify(word)}; use holiday (休) or makeup_workday (班)`, code: 'kind' });
      return;
    }
    days.push({ date, kind, name });
    lines.push(line);
  });
  return { days, lines, issues };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonDays(value: unknown): { days: ScheduleDay[]; paths: string[]; issues: InputIssue[] } {
  const days: ScheduleDay[] = [];
  const paths: string[] = [];
  const issues: InputIssue[] = [];
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const kind = isRecord(entry) && typeof entry.kind === 'string' ? kindOfWord(entry.kind) : null;
      if (!isRecord(entry) || typeof entry.date !== 'string' || typeof entry.name !== 'string' || !kind) {
        issues.push({ path: `[${i}]`, message: `expected { "date": "YYYY-MM-DD", "kind": ${holidayDayKinds.map((k) => `"${k}"`).join(' | ')}, "name": "…" }`, code: 'entry' });
        return;
      }
      days.push({ date: entry.date, kind, name: entry.name });
      paths.push(`[${i}]`);
    });
  } else if (isRecord(value)) {
    for (const [field, kind] of [['holidays', 'holiday'], ['makeupWorkdays', 'makeup_workday']] as const) {
      const part = value[field] ?? {};
      if (!isRecord(part)) {
        issues.push({ path: field, message: 'expected an object of date → holiday name', code: 'entry' });
        continue;
      }
      for (const [date, name] of Object.entries(part)) {
        days.push({ date, kind, name: typeof name === 'string' ? name : '' });
        paths.push(`${field}.${date}`);
      }
    }
    const unknown = Object.keys(value).filter((key) => !['holidays', 'makeupWorkdays', 'year', 'source'].includes(key));
    for (const key of unknown) issues.push({ path: key, message: 'unknown field; expected holidays and makeupWorkdays', code: 'entry' });
  } else issues.push({ path: '', message: 'expected a JSON object { holidays, makeupWorkdays } or a list of days', code: 'entry' });
  return { days, paths, issues };
}

/** Reads pasted text as JSON when it starts with { or [, as CSV otherwise, and checks it as `year`'s schedule. */
export function parseScheduleText(text: string, year: number): ParsedSchedule {
  const trimmed = text.trim();
  if (trimmed === '') return { format: 'csv', days: [], issues: [{ path: '', message: 'the text is empty', code: 'empty' }] };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { format: 'json', days: [], issues: [{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, code: 'json' }] };
    }
    const { days, paths, issues } = parseJsonDays(value);
    return { format: 'json', days, issues: [...issues, ...scheduleDaysIssues(year, days, (i) => paths[i])] };
  }
  const { days, lines, issues } = parseCsvDays(text);
  return { format: 'csv', days, issues: [...issues, ...scheduleDaysIssues(year, days, (i) => `line ${lines[i]}`)] };
}

/** The days as the CSV format above, with its header: what the screen offers to copy, edit and paste back. */
export function formatScheduleCsv(days: readonly ScheduleDay[]): string {
  const quoted = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return ['date,kind,name', ...days.map((d) => `${d.date},${d.kind},${quoted(d.name)}`)].join('\n');
}

// The calendar screen's forms as plain data: a year's holiday schedule and the city's school vacations, edited row by
// row, checked with the kernel's own rules before they are sent, and the server's objections put back on their rows.
import type { HolidayScheduleAnswer, HolidayScheduleInput, SchoolVacationsInput } from '../../server/contract/index.js';
import type { ScheduleDay } from '../../server/domain/calendar.js';
import type { InputIssue } from '../../server/domain/errors.js';
import { parseScheduleText, scheduleDaysIssues } from '../../server/domain/holiday-import.js';
import { SHANGHAI_CITY_CODE, schoolVacationIssues, type SchoolVacation } from '../../server/domain/school-vacations.js';
import type { HolidayDayKind, VacationKind, VacationStatus } from '../../server/domain/vocabulary.js';

export interface HolidayRow extends ScheduleDay {
  /** Stable key of the row while it is edited. */
  key: number;
}

export interface HolidayDraft {
  year: number;
  source: string;
  rows: HolidayRow[];
}

const keyed = <T>(items: readonly T[]): (T & { key: number })[] => items.map((item, key) => ({ ...item, key }));
const nextKey = (rows: readonly { key: number }[]) => rows.reduce((max, row) => Math.max(max, row.key), -1) + 1;

/**
 * The form of a year: its official days as they are, or, on the fallback, the fixed-date holidays to start from (every
 * year has them; the administrator adds the rest of the notice). The source is kept only when it was entered here.
 */
export function holidayDraft(answer: HolidayScheduleAnswer): HolidayDraft {
  return { year: answer.year, source: answer.origin === 'entered' ? (answer.source ?? '') : '', rows: keyed(answer.days) };
}

export type HolidayEdit =
  | { type: 'source'; value: string }
  | { type: 'row'; key: number; field: 'date' | 'name'; value: string }
  | { type: 'kind'; key: number; value: HolidayDayKind }
  | { type: 'add' }
  | { type: 'remove'; key: number }
  | { type: 'replaceRows'; days: readonly ScheduleDay[] };

export function editHolidayDraft(draft: HolidayDraft, edit: HolidayEdit): HolidayDraft {
  switch (edit.type) {
    case 'source':
      return { ...draft, source: edit.value };
    case 'row':
      return { ...draft, rows: draft.rows.map((r) => (r.key === edit.key ? { ...r, [edit.field]: edit.value } : r)) };
    case 'kind':
      return { ...draft, rows: draft.rows.map((r) => (r.key === edit.key ? { ...r, kind: edit.value } : r)) };
    case 'add': {
      // A new row starts on the day after the last one, as days off come in runs.
      const last = [...draft.rows].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
      return { ...draft, rows: [...draft.rows, { key: nextKey(draft.rows), date: last?.date ?? `${draft.year}-01-01`, kind: 'holiday', name: last?.name ?? '' }] };
    }
    case 'remove':
      return { ...draft, rows: draft.rows.filter((r) => r.key !== edit.key) };
    case 'replaceRows':
      return { ...draft, rows: keyed(edit.days) };
  }
}

/** Problems by where they are shown: `row:<key>` (with `.field` for a vacation), 'source', or '' for the whole form. */
export type IssuesByPlace = Map<string, InputIssue[]>;

/** Problems from the kernel's rules, which the server applies too. */
export function holidayDraftIssues(draft: HolidayDraft): IssuesByPlace {
  const rows = draft.rows.map(({ date, kind, name }) => ({ date, kind, name: name.trim() }));
  const issues = scheduleDaysIssues(draft.year, rows, (i) => `row:${draft.rows[i].key}`);
  if (draft.source.trim() === '') issues.push({ path: 'source', message: 'the source is missing', code: 'source_missing' });
  return groupIssues(issues);
}

function groupIssues(issues: readonly InputIssue[]): IssuesByPlace {
  const grouped: IssuesByPlace = new Map();
  for (const issue of issues) grouped.set(issue.path, [...(grouped.get(issue.path) ?? []), issue]);
  return grouped;
}

/** An issue as the API sends it: a 422's path is a string, a 400's (zod) a list. */
export interface ServerIssue {
  path: string | readonly (string | number)[];
  message: string;
  code?: string;
}

export const holidayBody = (draft: HolidayDraft): HolidayScheduleInput => ({
  source: draft.source.trim(),
  days: [...draft.rows]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(({ date, kind, name }) => ({ date, kind, name: name.trim() })),
});

/** Pasted text read into rows, or its problems by line. */
export function importHolidayText(draft: HolidayDraft, text: string): { draft: HolidayDraft; issues: InputIssue[] } {
  const parsed = parseScheduleText(text, draft.year);
  return parsed.issues.length ? { draft, issues: parsed.issues } : { draft: editHolidayDraft(draft, { type: 'replaceRows', days: parsed.days }), issues: [] };
}

/**
 * The server's objections by row key: 422 issues name `days[i]`, 400 (zod) ones `days.i.field`, both indexes into the
 * body as sent, which holidayBody sorts by date.
 */
export function serverHolidayIssues(draft: HolidayDraft, issues: readonly ServerIssue[]): IssuesByPlace {
  const sent = holidayBody(draft).days ?? [];
  const sortedKeys = [...draft.rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((r) => r.key);
  return groupIssues(
    issues.map((issue) => {
      const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path);
      const index = /^days(?:\[(\d+)\]|\.(\d+))/.exec(path);
      const at = index ? Number(index[1] ?? index[2]) : -1;
      if (at >= 0 && at < sent.length) return { path: `row:${sortedKeys[at]}`, message: issue.message, code: issue.code };
      return { path: path.startsWith('source') ? 'source' : '', message: issue.message, code: issue.code };
    }),
  );
}

export interface VacationRow {
  key: number;
  /** As typed: a school year is a number, checked before it is sent. */
  schoolYear: string;
  kind: VacationKind;
  startsOn: string;
  endsOn: string;
  status: VacationStatus;
  source: string;
}

export const vacationRows = (vacations: readonly SchoolVacation[]): VacationRow[] => keyed(vacations.map((v) => ({ ...v, schoolYear: String(v.schoolYear) })));

export type VacationEdit =
  | { type: 'field'; key: number; field: 'schoolYear' | 'startsOn' | 'endsOn' | 'source'; value: string }
  | { type: 'kind'; key: number; value: VacationKind }
  | { type: 'status'; key: number; value: VacationStatus }
  | { type: 'add' }
  | { type: 'remove'; key: number }
  | { type: 'replace'; vacations: readonly SchoolVacation[] };

export function editVacationRows(rows: readonly VacationRow[], edit: VacationEdit): VacationRow[] {
  switch (edit.type) {
    case 'field':
      return rows.map((r) => (r.key === edit.key ? { ...r, [edit.field]: edit.value } : r));
    case 'kind':
      return rows.map((r) => (r.key === edit.key ? { ...r, kind: edit.value } : r));
    case 'status':
      return rows.map((r) => (r.key === edit.key ? { ...r, status: edit.value } : r));
    case 'add': {
      // The next vacation after the last row: the summer of its school year, or the winter of the next one.
      const last = rows.at(-1);
      const year = last ? Number(last.schoolYear) + (last.kind === 'summer' ? 1 : 0) : 2026;
      const kind: VacationKind = last?.kind === 'winter' ? 'summer' : 'winter';
      const [startsOn, endsOn] = kind === 'winter' ? [`${year + 1}-01-20`, `${year + 1}-02-20`] : [`${year + 1}-07-01`, `${year + 1}-08-31`];
      return [...rows, { key: nextKey(rows), schoolYear: String(year), kind, startsOn, endsOn, status: 'provisional', source: '' }];
    }
    case 'remove':
      return rows.filter((r) => r.key !== edit.key);
    case 'replace':
      return vacationRows(edit.vacations);
  }
}

const asVacation = (row: VacationRow): SchoolVacation => ({
  schoolYear: /^\d{4}$/.test(row.schoolYear.trim()) ? Number(row.schoolYear.trim()) : Number.NaN,
  kind: row.kind,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  status: row.status,
  source: row.source.trim(),
});

/** Problems by `row:<key>.<field>`, from the kernel's rules. */
export function vacationIssues(rows: readonly VacationRow[]): IssuesByPlace {
  const issues = schoolVacationIssues(rows.map(asVacation), 'rows');
  return groupIssues(issues.map((i) => ({ ...i, path: i.path.replace(/^rows\[(\d+)\]/, (_, index: string) => `row:${rows[Number(index)].key}`) })));
}

export const vacationsBody = (rows: readonly VacationRow[], city = SHANGHAI_CITY_CODE): SchoolVacationsInput => ({ city, vacations: rows.map(asVacation) });

/** The server's objections (`vacations[i].field` or `vacations.i.field`) on their rows. */
export function serverVacationIssues(rows: readonly VacationRow[], issues: readonly ServerIssue[]): IssuesByPlace {
  return groupIssues(
    issues.map((issue) => {
      const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path);
      const match = /^vacations(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?/.exec(path);
      const row = match ? rows[Number(match[1] ?? match[2])] : undefined;
      return { path: row ? `row:${row.key}${match?.[3] ? `.${match[3]}` : ''}` : '', message: issue.message, code: issue.code };
    }),
  );
}

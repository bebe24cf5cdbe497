import type { z } from 'zod';
import { DomainInputError, formatPath, type InputIssue } from '../../domain/errors.js';
import { parseClock } from '../../domain/time.js';
import { checkDrawSeed } from '../draw-seed.js';
import { dispatchSheetSchema, drawNoticeSchema, type DispatchSheet, type DrawNotice } from './schema.js';

/** A dispatch sheet or a draw notice that cannot be printed as given, with the fields at fault. */
export class DispatchInputError extends DomainInputError {
  override name = 'DispatchInputError';

  constructor(issues: InputIssue[], what: string) {
    super(issues, `cannot print the ${what}`);
  }
}

function parsed<T>(schema: z.ZodType<T>, input: unknown, what: string, prefix = ''): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DispatchInputError(
      result.error.issues.map((issue) => ({ path: `${prefix}${formatPath(issue.path)}`, message: issue.message })),
      what,
    );
  }
  return result.data;
}

const minutes = (clock: string, field: string) => parseClock(clock, field) / 60;

/** What the schema cannot see: times in order within the shift, credit codes on institutions only, who signs. */
function sheetIssues(sheet: DispatchSheet, at: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const start = minutes(sheet.shift.start, 'shift.start');
  const end = minutes(sheet.shift.end, 'shift.end');
  if (end <= start) issues.push({ path: `${at}shift.end`, message: `the shift must end after it starts (${sheet.shift.start}–${sheet.shift.end})` });
  let previous = start;
  sheet.stops.forEach((stop, i) => {
    const path = `${at}stops[${i}]`;
    const eta = minutes(stop.eta, `${path}.eta`);
    const departure = minutes(stop.departure, `${path}.departure`);
    if (eta < previous) issues.push({ path: `${path}.eta`, message: i === 0 ? `${stop.eta} is before the shift starts (${sheet.shift.start})` : `${stop.eta} is before the team leaves the previous stop` });
    if (departure < eta) issues.push({ path: `${path}.departure`, message: `${stop.departure} is before the arrival (${stop.eta})` });
    if (end > start && departure > end) issues.push({ path: `${path}.departure`, message: `${stop.departure} is after the shift ends (${sheet.shift.end})` });
    if (stop.kind === 'gridCell' && stop.creditCode !== null) issues.push({ path: `${path}.creditCode`, message: 'a grid cell has no credit code: only institutions do' });
    if (new Set(stop.checks).size !== stop.checks.length) issues.push({ path: `${path}.checks`, message: 'each of the 十查 items is listed once' });
    previous = Math.max(previous, departure);
  });
  if (sheet.route.line.length === 1) issues.push({ path: `${at}route.line`, message: 'a line needs at least two points, or none' });
  const names = sheet.members.map((m) => m.name);
  const certificates = new Set<string>();
  sheet.members.forEach((m, i) => {
    if (certificates.has(m.certificateNo)) issues.push({ path: `${at}members[${i}].certificateNo`, message: `${m.certificateNo} is listed twice` });
    certificates.add(m.certificateNo);
  });
  const leaders = names.filter((n) => n === sheet.signature.teamLeader).length;
  if (leaders !== 1) {
    issues.push({
      path: `${at}signature.teamLeader`,
      message: leaders === 0 ? `${sheet.signature.teamLeader} is not one of the members` : `${leaders} members are named ${sheet.signature.teamLeader}: the leader must be one`,
    });
  }
  sheet.signature.members.forEach((name, i) => {
    if (!names.includes(name)) issues.push({ path: `${at}signature.members[${i}]`, message: `${name} is not one of the members` });
    else if (name === sheet.signature.teamLeader) issues.push({ path: `${at}signature.members[${i}]`, message: `${name} signs as the team leader already` });
  });
  return issues;
}

/** Parses an untrusted dispatch sheet; throws DispatchInputError naming every field at fault. */
export function parseDispatchSheet(input: unknown): DispatchSheet {
  const sheet = parsed(dispatchSheetSchema, input, 'dispatch sheet');
  const issues = sheetIssues(sheet, '');
  if (issues.length > 0) throw new DispatchInputError(issues, 'dispatch sheet');
  return sheet;
}

/** Several sheets for one document; paths name the sheet, e.g. `[1].members`. */
export function parseDispatchSheets(input: unknown): DispatchSheet[] {
  if (!Array.isArray(input) || input.length === 0) throw new DispatchInputError([{ path: '', message: 'give at least one dispatch sheet' }], 'dispatch sheets');
  const sheets = input.map((one, i) => parsed(dispatchSheetSchema, one, 'dispatch sheets', `[${i}].`));
  const issues = sheets.flatMap((sheet, i) => sheetIssues(sheet, `[${i}].`));
  if (issues.length > 0) throw new DispatchInputError(issues, 'dispatch sheets');
  return sheets;
}

/** Parses an untrusted 一公开 notice: a seed the draw would take, no more objects than the pool they came from. */
export function parseDrawNotice(input: unknown): DrawNotice {
  const notice = parsed(drawNoticeSchema, input, 'draw notice');
  const issues: InputIssue[] = [];
  try {
    checkDrawSeed(notice.seed);
  } catch (error) {
    if (!(error instanceof DomainInputError)) throw error;
    issues.push(...error.issues);
  }
  if (notice.objects.length > notice.poolSize) issues.push({ path: 'objects', message: `${notice.objects.length} objects drawn from a pool of ${notice.poolSize}` });
  if (issues.length > 0) throw new DispatchInputError(issues, 'draw notice');
  return notice;
}

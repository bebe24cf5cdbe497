import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createWorkCalendar, nationalCalendar } from '../../../server/domain/calendar.js';
import { CLUE_DEADLINE_WORKING_DAYS, workingDayDeadline } from '../../../server/domain/clue-deadline.js';
import { parseDeadlineArgs } from '../../../server/domain/deadline-cli.js';
import { DomainInputError } from '../../../server/domain/errors.js';

// Deadlines in working days: the day of receipt not counted, 24:00 Shanghai of the n-th working day after it, the
// national holidays and their 调休 make-up days as published.

const at = (iso: string) => new Date(iso);
const deadline = (from: string, n: number) => workingDayDeadline(nationalCalendar, at(from), n).toISOString();

describe('workingDayDeadline', () => {
  test('an ordinary week: Monday + 1 working day ends at Tuesday 24:00 Shanghai; Friday + 1 skips the weekend', () => {
    expect(deadline('2026-11-02T10:00:00+08:00', 1)).toBe('2026-11-03T16:00:00.000Z');
    expect(deadline('2026-11-06T17:59:00+08:00', 1)).toBe('2026-11-09T16:00:00.000Z');
  });

  test('the day of receipt is the Shanghai day: 23:30 UTC on Sunday is Monday morning in Shanghai', () => {
    // 2026-11-01T23:30Z = Monday 2 November 07:30 in Shanghai → Tuesday 3 November 24:00.
    expect(deadline('2026-11-01T23:30:00Z', 1)).toBe('2026-11-03T16:00:00.000Z');
  });

  test('0 working days (urgent) ends the same day at 24:00, even on a holiday', () => {
    expect(deadline('2026-11-02T08:00:00+08:00', CLUE_DEADLINE_WORKING_DAYS.urgent)).toBe('2026-11-02T16:00:00.000Z');
    expect(deadline('2026-10-03T08:00:00+08:00', 0)).toBe('2026-10-03T16:00:00.000Z');
  });

  test('国庆节 2026: received 30 September, 5 working days are 8, 9, 10 (a Saturday worked, 调休), 12 and 13 October', () => {
    expect(nationalCalendar.day('2026-10-10').kind).toBe('makeup_workday');
    expect(deadline('2026-09-30T09:00:00+08:00', CLUE_DEADLINE_WORKING_DAYS.consultation)).toBe('2026-10-13T16:00:00.000Z');
    // Received on a holiday: the count starts after it just the same.
    expect(deadline('2026-10-04T12:00:00+08:00', 1)).toBe('2026-10-08T16:00:00.000Z');
  });

  test('春节 2026: a complaint received on 13 February has its 15 working days after the holiday, the make-up Saturdays counted', () => {
    // 14 Feb (Sat, worked) is 1; 15–23 Feb are the holiday; 24–27 Feb are 2–5, 28 Feb (Sat, worked) is 6; then
    // 2–6 March 7–11, 9–12 March 12–15.
    expect(deadline('2026-02-13T15:00:00+08:00', CLUE_DEADLINE_WORKING_DAYS.complaint)).toBe('2026-03-12T16:00:00.000Z');
  });

  test('a schedule entered later changes the count', () => {
    const withExtraHoliday = createWorkCalendar([{ year: 2026, source: 'test', holidays: { '2026-11-03': '测试假日' }, makeupWorkdays: {} }]);
    expect(workingDayDeadline(withExtraHoliday, at('2026-11-02T10:00:00+08:00'), 1).toISOString()).toBe('2026-11-04T16:00:00.000Z');
  });

  test('bad input is refused', () => {
    expect(() => workingDayDeadline(nationalCalendar, at('not a date'), 1)).toThrow(DomainInputError);
    expect(() => workingDayDeadline(nationalCalendar, at('2026-11-02T10:00:00Z'), -1)).toThrow(/integer from 0/);
    expect(() => workingDayDeadline(nationalCalendar, at('2026-11-02T10:00:00Z'), 1.5)).toThrow(/integer from 0/);
  });
});

describe('parseDeadlineArgs', () => {
  test('reads both flags in any order', () => {
    expect(parseDeadlineArgs(['--working-days', '5', '--from', '2026-09-30T09:00:00+08:00'])).toEqual({ from: at('2026-09-30T01:00:00Z'), workingDays: 5 });
  });
  test.each([
    [['--from', '2026-09-30T09:00:00'], '--from'],
    [['--from', '2026-09-30T09:00:00', '--working-days', '5'], 'with its offset'],
    [['--from', '2026-02-30T09:00:00Z', '--working-days', '5'], 'with its offset'],
    [['--from', '2026-09-30T09:00:00Z', '--working-days', '-1'], 'integer from 0'],
    [['--from', '2026-09-30T09:00:00Z', '--working-days', 'five'], 'integer from 0'],
    [['--from', '2026-09-30T09:00:00Z', '--days', '5'], 'unknown argument'],
    [['--from'], 'needs a value'],
  ])('%j is refused naming %s', (argv, why) => {
    expect(() => parseDeadlineArgs(argv)).toThrow(why);
  });
});

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run deadline', { timeout: 120_000 }, () => {
  test('prints one JSON line, exactly the deadline', () => {
    const run = spawnSync('npm', ['run', '--silent', 'deadline', '--', '--from', '2026-09-30T09:00:00+08:00', '--working-days', '5'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('{"deadline":"2026-10-13T16:00:00.000Z"}\n');
  });

  test('a year without a published schedule: the deadline, and a warning on stderr', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/deadline.ts', '--from', '2027-01-04T09:00:00+08:00', '--working-days', '1'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ deadline: '2027-01-05T16:00:00.000Z' });
    expect(run.stderr).toMatch(/2027 has no published holiday schedule/);
  });

  test('bad input: one line on stderr naming the argument, exit 2, nothing on stdout', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/deadline.ts', '--from', 'yesterday', '--working-days', '1'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--from/);
  });
});

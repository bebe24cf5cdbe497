import { describe, expect, test } from 'vitest';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../../server/domain/school-vacation-defaults.js';
import {
  schoolVacationIssues,
  schoolYearOf,
  sortVacations,
  vacationOn,
  validateSchoolVacations,
  type SchoolVacation,
} from '../../../server/domain/school-vacations.js';

const winter: SchoolVacation = { schoolYear: 2026, kind: 'winter', startsOn: '2027-01-23', endsOn: '2027-02-21', status: 'provisional', source: 'estimate' };
const summer: SchoolVacation = { ...winter, kind: 'summer', startsOn: '2027-07-01', endsOn: '2027-08-31' };

describe('school vacations (寒暑假)', () => {
  test('the school year runs September to August and is named by its first year', () => {
    expect(schoolYearOf('2025-09-01')).toBe(2025);
    expect(schoolYearOf('2026-02-10')).toBe(2025);
    expect(schoolYearOf('2026-08-31')).toBe(2025);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
  });

  test('the shipped Shanghai defaults are valid: 2025学年 published, 2026学年 an estimate', () => {
    expect(() => validateSchoolVacations(SHANGHAI_SCHOOL_VACATION_DEFAULTS)).not.toThrow();
    expect(SHANGHAI_SCHOOL_VACATION_DEFAULTS.filter((v) => v.schoolYear === 2025).map((v) => [v.kind, v.startsOn, v.endsOn, v.status])).toEqual([
      ['winter', '2026-02-02', '2026-02-27', 'published'],
      ['summer', '2026-07-01', '2026-08-31', 'published'],
    ]);
    expect(SHANGHAI_SCHOOL_VACATION_DEFAULTS.filter((v) => v.schoolYear === 2026).every((v) => v.status === 'provisional')).toBe(true);
    for (const v of SHANGHAI_SCHOOL_VACATION_DEFAULTS) expect(v.source).toMatch(/校历/);
  });

  test('finds the vacation of a date, both ends included', () => {
    expect(vacationOn([winter, summer], '2027-01-23')?.kind).toBe('winter');
    expect(vacationOn([winter, summer], '2027-02-21')?.kind).toBe('winter');
    expect(vacationOn([winter, summer], '2027-02-22')).toBeNull();
    expect(vacationOn([winter, summer], '2027-08-31')?.kind).toBe('summer');
  });

  test('sorts by school year, winter before summer', () => {
    const sorted = sortVacations([summer, { ...winter, schoolYear: 2025, startsOn: '2026-02-02', endsOn: '2026-02-27' }, winter]);
    expect(sorted.map((v) => `${v.schoolYear}/${v.kind}`)).toEqual(['2025/winter', '2026/winter', '2026/summer']);
  });

  test('each problem names its entry and field', () => {
    const issues = schoolVacationIssues([
      { ...winter, endsOn: '2027-01-20' },
      { ...summer, startsOn: '2027-13-01' },
      { ...winter, source: ' ' },
      { ...winter, schoolYear: 2025 },
      { ...summer, schoolYear: 2026.5 },
      { ...winter, schoolYear: 2027, startsOn: '2027-12-20', endsOn: '2028-01-31' },
      { ...summer, schoolYear: 2030, startsOn: '2031-07-01', endsOn: '2031-08-31', source: '校'.repeat(501) },
    ]);
    expect(issues).toEqual([
      { path: 'vacations[0].endsOn', message: 'ends before it starts (2027-01-23)', code: 'order' },
      { path: 'vacations[1].startsOn', message: 'not a calendar date YYYY-MM-DD: "2027-13-01"', code: 'date' },
      { path: 'vacations[2].kind', message: '2026学年 already has a winter vacation (寒假) (entry 0)', code: 'twice' },
      { path: 'vacations[2].source', message: 'say where the dates come from (the bureau’s 校历 notice)', code: 'source' },
      { path: 'vacations[3].endsOn', message: 'a winter vacation (寒假) of 2025学年 lies within 2026-01-01 – 2026-03-31', code: 'window' },
      { path: 'vacations[4].schoolYear', message: 'not a plausible school year: 2026.5', code: 'school_year' },
      { path: 'vacations[5].startsOn', message: 'a winter vacation (寒假) of 2027学年 lies within 2028-01-01 – 2028-03-31', code: 'window' },
      { path: 'vacations[6].source', message: 'longer than 500 characters', code: 'source_length' },
    ]);
    expect(() => validateSchoolVacations([{ ...summer, endsOn: '2027-09-01' }], 'body')).toThrow(
      'invalid school vacations: body[0].endsOn: a summer vacation (暑假) of 2026学年 lies within 2027-06-01 – 2027-08-31',
    );
  });
});

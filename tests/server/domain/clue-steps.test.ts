import { describe, expect, test } from 'vitest';
import { nationalCalendar as calendar } from '../../../server/domain/calendar.js';
import { closingProblem, extendedDeadline, extensionProblem, resumedDeadline, sendBackProblem } from '../../../server/domain/clue-steps.js';

const at = (iso: string) => new Date(iso);

describe('退单', () => {
  // Dispatched Thursday 5 November 2026; the two working days are Friday 6th and Monday 9th.
  const dispatched = at('2026-11-05T10:00:00+08:00');
  test('within 2 working days, with a reason', () => {
    expect(sendBackProblem(calendar, dispatched, at('2026-11-09T23:59:00+08:00'), '不属于本部门职责')).toBeNull();
    expect(sendBackProblem(calendar, dispatched, at('2026-11-10T00:00:00+08:00'), '不属于本部门职责')).toMatch(/too late/);
    expect(sendBackProblem(calendar, dispatched, at('2026-11-05T11:00:00+08:00'), '否')).toMatch(/reason/);
  });
});

describe('延期', () => {
  // Due Friday 13 November 2026 24:00.
  const due = at('2026-11-13T16:00:00Z');
  test('asked for before the deadline’s last day begins; refused on that day', () => {
    expect(extensionProblem(calendar, due, at('2026-11-12T23:59:00+08:00'), 3)).toBeNull();
    expect(extensionProblem(calendar, due, at('2026-11-13T00:00:00+08:00'), 3)).toMatch(/too late/);
    expect(extensionProblem(calendar, due, at('2026-11-10T10:00:00+08:00'), 0)).toMatch(/1 to 30/);
  });
  test('approved: that many more working days after the old deadline, weekends skipped', () => {
    expect(extendedDeadline(calendar, due, 3).toISOString()).toBe('2026-11-18T16:00:00.000Z');
  });
});

describe('等待补充 (the clock pauses)', () => {
  const due = at('2026-11-13T16:00:00Z');
  test('a pause within a day moves nothing; over a weekend only its working days count', () => {
    expect(resumedDeadline(calendar, due, at('2026-11-09T09:00:00+08:00'), at('2026-11-09T17:00:00+08:00'))).toEqual(due);
    // Paused Friday 6th, resumed Tuesday 10th: Monday 9th and Tuesday 10th count → 2 working days more.
    expect(resumedDeadline(calendar, due, at('2026-11-06T09:00:00+08:00'), at('2026-11-10T09:00:00+08:00')).toISOString()).toBe('2026-11-17T16:00:00.000Z');
    expect(() => resumedDeadline(calendar, due, at('2026-11-10T09:00:00Z'), at('2026-11-09T09:00:00Z'))).toThrow(/after it begins/);
  });
});

describe('核查结案', () => {
  test('closed only on a verification with evidence and a result', () => {
    expect(closingProblem(null)).toMatch(/verification/);
    expect(closingProblem({ evidence: [], result: '已取缔，现场无培训' })).toMatch(/evidence/);
    expect(closingProblem({ evidence: [{ kind: 'photo', ref: ' ' }], result: '已取缔，现场无培训' })).toMatch(/reference/);
    expect(closingProblem({ evidence: [{ kind: 'check_in', ref: '381' }], result: '好' })).toMatch(/result/);
    expect(closingProblem({ evidence: [{ kind: 'check_in', ref: '381' }, { kind: 'document', ref: '普教执〔2026〕12号' }], result: '已责令停止培训并复查' })).toBeNull();
  });
});

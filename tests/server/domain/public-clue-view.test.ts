import { describe, expect, test } from 'vitest';
import { publicFeedbackOf, publicStatusLabel, publicSteps, type ClueAuditEntry } from '../../../server/domain/public-clue-view.js';

const at = (minute: number) => `2026-11-01T0${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
const entry = (action: string, minute: number, after: unknown = null): ClueAuditEntry => ({ action, at: at(minute), after });

describe('publicSteps', () => {
  test('the clue loop’s actions become public steps in their order; a status change is its new status', () => {
    const steps = publicSteps([
      entry('clue.create', 0, { status: 'received' }),
      entry('clue.status', 5, { status: 'registered' }),
      entry('clue.dispatch', 10),
      entry('clue.send_back', 20),
      entry('clue.dispatch', 30),
      entry('clue.accept', 40),
      entry('clue.feedback', 50),
      entry('clue.close', 55),
    ]);
    expect(steps.map((s) => s.step)).toEqual(['received', 'registered', 'dispatched', 'reassigned', 'dispatched', 'handling', 'feedback', 'closed']);
    expect(steps[0]).toEqual({ step: 'received', label: { 'zh-CN': '已受理', en: 'Received' }, at: at(0) });
    expect(steps[3].label['zh-CN']).toBe('重新派单');
  });

  test('actions the public is not shown and unknown statuses are left out; a step repeated at once is shown once', () => {
    const steps = publicSteps([
      entry('clue.create', 0),
      entry('clue.extend_request', 1, { status: 'handling', reason: 'internal' }),
      entry('clue.status', 2, { status: 'received' }),
      entry('clue.status', 3, { status: 'teleported' }),
      entry('clue.status', 4, null),
      entry('matrix.update', 5),
    ]);
    expect(steps).toEqual([{ step: 'received', label: { 'zh-CN': '已受理', en: 'Received' }, at: at(0) }]);
  });
});

describe('publicFeedbackOf', () => {
  test('the latest non-empty publicFeedback of the records, trimmed; null when there is none', () => {
    expect(publicFeedbackOf([entry('clue.create', 0, { status: 'received' })])).toBeNull();
    expect(
      publicFeedbackOf([
        entry('clue.feedback', 1, { publicFeedback: '第一次答复' }),
        entry('clue.feedback', 2, { publicFeedback: ' 已责令停止办班 ' }),
        entry('clue.close', 3, { publicFeedback: '   ' }),
        entry('clue.close', 4, { publicFeedback: 42 }),
      ]),
    ).toBe('已责令停止办班');
  });
});

test('publicStatusLabel: every status in both languages, an unknown one as in progress', () => {
  expect(publicStatusLabel('closed')).toEqual({ 'zh-CN': '已办结', en: 'Closed' });
  expect(publicStatusLabel('whatever')).toEqual({ 'zh-CN': '处理中', en: 'In progress' });
});

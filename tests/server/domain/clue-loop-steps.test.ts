import { describe, expect, test } from 'vitest';
import { allowedClueSteps, clueStepRefusal, type LoopState } from '../../../server/domain/clue-loop-steps.js';

const state = (over: Partial<LoopState>): LoopState => ({ status: 'received', paused: false, extensionPending: false, merged: false, ...over });

describe('allowedClueSteps', () => {
  test('follows the loop by status', () => {
    expect(allowedClueSteps(state({ status: 'received' }))).toEqual(['register', 'merge', 'reject']);
    expect(allowedClueSteps(state({ status: 'registered' }))).toEqual(['dispatch', 'merge', 'reject']);
    expect(allowedClueSteps(state({ status: 'feedback' }))).toEqual(['verify']);
    expect(allowedClueSteps(state({ status: 'verified' }))).toEqual(['close']);
    expect(allowedClueSteps(state({ status: 'closed' }))).toEqual(['reopen']);
    expect(allowedClueSteps(state({ status: 'rejected' }))).toEqual([]);
  });

  test('a paused clue resumes before it feeds back or is sent back', () => {
    const paused = allowedClueSteps(state({ status: 'handling', paused: true }));
    expect(paused).toContain('resume');
    expect(paused).not.toContain('feedback');
    expect(paused).not.toContain('pause');
    expect(allowedClueSteps(state({ status: 'dispatched', paused: true }))).not.toContain('send_back');
  });

  test('a pending extension is decided before another is asked for', () => {
    const pending = allowedClueSteps(state({ status: 'handling', extensionPending: true }));
    expect(pending).toContain('extend_decide');
    expect(pending).not.toContain('extend_request');
    expect(allowedClueSteps(state({ status: 'handling' }))).not.toContain('extend_decide');
  });

  test('a merged clue takes no step of its own', () => {
    expect(allowedClueSteps(state({ status: 'handling', merged: true }))).toEqual([]);
    expect(clueStepRefusal(state({ status: 'handling', merged: true }), 'feedback')).toContain('merged');
  });
});

describe('clueStepRefusal', () => {
  test('null when allowed, words when not', () => {
    expect(clueStepRefusal(state({ status: 'registered' }), 'dispatch')).toBeNull();
    expect(clueStepRefusal(state({ status: 'registered' }), 'verify')).toBe('a registered clue cannot take the step verify; allowed now: dispatch, merge, reject');
    expect(clueStepRefusal(state({ status: 'handling', paused: true }), 'feedback')).toBe('the clue is paused (waiting for the reporter): resume it first');
    expect(clueStepRefusal(state({ status: 'handling' }), 'resume')).toBe('the clue is not paused');
    expect(clueStepRefusal(state({ status: 'handling' }), 'extend_decide')).toBe('no extension request waits for a decision');
  });
});

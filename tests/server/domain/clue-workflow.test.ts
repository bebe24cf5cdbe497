import { describe, expect, test } from 'vitest';
import { canTransitionClue, clueStatuses, clueTransitionError, nextClueStatuses, openClueStatuses } from '../../../server/contract/index.js';

describe('the clue loop', () => {
  test('runs received → registered → dispatched → handling → feedback → verified → closed', () => {
    const path = ['received', 'registered', 'dispatched', 'handling', 'feedback', 'verified', 'closed'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransitionClue(path[i], path[i + 1])).toBe(true);
  });

  test('skipping or going back is refused', () => {
    expect(canTransitionClue('received', 'dispatched')).toBe(false);
    expect(canTransitionClue('handling', 'registered')).toBe(false);
    expect(canTransitionClue('registered', 'registered')).toBe(false);
  });

  test('rejection is possible until the handling department feeds back', () => {
    expect(['received', 'registered', 'dispatched', 'handling'].every((s) => nextClueStatuses(s as never).includes('rejected'))).toBe(true);
    expect(nextClueStatuses('feedback')).toEqual(['verified']);
  });

  test('closed and rejected are terminal, and every other status is open', () => {
    expect(nextClueStatuses('closed')).toEqual([]);
    expect(nextClueStatuses('rejected')).toEqual([]);
    expect(openClueStatuses).toEqual(clueStatuses.filter((s) => s !== 'closed' && s !== 'rejected'));
    expect(clueTransitionError('rejected', 'received')).toBe('clue is already rejected; no further status change is possible');
    expect(clueTransitionError('received', 'registered')).toBeNull();
  });
});

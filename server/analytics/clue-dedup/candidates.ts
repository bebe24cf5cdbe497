// The duplicates of one new clue among existing ones, for the operator form that registers it (登记查重).

import { prepareClue, type ClueId, type DedupClue } from './clue.js';
import { resolveDedupOptions, type DedupOptions } from './options.js';
import { decidePair, type PairDecision } from './pair.js';

export interface DuplicateCandidate extends PairDecision {
  id: ClueId;
}

/**
 * Every clue of `others` that `clue` duplicates, best score first (ties by id as text), each with its reasons,
 * distance and days apart. A clue with the same id as `clue` is itself, not a candidate. One pass over `others`:
 * the form asks with the clues of the area and month around the new one.
 */
export function duplicateCandidates(clue: DedupClue, others: readonly DedupClue[], options: Partial<DedupOptions> = {}): DuplicateCandidate[] {
  const resolved = resolveDedupOptions(options);
  const subject = prepareClue(clue);
  const found: DuplicateCandidate[] = [];
  for (const other of others) {
    if (other.id === clue.id) continue;
    const decision = decidePair(subject, prepareClue(other), resolved);
    if (decision) found.push({ id: other.id, ...decision });
  }
  return found.sort((x, y) => y.score - x.score || compareIds(x.id, y.id));
}

/** Numbers before strings, numbers by value, strings by code unit: one order whatever the mix of id types. */
export function compareIds(a: ClueId, b: ClueId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

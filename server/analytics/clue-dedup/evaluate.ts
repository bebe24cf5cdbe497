// How well predicted duplicate groups match true labels: pairwise precision and recall (a pair of clues is
// predicted a duplicate when in one predicted group, truly one when they share a label) and group-level figures.

import type { ClueId } from './clue.js';

export interface DedupScores {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** True groups of two or more clues, and how many of them were predicted exactly (same members, no more). */
  trueGroups: number;
  exactGroups: number;
  exactGroupShare: number;
  predictedGroups: number;
  /** Predicted groups whose clues all share one label. */
  pureGroups: number;
  pureGroupShare: number;
}

const pairs = (k: number) => (k * (k - 1)) / 2;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** `labels` gives every clue's true case; clues not in any predicted group are singletons. */
export function scoreDuplicateGroups(predicted: readonly (readonly ClueId[])[], labels: ReadonlyMap<ClueId, number>): DedupScores {
  const trueSizes = new Map<number, number>();
  for (const label of labels.values()) trueSizes.set(label, (trueSizes.get(label) ?? 0) + 1);
  let truePairs = 0;
  let trueGroups = 0;
  for (const size of trueSizes.values()) {
    truePairs += pairs(size);
    if (size > 1) trueGroups++;
  }
  let predictedPairs = 0;
  let correctPairs = 0;
  let exactGroups = 0;
  let pureGroups = 0;
  for (const group of predicted) {
    predictedPairs += pairs(group.length);
    const byLabel = new Map<number, number>();
    for (const id of group) {
      const label = labels.get(id);
      if (label === undefined) throw new RangeError(`predicted id ${JSON.stringify(id)} has no label`);
      byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    }
    for (const count of byLabel.values()) correctPairs += pairs(count);
    if (byLabel.size === 1) {
      pureGroups++;
      const [label] = byLabel.keys();
      if (trueSizes.get(label) === group.length) exactGroups++;
    }
  }
  const precision = ratio(correctPairs, predictedPairs);
  const recall = ratio(correctPairs, truePairs);
  return {
    truePairs,
    predictedPairs,
    correctPairs,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    trueGroups,
    exactGroups,
    exactGroupShare: ratio(exactGroups, trueGroups),
    predictedGroups: predicted.length,
    pureGroups,
    pureGroupShare: ratio(pureGroups, predicted.length),
  };
}

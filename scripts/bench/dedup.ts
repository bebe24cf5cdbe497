// Benchmark of clue duplicate detection on the labelled synthetic set: pairwise precision and recall, group-level
// figures and time, on 2,000 and 20,000 clues (scored) and 100,000 (timed). The thresholds are chosen on the set of
// the tuning seed by a grid search and reported on the test seed, so that the reported figure is not fitted to it.
// Prints JSON.
//
//   npm run --silent bench:dedup [-- --test-seed 1 --tune-seed 7 --skip-100k]

import { cpus } from 'node:os';
import {
  DEFAULT_DEDUP_OPTIONS,
  duplicateGroups,
  labelledClueSet,
  scoreDuplicateGroups,
  type DedupOptions,
  type LabelledClue,
} from '../../server/analytics/clue-dedup/index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const testSeed = option('test-seed', 1);
const tuneSeed = option('tune-seed', 7);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function run(clues: LabelledClue[], options: Partial<DedupOptions>) {
  const started = performance.now();
  const result = duplicateGroups(clues, options);
  const ms = performance.now() - started;
  return { result, ms };
}

function scored(size: number, seed: number, options: Partial<DedupOptions>) {
  const clues = labelledClueSet({ size, seed });
  const { result, ms } = run(clues, options);
  const scores = scoreDuplicateGroups(result.groups, new Map(clues.map((c) => [c.id, c.label])));
  return {
    clues: size,
    seed,
    ms: round(ms, 1),
    pairsComparedPerClue: round(result.pairsCompared / size, 2),
    precision: round(scores.precision),
    recall: round(scores.recall),
    f1: round(scores.f1),
    truePairs: scores.truePairs,
    predictedPairs: scores.predictedPairs,
    trueGroups: scores.trueGroups,
    predictedGroups: scores.predictedGroups,
    exactGroupShare: round(scores.exactGroupShare),
    pureGroupShare: round(scores.pureGroupShare),
  };
}

// Tuning: the best F1 on the tuning seed's 2,000 clues; ties go to the higher thresholds (fewer false merges).
const tuneSet = labelledClueSet({ size: 2000, seed: tuneSeed });
const labels = new Map(tuneSet.map((c) => [c.id, c.label]));
let best = { threshold: DEFAULT_DEDUP_OPTIONS.threshold, nameThreshold: DEFAULT_DEDUP_OPTIONS.nameThreshold, f1: -1 };
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  for (const nameThreshold of [0.4, 0.5, 0.6, 0.7, 0.8]) {
    const f1 = scoreDuplicateGroups(duplicateGroups(tuneSet, { threshold, nameThreshold }).groups, labels).f1;
    if (f1 >= best.f1) best = { threshold, nameThreshold, f1 };
  }
}
const tuned = { threshold: best.threshold, nameThreshold: best.nameThreshold };

const timed100k = process.argv.includes('--skip-100k')
  ? { skipped: '--skip-100k given' }
  : (() => {
      const clues = labelledClueSet({ size: 100_000, seed: testSeed });
      const { result, ms } = run(clues, DEFAULT_DEDUP_OPTIONS);
      return { clues: clues.length, seed: testSeed, ms: round(ms, 1), pairsComparedPerClue: round(result.pairsCompared / clues.length, 2), groups: result.groups.length };
    })();

console.log(
  JSON.stringify(
    {
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length },
      defaults: DEFAULT_DEDUP_OPTIONS,
      tuning: { seed: tuneSeed, clues: tuneSet.length, chosen: tuned, f1: round(best.f1), sameAsDefaults: tuned.threshold === DEFAULT_DEDUP_OPTIONS.threshold && tuned.nameThreshold === DEFAULT_DEDUP_OPTIONS.nameThreshold },
      test: {
        defaults: [scored(2000, testSeed, DEFAULT_DEDUP_OPTIONS), scored(20_000, testSeed, DEFAULT_DEDUP_OPTIONS)],
        tuned: [scored(2000, testSeed, tuned), scored(20_000, testSeed, tuned)],
      },
      time100k: timed100k,
    },
    null,
    2,
  ),
);

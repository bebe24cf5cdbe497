// Duplicate detection of clues (线索查重): pure functions for the registration form, the CLI and the benchmark.
// docs/clues.md describes the rule and its measured figures.

export { FILLER_WORDS, compactText, normaliseClueText } from './normalise.js';
export { bigrams, cosine, jaccard } from './ngrams.js';
export { compareFlatAddresses, parseFlatAddress, sameCompound, type AddressComparison, type FlatAddress } from './address.js';
export { GENERIC_NAME_PARTS, bestNameSimilarity, institutionNameCore, institutionNameSimilarity, institutionNamesIn } from './institution-name.js';
export { DEFAULT_DEDUP_OPTIONS, resolveDedupOptions, type DedupOptions } from './options.js';
export { prepareClue, type ClueId, type DedupClue, type PreparedClue } from './clue.js';
export { decidePair, type DuplicateReason, type PairDecision } from './pair.js';
export { compareIds, duplicateCandidates, type DuplicateCandidate } from './candidates.js';
export { duplicateGroups, type DuplicateGroupsResult } from './groups.js';
export { labelledClueSet, type LabelledClue, type LabelledSetOptions } from './labelled-set.js';
export { scoreDuplicateGroups, type DedupScores } from './evaluate.js';

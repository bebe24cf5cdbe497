// A clue as duplicate detection sees it, and what is read from it once so that each pair costs a few merges.

import { parseFlatAddress, type FlatAddress } from './address.js';
import { institutionNamesIn } from './institution-name.js';
import { bigrams } from './ngrams.js';
import { compactText, normaliseClueText } from './normalise.js';

export type ClueId = string | number;

export interface DedupClue {
  id: ClueId;
  lon: number;
  lat: number;
  /** Milliseconds since the epoch. */
  reportedAtMs: number;
  /** The suspected type (server/domain/vocabulary.ts suspectedTypes), or any category the caller uses. */
  category: string;
  text: string;
  institutionId?: ClueId | null;
}

export interface PreparedClue {
  clue: DedupClue;
  grams: Float64Array;
  address: FlatAddress;
  names: string[];
}

export function prepareClue(clue: DedupClue): PreparedClue {
  const normalised = normaliseClueText(clue.text);
  const compact = compactText(normalised);
  return { clue, grams: bigrams(compact), address: parseFlatAddress(compact), names: institutionNamesIn(normalised) };
}

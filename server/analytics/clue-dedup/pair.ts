// The one decision of duplicate detection, whether two clues report the same case, with the reasons an operator
// is shown. duplicateCandidates and duplicateGroups both ask it, so a group holds every candidate of its members.

import { DAY_MS } from '../../domain/time.js';
import { haversineDistanceMetres } from '../../domain/geodesy.js';
import { compareFlatAddresses, formatFlatAddress } from './address.js';
import type { ClueId, PreparedClue } from './clue.js';
import { bestNameSimilarity } from './institution-name.js';
import { cosine } from './ngrams.js';
import type { DedupOptions } from './options.js';

export type DuplicateReason =
  | { kind: 'same_institution'; institutionId: ClueId }
  | { kind: 'same_flat'; address: string }
  | { kind: 'similar_name'; similarity: number; names: [string, string] }
  | { kind: 'similar_text'; similarity: number }
  /** Supporting only: the same suspected type does not make two clues duplicates by itself. */
  | { kind: 'same_category'; category: string };

export interface PairDecision {
  /** 0..1: the strongest deciding reason, a little more when the category agrees too. */
  score: number;
  distanceMetres: number;
  daysApart: number;
  reasons: DuplicateReason[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** How much an agreeing category adds to the score: enough to order two otherwise equal candidates, no more. */
const CATEGORY_BONUS = 0.05;
const SAME_FLAT_SCORE = 0.95;

/**
 * Duplicates when reported within the window and either naming the same institution id, or within the radius with
 * the same flat, a similar institution name or a similar text, and nothing that tells them apart: two different
 * institution ids, two different flats (room, building, unit or compound) or two dissimilar institution names.
 * Null when not duplicates.
 */
export function decidePair(a: PreparedClue, b: PreparedClue, options: DedupOptions): PairDecision | null {
  const daysApart = Math.abs(a.clue.reportedAtMs - b.clue.reportedAtMs) / DAY_MS;
  if (daysApart > options.windowDays) return null;
  const distanceMetres = haversineDistanceMetres(a.clue.lon, a.clue.lat, b.clue.lon, b.clue.lat);
  const idA = a.clue.institutionId;
  const idB = b.clue.institutionId;
  const reasons: DuplicateReason[] = [];
  let score = 0;
  if (idA != null && idB != null) {
    if (idA !== idB) return null;
    reasons.push({ kind: 'same_institution', institutionId: idA });
    score = 1;
  } else {
    if (distanceMetres > options.radiusMetres) return null;
    const address = compareFlatAddresses(a.address, b.address);
    if (address === 'conflict') return null;
    const name = bestNameSimilarity(a.names, b.names);
    // Both name an institution and no name of one is like a name of the other: neighbours, not one institution.
    if (a.names.length > 0 && b.names.length > 0 && name.similarity < options.nameThreshold) return null;
    if (address === 'same_flat') {
      reasons.push({ kind: 'same_flat', address: formatFlatAddress(a.address) });
      score = SAME_FLAT_SCORE;
    }
    if (name.names && name.similarity >= options.nameThreshold) {
      reasons.push({ kind: 'similar_name', similarity: round3(name.similarity), names: name.names });
      score = Math.max(score, name.similarity);
    }
    const text = cosine(a.grams, b.grams);
    if (text >= options.threshold) {
      reasons.push({ kind: 'similar_text', similarity: round3(text) });
      score = Math.max(score, text);
    }
    if (reasons.length === 0) return null;
  }
  if (a.clue.category === b.clue.category) {
    reasons.push({ kind: 'same_category', category: a.clue.category });
    score = Math.min(1, score + CATEGORY_BONUS);
  }
  return { score: round3(score), distanceMetres: Math.round(distanceMetres * 10) / 10, daysApart: Math.round(daysApart * 100) / 100, reasons };
}

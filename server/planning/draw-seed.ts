import { PlanningInputError } from './errors.js';

/**
 * The seed of a 双随机 draw and what is published before the draw is run. A seed is a text: people choose it, read
 * it out, publish its commitment and type it again to replay the draw, so "20260701" and "2026暑期-普陀" are both
 * seeds, compared as written.
 *
 * The byte formats below are the contract of the audit: anyone can recompute them with standard tools.
 *   seed commitment = SHA-256 of the seed's UTF-8 bytes, nothing added   (printf '%s' "$seed" | sha256sum)
 *   pool hash       = SHA-256 of the pool's ids in ascending numeric order, each in decimal ASCII (a leading "-" for
 *                     a negative id, no leading zeros) followed by one LF (0x0A), the last one too; an empty pool
 *                     hashes the empty string                          (jq '.[]' ids.json | sort -n | sha256sum)
 * Hashing itself is the caller's (server/services/draws.ts binds node:crypto): this module stays pure.
 */

/** SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export type Sha256Hex = (utf8Text: string) => string;

export const MAX_SEED_LENGTH = 128;

/** The prefix of a draw's input errors. */
export const DRAW_ERROR = 'cannot draw';

/**
 * The seed when it can be one: a string of 1–128 characters without control characters and without spaces at its
 * ends (a copied seed with a trailing space would silently give another draw).
 */
export function checkDrawSeed(seed: unknown, path = 'seed'): string {
  const fail = (message: string): never => {
    throw new PlanningInputError([{ path, message }], DRAW_ERROR);
  };
  if (typeof seed !== 'string') return fail(`the seed must be a text, got ${seed === null ? 'null' : typeof seed}`);
  if (seed.length === 0 || seed.length > MAX_SEED_LENGTH) return fail(`the seed must have 1–${MAX_SEED_LENGTH} characters, got ${seed.length}`);
  for (let i = 0; i < seed.length; i++) {
    const code = seed.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return fail('the seed must not contain control characters');
  }
  if (seed.trim() !== seed) return fail('the seed must not begin or end with a space');
  return seed;
}

/** The ids of a pool as the pool hash reads them: safe integers, each once, ascending. */
export function sortedPoolIds(ids: readonly number[], path = 'pool'): number[] {
  const seen = new Map<number, number>();
  ids.forEach((id, i) => {
    if (!Number.isSafeInteger(id)) throw new PlanningInputError([{ path: `${path}[${i}]`, message: `an id must be an integer, got ${JSON.stringify(id)}` }], DRAW_ERROR);
    const first = seen.get(id);
    if (first !== undefined) throw new PlanningInputError([{ path: `${path}[${i}]`, message: `duplicate id ${id} (also at [${first}])` }], DRAW_ERROR);
    seen.set(id, i);
  });
  return [...ids].sort((a, b) => a - b);
}

/** The exact text whose SHA-256 is the pool hash (see the module comment). */
export const poolHashText = (ids: readonly number[]): string => sortedPoolIds(ids).map((id) => `${id}\n`).join('');

export const seedCommitmentOf = (seed: string, sha256: Sha256Hex): string => sha256(checkDrawSeed(seed));

export const poolHashOf = (ids: readonly number[], sha256: Sha256Hex): string => sha256(poolHashText(ids));

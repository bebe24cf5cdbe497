/**
 * The product's one seeded pseudo-random generator: the demo data, permutation tests, 双随机 draws and the route
 * solver all draw from it, so that any result can be reproduced from its seed and audited.
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) seeded through splitmix32; `fork` derives an
 * independent stream per purpose so that adding a draw in one place does not shift every later one.
 * Randomness elsewhere (Math.random) is refused by tests/architecture.test.ts.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[]): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** A new generator whose stream depends on this seed and the label only. */
  fork(label: string): Random;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a label, to derive fork seeds. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The 32-bit seed of a text seed (a 双随机 draw's seed is a text that people read, commit to and type): FNV-1a of its
 * UTF-16 code units, the hash `fork` derives its labels' seeds with. Two texts may share a seed; the SHA-256
 * commitment of a draw's seed is what identifies it.
 */
export const seedOfText = (text: string): number => hashLabel(text);

/** A generator whose stream depends on the seed only; a fractional seed counts as its integer part. */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // Fold the whole seed (also above 2^32) into 32 bits.
  const seed32 = (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) >>> 0;
  const init = splitmix32(seed32);
  let a = init();
  let b = init();
  let c = init();
  let counter = init();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  const next = () => nextUint32() / 4294967296;
  const random: Random = {
    next,
    int(bound) {
      if (!(bound >= 1)) throw new RangeError(`bound must be ≥ 1, got ${bound}`);
      return Math.floor(next() * bound);
    },
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weightedIndex(weights) {
      let total = 0;
      for (const w of weights) total += w > 0 ? w : 0;
      if (!(total > 0)) throw new RangeError('weights must contain a positive value');
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i] > 0 ? weights[i] : 0;
        if (r < w) return i;
        r -= w;
      }
      return weights.length - 1;
    },
    normal() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: (label) => createRandom((seed32 ^ hashLabel(label)) >>> 0),
  };
  return random;
}

/**
 * Sampler for many draws from one fixed discrete distribution: binary search over cumulative weights.
 */
export function cumulativeSampler(weights: readonly number[]): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i] > 0 ? weights[i] : 0;
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new RangeError('weights must contain a positive value');
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

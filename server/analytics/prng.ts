// Seeded pseudo-random numbers, so that permutation results and 双随机 draws (server/planning) can be reproduced
// and audited. sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) seeded through splitmix32.
// db/seed/generate/prng.ts holds the same generator for the demo data, because db/ may not import server/.

export type Prng = {
  /** Uniform double in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound), bound ≤ 2^32. */
  nextInt(bound: number): number;
};

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

export function createPrng(seed: number): Prng {
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
  return {
    next: () => nextUint32() / 4294967296,
    nextInt: (bound: number) => Math.floor((nextUint32() / 4294967296) * bound),
  };
}

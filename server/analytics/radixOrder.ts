// Stable least-significant-digit radix sort of non-negative doubles, returning the order of indices.
// Non-negative IEEE-754 doubles sort like their bit patterns read as unsigned 64-bit integers, so
// four passes over 16-bit digits give the exact order in O(n), several times faster than a
// comparison sort; it keeps the live hotspot recomputation within one frame.

export type RadixOrderer = (keys: Float64Array) => Int32Array;

/** Creates a sorter for n keys whose buffers are allocated once; the returned order is reused. */
export function createRadixOrderer(n: number): RadixOrderer {
  const copy = new Float64Array(n);
  const words = new Uint32Array(copy.buffer);
  const lo = [new Uint32Array(n), new Uint32Array(n)];
  const hi = [new Uint32Array(n), new Uint32Array(n)];
  const idx = [new Int32Array(n), new Int32Array(n)];
  const count = new Uint32Array(65536);
  // Byte order of the platform: which 32-bit word of a double holds the sign and exponent.
  const probe = new Uint32Array(new Float64Array([1]).buffer);
  const hiWord = probe[1] === 0x3ff00000 ? 1 : 0;
  return (keys) => {
    if (keys.length !== n) throw new RangeError(`expected ${n} keys, got ${keys.length}`);
    copy.set(keys);
    for (let i = 0; i < n; i++) {
      if (!(keys[i] >= 0)) throw new RangeError(`key ${i} is not a non-negative number (${keys[i]})`);
      lo[0][i] = words[2 * i + (1 - hiWord)];
      hi[0][i] = words[2 * i + hiWord];
      idx[0][i] = i;
    }
    let src = 0;
    for (let pass = 0; pass < 4; pass++) {
      const useHi = pass >= 2;
      const shift = pass % 2 === 0 ? 0 : 16;
      const key = useHi ? hi[src] : lo[src];
      count.fill(0);
      for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 0xffff]++;
      // All keys share this digit: nothing to reorder.
      if (count[(key[0] >>> shift) & 0xffff] === n) continue;
      let sum = 0;
      for (let d = 0; d < 65536; d++) {
        const c = count[d];
        count[d] = sum;
        sum += c;
      }
      const dst = 1 - src;
      const sLo = lo[src];
      const sHi = hi[src];
      const sIdx = idx[src];
      const dLo = lo[dst];
      const dHi = hi[dst];
      const dIdx = idx[dst];
      for (let i = 0; i < n; i++) {
        const pos = count[(key[i] >>> shift) & 0xffff]++;
        dLo[pos] = sLo[i];
        dHi[pos] = sHi[i];
        dIdx[pos] = sIdx[i];
      }
      src = dst;
    }
    return idx[src];
  };
}

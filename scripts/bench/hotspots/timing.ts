/** Median wall time in milliseconds of `repeat` runs of fn (after one warm-up run). */
export function medianMs(repeat: number, fn: (run: number) => void): { medianMs: number; minMs: number; runs: number } {
  fn(-1);
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    fn(r);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { medianMs: round(median), minMs: round(times[0]), runs: repeat };
}

export const round = (ms: number, digits = 3) => Number(ms.toFixed(digits));

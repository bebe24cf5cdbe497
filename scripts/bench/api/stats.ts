/** Latency percentiles in milliseconds (nearest-rank). */
export function percentileMs(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface LatencySummary {
  p50Ms: number;
  p95Ms: number;
  runs: number;
}

export function summarise(samples: number[]): LatencySummary {
  return { p50Ms: round(percentileMs(samples, 50)), p95Ms: round(percentileMs(samples, 95)), runs: samples.length };
}

export async function timeEachMs(inputs: readonly unknown[], run: (input: unknown) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await run(input);
    samples.push(performance.now() - start);
  }
  return samples;
}

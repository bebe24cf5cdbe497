// ArcGIS-style confidence bins: ±3 = 99 %, ±2 = 95 %, ±1 = 90 % confidence, 0 = not significant;
// the sign is the sign of the z-score (+ hot spot, − cold spot).

export type ConfidenceBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** Bin of one test from its z-score and (plain or FDR-adjusted) p-value. */
export function confidenceBin(z: number, p: number): ConfidenceBin {
  const level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.1 ? 1 : 0;
  if (level === 0 || z === 0 || Number.isNaN(z)) return 0;
  return (z > 0 ? level : -level) as ConfidenceBin;
}

/** Confidence level in percent of a bin, e.g. 95 for ±2; 0 for not significant. */
export function binConfidencePercent(bin: number): number {
  return [0, 90, 95, 99][Math.abs(bin)] ?? 0;
}

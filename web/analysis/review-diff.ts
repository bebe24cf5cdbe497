// What changed between the period compared (before) and the period looked at (after): per grid cell the difference in
// clues and the move of its Gi* class, and a rate's change in percentage points (a count's change in per cent is
// server/domain/period-change.ts's changeRatio, as in the briefing).

/** A rate's change in percentage points (a closure rate from 60 % to 75 % is +15 points, not +25 %). */
export function pointChange(after: number | null, before: number | null): number | null {
  if (after === null || before === null) return null;
  return (after - before) * 100;
}

/** How a cell's Gi* class (confidence bin −3…+3) moved. */
export type ClassChange = 'newHot' | 'hotter' | 'cooler' | 'goneHot' | 'newCold' | 'goneCold' | 'same';

export function classChange(before: number, after: number): ClassChange {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === after) return 'same';
  if (before <= 0 && after > 0) return 'newHot';
  if (before > 0 && after <= 0) return after < 0 ? 'newCold' : 'goneHot';
  if (before >= 0 && after < 0) return 'newCold';
  if (before < 0 && after >= 0) return 'goneCold';
  return after > before ? 'hotter' : 'cooler';
}

export interface PeriodCells {
  /** Clues per cell, in the cell order of the count matrix. */
  values: ArrayLike<number>;
  /** Gi* bins per cell, same order. */
  bins: ArrayLike<number>;
}

export interface CellsDiff {
  /** after − before per cell. */
  delta: Float64Array;
  /** The class move per cell. */
  change: ClassChange[];
  /** The largest |delta|, the colour scale's end (at least 1). */
  maxAbs: number;
  /** Cells per kind of move. */
  counts: Record<ClassChange, number>;
}

export function diffCells(before: PeriodCells, after: PeriodCells): CellsDiff {
  const n = after.values.length;
  if (before.values.length !== n || before.bins.length !== n || after.bins.length !== n) throw new Error(`diff of ${before.values.length} cells against ${n}`);
  const delta = new Float64Array(n);
  const change: ClassChange[] = new Array<ClassChange>(n);
  const counts: Record<ClassChange, number> = { newHot: 0, hotter: 0, cooler: 0, goneHot: 0, newCold: 0, goneCold: 0, same: 0 };
  let maxAbs = 1;
  for (let i = 0; i < n; i++) {
    delta[i] = after.values[i] - before.values[i];
    maxAbs = Math.max(maxAbs, Math.abs(delta[i]));
    change[i] = classChange(before.bins[i], after.bins[i]);
    counts[change[i]]++;
  }
  return { delta, change, maxAbs, counts };
}

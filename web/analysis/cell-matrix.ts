import type { SpatialWeights } from '../../server/analytics/index.js';
import type { CellCounts } from '../../server/contract/index.js';

/**
 * The per-cell per-step clue counts the map holds, in typed arrays: non-zero entries sorted by step, so that the
 * counts of any run of steps are one contiguous slice. `weights` are the cells' neighbours as the server built them.
 */
export interface CellMatrix {
  nCells: number;
  nSteps: number;
  step: 'day' | 'week';
  cellIds: Int32Array;
  /** Shanghai calendar date on which each step starts. */
  stepStarts: string[];
  stepOffsets: Int32Array;
  cellIndex: Int32Array;
  count: Float64Array;
  weights: SpatialWeights;
}

/** Checks the API's arrays against each other and turns them into typed arrays; throws on an inconsistent answer. */
export function cellMatrixFrom(body: CellCounts): CellMatrix {
  const nCells = body.cellIds.length;
  const nSteps = body.stepStarts.length;
  const problem = (what: string) => new Error(`cell counts: ${what}`);
  if (body.stepOffsets.length !== nSteps + 1) throw problem(`${body.stepOffsets.length} step offsets for ${nSteps} steps`);
  if (body.cellIndex.length !== body.count.length) throw problem('cellIndex and count differ in length');
  if (body.stepOffsets[nSteps] !== body.count.length) throw problem('the last step offset is not the number of entries');
  if (body.neighbours.offsets.length !== nCells + 1) throw problem('neighbour offsets do not match the cells');
  for (const i of body.cellIndex) if (!(i >= 0 && i < nCells)) throw problem(`cell index ${i} out of range`);
  const offsets = Int32Array.from(body.neighbours.offsets);
  const islands: number[] = [];
  for (let i = 0; i < nCells; i++) if (offsets[i + 1] === offsets[i]) islands.push(i);
  return {
    nCells,
    nSteps,
    step: body.step,
    cellIds: Int32Array.from(body.cellIds),
    stepStarts: body.stepStarts,
    stepOffsets: Int32Array.from(body.stepOffsets),
    cellIndex: Int32Array.from(body.cellIndex),
    count: Float64Array.from(body.count),
    weights: { n: nCells, offsets, neighbours: Int32Array.from(body.neighbours.index), weights: null, islands, kind: body.neighbours.weights },
  };
}

/** Adds the counts of steps [fromStep, toStep) into `out` (cleared first). O(entries in range). */
export function sumSteps(matrix: CellMatrix, fromStep: number, toStep: number, out: Float64Array): Float64Array {
  out.fill(0);
  const a = matrix.stepOffsets[Math.max(0, Math.min(matrix.nSteps, fromStep))];
  const b = matrix.stepOffsets[Math.max(0, Math.min(matrix.nSteps, toStep))];
  const { cellIndex, count } = matrix;
  for (let k = a; k < b; k++) out[cellIndex[k]] += count[k];
  return out;
}

/**
 * The steps that lie inside an inclusive range of calendar dates: those starting on or after `from` and ending on or
 * before the day after `to`. For daily steps that is exactly the days from..to.
 */
export function stepRange(matrix: Pick<CellMatrix, 'stepStarts' | 'step' | 'nSteps'>, range: { from: string; to: string }): [number, number] {
  const starts = matrix.stepStarts;
  let a = 0;
  while (a < starts.length && starts[a] < range.from) a++;
  let b = a;
  const stepDays = matrix.step === 'day' ? 1 : 7;
  while (b < starts.length && addDays(starts[b], stepDays - 1) <= range.to) b++;
  return [a, b];
}

function addDays(iso: string, days: number): string {
  if (days === 0) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Counts of one cell per step, oldest first (the cell detail chart). */
export function cellSeries(matrix: CellMatrix, cell: number): Float64Array {
  const series = new Float64Array(matrix.nSteps);
  for (let t = 0; t < matrix.nSteps; t++) {
    for (let k = matrix.stepOffsets[t]; k < matrix.stepOffsets[t + 1]; k++) if (matrix.cellIndex[k] === cell) series[t] += matrix.count[k];
  }
  return series;
}

// Hot spot analytics on the stored clues: Gi* per 网格, emerging hot spots, the count matrices the map recomputes
// live, and Gi* on a posted FeatureCollection. The engine (server/analytics) computes; this module reads the cells and
// counts in scope and shapes the answers.
import { analyseFeatureHotspots, emergingHotspots as emergingEngine, localGiStar, parseWeightsSpec } from '../analytics/index.js';
import type {
  CellCounts,
  EmergingHotspots,
  GridHotspots,
  HotspotRequestBody,
  HotspotResponse,
} from '../contract/analysis.js';
import { clueCountsPerCell, clueCountsPerCellStep, gridCellShapes, type StepCounts } from '../../db/queries/analysis.js';
import type { UserRow } from '../../db/queries/users.js';
import { stepCount, stepStarts, type TimeStep } from '../domain/time-steps.js';
import { scopedTo } from './access.js';
import type { CellWeights } from './cell-weights.js';
import type { Deps } from './deps.js';
import { unprocessable } from './errors.js';

/** Largest permutation work (features × permutations) one request may ask for. */
export const MAX_PERMUTATION_WORK = 50_000_000;
/** Largest space-time cube (cells × steps). */
export const MAX_CUBE_BINS = 20_000_000;

type AnalysisDeps = Pick<Deps, 'database' | 'cellWeights'>;

export function valuesFor(cells: CellWeights, counts: Map<number, number>): Float64Array {
  const values = new Float64Array(cells.cellIds.length);
  for (const [id, n] of counts) {
    const i = cells.indexOfId.get(id);
    if (i !== undefined) values[i] = n;
  }
  return values;
}

/**
 * Visits each count of a cell in scope at a step inside the range, in the order the rows come: step by step,
 * cells ascending within a step.
 */
function forEachCellStepCount(rows: readonly StepCounts[], cells: CellWeights, nSteps: number, visit: (step: number, cellIndex: number, count: number) => void): void {
  for (const r of rows) {
    if (r.step < 0 || r.step >= nSteps) continue;
    r.cellIds.forEach((id, k) => {
      const i = cells.indexOfId.get(id);
      if (i !== undefined) visit(r.step, i, r.counts[k]);
    });
  }
}

function requireUnits(cells: CellWeights, what: string, field: string): void {
  if (cells.weights.n < 3) throw unprocessable(field, `${what} needs at least 3 grid cells in scope, found ${cells.weights.n}`);
}

/** Gi* on a FeatureCollection sent by the client (the CLI's analysis over HTTP). */
export function featureHotspots(body: HotspotRequestBody): HotspotResponse {
  const work = body.collection.features.length * (body.permutations ?? 0);
  if (work > MAX_PERMUTATION_WORK) throw unprocessable('permutations', `features × permutations is ${work}; at most ${MAX_PERMUTATION_WORK} per request`);
  return analyseFeatureHotspots(body.collection, {
    value: body.value,
    weights: body.weights,
    planar: body.planar,
    style: body.style,
    permutations: body.permutations,
    seed: body.seed,
  }) as HotspotResponse;
}

export interface GridHotspotsInput {
  from: Date;
  to: Date;
  district?: string;
  weights?: string;
}

/** Gi* of the clue counts per grid cell over [from, to). */
export async function gridHotspots(deps: AnalysisDeps, user: UserRow, q: GridHotspotsInput): Promise<GridHotspots> {
  const where = scopedTo(user, q.district);
  const spec = parseWeightsSpec(q.weights ?? 'queen');
  const cells = await deps.cellWeights.get(deps.database, where, spec);
  requireUnits(cells, 'hot spot analysis', 'district');
  const values = valuesFor(cells, await clueCountsPerCell(deps.database, { ...where, from: q.from, to: q.to }));
  const result = localGiStar(values, cells.weights);
  const { weights } = cells;
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    districtCode: where.district ?? user.districtCode,
    weights: cells.spec,
    n: weights.n,
    meanNeighbours: weights.neighbours.length / weights.n,
    islands: weights.islands.map((i) => cells.cellIds[i]),
    cells: Array.from(cells.cellIds, (id, i) => ({
      id,
      code: cells.codes[i],
      districtCode: cells.districtCodes[i],
      clueCount: values[i],
      z: result.z[i],
      p: result.p[i],
      pFdr: result.pFdr[i],
      bin: result.bin[i],
      binFdr: result.binFdr[i],
    })),
  };
}

export interface SpaceTimeInput {
  from: Date;
  to: Date;
  step: TimeStep;
  district?: string;
}

/**
 * What the space-time answers share: the scope, the number of steps and the queen-contiguity cells. The counts are
 * fetched on demand so that a request too large for the cube is refused before the query runs.
 */
async function spaceTimeFrame(deps: AnalysisDeps, user: UserRow, q: SpaceTimeInput) {
  const where = scopedTo(user, q.district);
  const nSteps = stepCount(q.from, q.to, q.step);
  const cells = await deps.cellWeights.get(deps.database, where, { type: 'queen' });
  const counts = () => clueCountsPerCellStep(deps.database, { ...where, from: q.from, to: q.to, step: q.step });
  return { where, nSteps, cells, counts };
}

/** 时空热点: space-time Gi* and the Mann–Kendall trend of each cell, classified into the emerging categories. */
export async function emergingHotspots(deps: AnalysisDeps, user: UserRow, q: SpaceTimeInput & { step: EmergingHotspots['step'] }): Promise<EmergingHotspots> {
  const { where, nSteps, cells, counts } = await spaceTimeFrame(deps, user, q);
  requireUnits(cells, 'emerging hot spot analysis', 'district');
  const n = cells.weights.n;
  if (n * nSteps > MAX_CUBE_BINS) {
    throw unprocessable('step', `${n} cells × ${nSteps} steps is more than ${MAX_CUBE_BINS} bins; choose a shorter range or a longer step`);
  }
  const values = new Float64Array(n * nSteps);
  forEachCellStepCount(await counts(), cells, nSteps, (t, i, count) => (values[t * n + i] += count));
  const result = emergingEngine({ nCells: n, nSteps, values }, { weights: cells.weights });
  const categoryCounts: Record<string, number> = {};
  for (const category of result.category) categoryCounts[category] = (categoryCounts[category] ?? 0) + 1;
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    step: q.step,
    steps: stepStarts(q.from, nSteps, q.step),
    districtCode: where.district ?? user.districtCode,
    categoryCounts,
    cells: Array.from(cells.cellIds, (id, i) => ({
      id,
      code: cells.codes[i],
      category: result.category[i],
      z: Array.from({ length: nSteps }, (_, t) => result.z[t * n + i]),
      counts: Array.from({ length: nSteps }, (_, t) => values[t * n + i]),
      hotSteps: result.hotSteps[i],
      coldSteps: result.coldSteps[i],
      trend: { s: result.trend.s[i], z: result.trend.z[i], p: result.trend.p[i], tau: result.trend.tau[i] },
    })),
  };
}

/** The per-cell per-step counts and the neighbour lists, from which the browser recomputes Gi* while a slider moves. */
export async function cellCounts(deps: AnalysisDeps, user: UserRow, q: SpaceTimeInput & { step: CellCounts['step'] }): Promise<CellCounts> {
  const { where, nSteps, cells, counts } = await spaceTimeFrame(deps, user, q);
  const stepOffsets = new Array<number>(nSteps + 1).fill(0);
  const cellIndex: number[] = [];
  const count: number[] = [];
  // Counts arrive step by step, so appending keeps each step's entries together (compressed sparse rows).
  forEachCellStepCount(await counts(), cells, nSteps, (t, i, n) => {
    stepOffsets[t + 1]++;
    cellIndex.push(i);
    count.push(n);
  });
  for (let t = 0; t < nSteps; t++) stepOffsets[t + 1] += stepOffsets[t];
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    step: q.step,
    districtCode: where.district ?? user.districtCode,
    stepStarts: stepStarts(q.from, nSteps, q.step),
    cellIds: Array.from(cells.cellIds),
    stepOffsets,
    cellIndex,
    count,
    neighbours: { weights: cells.spec, offsets: Array.from(cells.weights.offsets), index: Array.from(cells.weights.neighbours) },
  };
}

/** The grid cells of the scope as GeoJSON text, built in SQL. */
export function analysisCells(deps: AnalysisDeps, user: UserRow, q: { district?: string }): Promise<string> {
  return gridCellShapes(deps.database, scopedTo(user, q.district));
}

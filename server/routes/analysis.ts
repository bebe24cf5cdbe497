import {
  AnalyticsInputError,
  analyseFeatureHotspots,
  emergingHotspots,
  localGiStar,
  parseWeightsSpec,
  rankInstitutionsByRisk,
  RECENT_CLUE_WINDOW_DAYS,
  type InstitutionRisk,
  type InstitutionRiskInput,
} from '../analytics/index.js';
import {
  analysisCellCollectionSchema,
  analysisCellsRoute,
  cellCountsRoute,
  cellCountsSchema,
  emergingHotspotsRoute,
  emergingHotspotsSchema,
  gridHotspotsRoute,
  gridHotspotsSchema,
  hotspotResponseSchema,
  institutionRiskRoute,
  institutionRiskSchema,
  postHotspotsRoute,
  riskListRoute,
  riskListSchema,
  type InstitutionRiskBody,
} from '../contract/analysis.js';
import { clueCountsPerCell, clueCountsPerCellStep, gridCellShapes, riskInputs, type RiskInputRow, type StepCounts } from '../../db/queries/analysis.js';
import type { UserRow } from '../../db/queries/users.js';
import type { Queryable, Scope } from '../../db/queries/queryable.js';
import { notFound, unprocessable } from '../middleware/api-error.js';
import type { Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { CellWeightsCache, type CellWeights } from './analysis-weights.js';
import { createRouter, jsonText } from './router.js';
import { stepStarts, stepCount, type Step } from './analysis-steps.js';

/** Nearby clues count for the risk score within this distance of the institution. */
export const RISK_CLUE_RADIUS_METRES = 500;
/** Largest permutation work (features × permutations) one request may ask for. */
const MAX_PERMUTATION_WORK = 50_000_000;
/** Largest space-time cube (cells × steps). */
const MAX_CUBE_BINS = 20_000_000;

/** Analytics input errors are the client's to fix: 422 with the module's one-line message. */
function analysing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AnalyticsInputError) throw unprocessable(error.message);
    throw error;
  }
}

function valuesFor(cells: CellWeights, counts: Map<number, number>): Float64Array {
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
function forEachCellStepCount(
  rows: readonly StepCounts[],
  cells: CellWeights,
  nSteps: number,
  visit: (step: number, cellIndex: number, count: number) => void,
): void {
  for (const r of rows) {
    if (r.step < 0 || r.step >= nSteps) continue;
    r.cellIds.forEach((id, k) => {
      const i = cells.indexOfId.get(id);
      if (i !== undefined) visit(r.step, i, r.counts[k]);
    });
  }
}

function requireUnits(cells: CellWeights, what: string): void {
  if (cells.weights.n < 3) throw unprocessable(`${what} needs at least 3 grid cells in scope, found ${cells.weights.n}`);
}

export function analysisRouter(deps: Deps, cache = new CellWeightsCache()) {
  const db = deps.database;

  /** FDR bins of the grid cells of each district over the risk window, for the "inside a hot cell" factor. */
  async function hotCellBins(q: Queryable, scope: Scope, districts: string[], asOf: Date): Promise<Map<number, number>> {
    const bins = new Map<number, number>();
    const from = new Date(asOf.getTime() - RECENT_CLUE_WINDOW_DAYS * 86_400_000);
    for (const district of districts) {
      const cells = await cache.get(q, { scope, district }, { type: 'queen' });
      if (cells.weights.n < 3) continue;
      const counts = await clueCountsPerCell(q, { scope, district, from, to: asOf });
      const result = localGiStar(valuesFor(cells, counts), cells.weights);
      cells.cellIds.forEach((id, i) => bins.set(id, result.binFdr[i]));
    }
    return bins;
  }

  async function risks(scope: Scope, filter: { id?: number; district?: string }, asOf: Date): Promise<{ rows: RiskInputRow[]; risks: InstitutionRisk[] }> {
    const rows = await riskInputs(db, { scope, asOf, windowDays: RECENT_CLUE_WINDOW_DAYS, radiusMetres: RISK_CLUE_RADIUS_METRES, ...filter });
    const bins = await hotCellBins(db, scope, [...new Set(rows.map((r) => r.districtCode))], asOf);
    const asOfIso = asOf.toISOString();
    const inputs: InstitutionRiskInput[] = rows.map((r) => ({
      id: String(r.id),
      clueDates: r.clueDates,
      // violation_count carries no dates: every recorded violation counts as within the window.
      violationDates: new Array<string>(r.violationCount).fill(asOfIso),
      licensed: r.status === 'licensed' || r.status === 'registered' || r.status === 'suspended',
      listStatus: r.listStatus as InstitutionRiskInput['listStatus'],
      hotCellBin: r.gridCellId === null ? null : (bins.get(r.gridCellId) ?? null),
      lastInspectionDate: r.lastInspectedOn,
    }));
    return { rows, risks: analysing(() => rankInstitutionsByRisk(inputs, asOf)) };
  }

  function riskBody(row: RiskInputRow, risk: InstitutionRisk): InstitutionRiskBody {
    return institutionRiskSchema.parse({
      id: row.id,
      name: row.name,
      districtCode: row.districtCode,
      status: row.status,
      listStatus: row.listStatus,
      gridCellId: row.gridCellId,
      asOf: risk.asOf,
      score: risk.score,
      tier: risk.tier,
      frequency: risk.frequency,
      factors: risk.factors,
      overrides: risk.overrides,
    });
  }

  /**
   * What the space-time endpoints share: the scope, the number of steps and the queen-contiguity cells. The counts
   * are fetched on demand so that a request too large for the cube is refused before the query runs.
   */
  async function spaceTimeFrame(user: UserRow, q: { from: Date; to: Date; step: Step; district?: string }) {
    const where = { scope: scopeOf(user), district: allowedDistrict(user, q.district) };
    const nSteps = stepCount(q.from, q.to, q.step);
    const cells = await cache.get(db, where, { type: 'queen' });
    const counts = () => clueCountsPerCellStep(db, { ...where, from: q.from, to: q.to, step: q.step });
    return { where, nSteps, cells, counts };
  }

  return createRouter()
    .openapi(postHotspotsRoute, async (c) => {
      const body = c.req.valid('json');
      const work = body.collection.features.length * (body.permutations ?? 0);
      if (work > MAX_PERMUTATION_WORK)
        throw unprocessable(`features × permutations is ${work}; at most ${MAX_PERMUTATION_WORK} per request`);
      const output = analysing(() =>
        analyseFeatureHotspots(body.collection, {
          value: body.value,
          weights: body.weights,
          planar: body.planar,
          style: body.style,
          permutations: body.permutations,
          seed: body.seed,
        }),
      );
      return c.json(output as unknown as typeof hotspotResponseSchema._output, 200);
    })
    .openapi(gridHotspotsRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const where = { scope: scopeOf(user), district: allowedDistrict(user, q.district) };
      const spec = analysing(() => parseWeightsSpec(q.weights ?? 'queen'));
      const cells = await analysing(() => cache.get(db, where, spec));
      requireUnits(cells, 'hot spot analysis');
      const counts = await clueCountsPerCell(db, { ...where, from: q.from, to: q.to });
      const values = valuesFor(cells, counts);
      const result = analysing(() => localGiStar(values, cells.weights));
      const { weights } = cells;
      return c.json(
        gridHotspotsSchema.parse({
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
        }),
        200,
      );
    })
    .openapi(emergingHotspotsRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const { step } = q;
      const { where, nSteps, cells, counts } = await spaceTimeFrame(user, q);
      requireUnits(cells, 'emerging hot spot analysis');
      const n = cells.weights.n;
      if (n * nSteps > MAX_CUBE_BINS) throw unprocessable(`${n} cells × ${nSteps} steps is more than ${MAX_CUBE_BINS} bins; choose a shorter range or a longer step`);
      const values = new Float64Array(n * nSteps);
      forEachCellStepCount(await counts(), cells, nSteps, (t, i, count) => (values[t * n + i] += count));
      const result = analysing(() => emergingHotspots({ nCells: n, nSteps, values }, { weights: cells.weights }));
      const categoryCounts: Record<string, number> = {};
      for (const category of result.category) categoryCounts[category] = (categoryCounts[category] ?? 0) + 1;
      return c.json(
        emergingHotspotsSchema.parse({
          from: q.from.toISOString(),
          to: q.to.toISOString(),
          step,
          steps: stepStarts(q.from, nSteps, step),
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
        }),
        200,
      );
    })
    .openapi(cellCountsRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const { step } = q;
      const { where, nSteps, cells, counts } = await spaceTimeFrame(user, q);
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
      return c.json(
        cellCountsSchema.parse({
          from: q.from.toISOString(),
          to: q.to.toISOString(),
          step,
          districtCode: where.district ?? user.districtCode,
          stepStarts: stepStarts(q.from, nSteps, step),
          cellIds: Array.from(cells.cellIds),
          stepOffsets,
          cellIndex,
          count,
          neighbours: { weights: cells.spec, offsets: Array.from(cells.weights.offsets), index: Array.from(cells.weights.neighbours) },
        }),
        200,
      );
    })
    .openapi(analysisCellsRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const body = await gridCellShapes(db, { scope: scopeOf(user), district: allowedDistrict(user, q.district) });
      return jsonText(c, analysisCellCollectionSchema, body);
    })
    .openapi(institutionRiskRoute, async (c) => {
      const { id } = c.req.valid('param');
      const result = await risks(scopeOf(c.get('user')), { id }, deps.now());
      if (result.rows.length === 0) throw notFound(`institution ${id}`);
      return c.json(riskBody(result.rows[0], result.risks[0]), 200);
    })
    .openapi(riskListRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const district = allowedDistrict(user, q.district);
      const result = await risks(scopeOf(user), { district }, deps.now());
      const rowById = new Map(result.rows.map((r) => [String(r.id), r]));
      return c.json(
        riskListSchema.parse({
          asOf: result.risks[0]?.asOf ?? deps.now().toISOString().slice(0, 10),
          districtCode: district ?? user.districtCode,
          total: result.risks.length,
          items: result.risks.slice(0, q.limit).map((risk) => riskBody(rowById.get(risk.id!)!, risk)),
        }),
        200,
      );
    });
}

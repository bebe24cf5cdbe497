// Institution risk (差异化监管) on the stored data: the inputs of the domain's one risk score gathered per
// institution, with the Gi* bin of its grid cell over the same 90 days. The risk pages and the patrol planner read
// their priorities from here.
import { localGiStar } from '../analytics/index.js';
import type { InstitutionRiskBody, InstitutionRiskList } from '../contract/analysis.js';
import { clueCountsPerCell, riskInputs, type RiskInputRow } from '../../db/queries/analysis.js';
import type { Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { rankInstitutionsByRisk, RECENT_CLUE_WINDOW_DAYS, RISK_CLUE_RADIUS_METRES, VIOLATION_WINDOW_DAYS, type InstitutionRisk, type InstitutionRiskInput } from '../domain/risk.js';
import { addDays, daysBefore, shanghaiDate } from '../domain/time.js';
import { scopedTo, scopeOf } from './access.js';
import { valuesFor } from './analysis.js';
import type { Deps } from './deps.js';
import { notFound } from './errors.js';

type RiskDeps = Pick<Deps, 'database' | 'cellWeights'>;

export interface ScoredInstitution {
  row: RiskInputRow;
  risk: InstitutionRisk;
}

/** FDR bins of the grid cells of each district over the clue window, for the "inside a hot cell" factor. */
async function hotCellBins(deps: RiskDeps, scope: Scope, districts: readonly string[], asOf: Date): Promise<Map<number, number>> {
  const bins = new Map<number, number>();
  const from = daysBefore(asOf, RECENT_CLUE_WINDOW_DAYS);
  for (const district of districts) {
    const cells = await deps.cellWeights.get(deps.database, { scope, district }, { type: 'queen' });
    if (cells.weights.n < 3) continue;
    const counts = await clueCountsPerCell(deps.database, { scope, district, from, to: asOf });
    const result = localGiStar(valuesFor(cells, counts), cells.weights);
    cells.cellIds.forEach((id, i) => bins.set(id, result.binFdr[i]));
  }
  return bins;
}

export interface RiskInputOf {
  row: RiskInputRow;
  input: InstitutionRiskInput;
}

/**
 * The risk score's inputs for the institutions of a scope (one of them with `id`) as of an instant: what the score and
 * the monthly 黑白名单 publication (list-publications.ts) read.
 */
export async function riskInputsOf(deps: RiskDeps, scope: Scope, filter: { id?: number; district?: string }, asOf: Date): Promise<RiskInputOf[]> {
  const asOfDate = shanghaiDate(asOf);
  const rows = await riskInputs(deps.database, {
    scope,
    asOf,
    asOfDate,
    clueWindowStart: daysBefore(asOf, RECENT_CLUE_WINDOW_DAYS),
    violationWindowStart: addDays(asOfDate, -VIOLATION_WINDOW_DAYS),
    radiusMetres: RISK_CLUE_RADIUS_METRES,
    ...filter,
  });
  const bins = await hotCellBins(deps, scope, [...new Set(rows.map((r) => r.districtCode))], asOf);
  return rows.map((r) => ({
    row: r,
    input: {
      id: String(r.id),
      clues: r.clues,
      violationDates: r.violationDates,
      status: r.status,
      listStatus: r.listStatus,
      hotCellBin: r.gridCellId === null ? null : (bins.get(r.gridCellId) ?? null),
      lastInspectionDate: r.lastInspectedOn,
    },
  }));
}

/** Risk of the institutions of a scope (one of them with `id`), highest score first. */
export async function scoreInstitutions(deps: RiskDeps, scope: Scope, filter: { id?: number; district?: string }, asOf: Date): Promise<ScoredInstitution[]> {
  const inputs = await riskInputsOf(deps, scope, filter, asOf);
  const rowById = new Map(inputs.map((r) => [String(r.row.id), r.row]));
  const risks = rankInstitutionsByRisk(
    inputs.map((r) => r.input),
    asOf,
  );
  return risks.map((risk) => ({ row: rowById.get(risk.id!)!, risk }));
}

function riskBody({ row, risk }: ScoredInstitution): InstitutionRiskBody {
  return {
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
  };
}

export async function institutionRisk(deps: RiskDeps & Pick<Deps, 'now'>, user: UserRow, id: number): Promise<InstitutionRiskBody> {
  const [scored] = await scoreInstitutions(deps, scopeOf(user), { id }, deps.now());
  if (!scored) throw notFound(`institution ${id}`);
  return riskBody(scored);
}

export async function riskList(deps: RiskDeps & Pick<Deps, 'now'>, user: UserRow, q: { district?: string; limit: number }): Promise<InstitutionRiskList> {
  const { scope, district } = scopedTo(user, q.district);
  const now = deps.now();
  const scored = await scoreInstitutions(deps, scope, { district }, now);
  return {
    asOf: shanghaiDate(now),
    districtCode: district ?? user.districtCode,
    total: scored.length,
    items: scored.slice(0, q.limit).map(riskBody),
  };
}

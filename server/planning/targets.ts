import type { LonLat } from '../domain/geodesy.js';
import { operatesWithoutLicence } from '../domain/institution.js';
import type { InstitutionStatus, ListStatus } from '../domain/vocabulary.js';
import { PlanningInputError } from './errors.js';

export type { LonLat };

interface CandidateBase {
  id: number;
  name: string;
  location: LonLat;
  /** Clues (线索) reported about it (institutions) or in it (grid cells) in the risk score's 90-day window. */
  recentClueCount: number;
}

export interface InstitutionCandidate extends CandidateBase {
  kind: 'institution';
  status: InstitutionStatus;
  listStatus: ListStatus;
  /** The domain's risk score (server/domain/risk.ts), 0–100. */
  riskScore: number;
}

export interface GridCellCandidate extends CandidateBase {
  kind: 'gridCell';
}

export type PatrolCandidate = InstitutionCandidate | GridCellCandidate;

export interface ScoredCandidate<C extends PatrolCandidate = PatrolCandidate> {
  candidate: C;
  /** 0–100, the routing job's priority: the router drops low priorities first when teams run out of time. */
  priority: number;
}

export const isUnlicensed = (c: InstitutionCandidate): boolean => operatesWithoutLicence(c.status);

/** An institution's patrol priority is its risk score: one ranking for the risk pages and the planner. */
export const institutionPriority = (c: InstitutionCandidate): number => c.riskScore;

/** A grid cell's patrol priority grows with its recent clues: 8 points each, at most 100. */
export const gridCellPriority = (c: GridCellCandidate): number => Math.min(100, 8 * c.recentClueCount);

export function scoreCandidate(c: PatrolCandidate): ScoredCandidate {
  return { candidate: c, priority: c.kind === 'institution' ? institutionPriority(c) : gridCellPriority(c) };
}

/** Highest priority first; ties by more recent clues, then by id, so that the order never depends on input order. */
export function rankCandidates(candidates: readonly PatrolCandidate[]): ScoredCandidate[] {
  return candidates
    .map((c) => scoreCandidate(c))
    .sort((a, b) => b.priority - a.priority || b.candidate.recentClueCount - a.candidate.recentClueCount || a.candidate.id - b.candidate.id);
}

export interface TargetSelection {
  /** The N institutions of highest priority. */
  topInstitutions?: number;
  /** The N grid cells with most recent clues. */
  topGridCells?: number;
  institutionIds?: number[];
  gridCellIds?: number[];
  /** 双随机: this many more institutions drawn at random (seeded) from the rest of the district. */
  randomInstitutions?: { count: number; seed: number };
}

export const MAX_TARGETS = 200;

const keyOf = (c: PatrolCandidate) => `${c.kind}:${c.id}`;

/**
 * The targets of a patrol: explicit ids first, then the top-N lists, then the random draw, without duplicates.
 * Ids that are not candidates (another district, or no such record) are an error, not silently dropped.
 */
export function selectTargets(
  candidates: readonly PatrolCandidate[],
  selection: TargetSelection,
  draw: (pool: ScoredCandidate[], count: number, seed: number) => ScoredCandidate[],
): { targets: ScoredCandidate[]; drawn: number[] } {
  const ranked = rankCandidates(candidates);
  const byKey = new Map(ranked.map((s) => [keyOf(s.candidate), s]));
  const chosen = new Map<string, ScoredCandidate>();
  const issues: { path: string; message: string }[] = [];
  const take = (kind: PatrolCandidate['kind'], ids: number[] | undefined, path: string) =>
    (ids ?? []).forEach((id, i) => {
      const found = byKey.get(`${kind}:${id}`);
      if (found) chosen.set(keyOf(found.candidate), found);
      else issues.push({ path: `${path}[${i}]`, message: `${kind === 'institution' ? 'institution' : 'grid cell'} ${id} is not a patrol candidate of this district` });
    });
  take('institution', selection.institutionIds, 'targets.institutionIds');
  take('gridCell', selection.gridCellIds, 'targets.gridCellIds');
  if (issues.length) throw new PlanningInputError(issues);
  const top = (kind: PatrolCandidate['kind'], n: number | undefined) => {
    for (const s of ranked.filter((r) => r.candidate.kind === kind).slice(0, n ?? 0)) chosen.set(keyOf(s.candidate), s);
  };
  top('institution', selection.topInstitutions);
  top('gridCell', selection.topGridCells);
  let drawn: number[] = [];
  if (selection.randomInstitutions && selection.randomInstitutions.count > 0) {
    const pool = ranked.filter((s) => s.candidate.kind === 'institution' && !chosen.has(keyOf(s.candidate)));
    const picked = draw(pool, selection.randomInstitutions.count, selection.randomInstitutions.seed);
    for (const s of picked) chosen.set(keyOf(s.candidate), s);
    drawn = picked.map((s) => s.candidate.id);
  }
  const targets = [...chosen.values()];
  if (targets.length === 0) throw new PlanningInputError([{ path: 'targets', message: 'no targets selected: give ids, a top-N count or a random draw' }]);
  if (targets.length > MAX_TARGETS) {
    throw new PlanningInputError([{ path: 'targets', message: `${targets.length} targets selected; at most ${MAX_TARGETS} per plan` }]);
  }
  return { targets, drawn };
}

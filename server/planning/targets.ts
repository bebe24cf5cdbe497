import { PlanningInputError } from './errors.js';

export type LonLat = [number, number];

interface CandidateBase {
  id: number;
  name: string;
  location: LonLat;
  /** Clues (线索) reported in the last RECENT_CLUE_DAYS days. */
  recentClueCount: number;
}

export interface InstitutionCandidate extends CandidateBase {
  kind: 'institution';
  status: string;
  listStatus: string;
  violationCount: number;
  /** YYYY-MM-DD or null when never inspected. */
  lastInspectedOn: string | null;
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

export const RECENT_CLUE_DAYS = 90;
const DAY_MS = 86_400_000;
const UNLICENSED_STATUSES = new Set(['unlicensed', 'suspended', 'revoked']);

export const isUnlicensed = (c: InstitutionCandidate) => UNLICENSED_STATUSES.has(c.status);

/**
 * Patrol priority of an institution, 0–100, from what the patrol can act on: recent clues (up to 40 points),
 * recorded violations (20), operating without licence (20), black list (10), time since the last inspection (10).
 */
export function institutionPriority(c: InstitutionCandidate, date: string): number {
  const clues = Math.min(40, 10 * c.recentClueCount);
  const violations = Math.min(20, 5 * c.violationCount);
  const licence = isUnlicensed(c) ? 20 : 0;
  const black = c.listStatus === 'black' ? 10 : 0;
  const days = c.lastInspectedOn === null ? Infinity : (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${c.lastInspectedOn}T00:00:00Z`)) / DAY_MS;
  const inspection = days > 365 ? 10 : days > 180 ? 5 : 0;
  return Math.min(100, clues + violations + licence + black + inspection);
}

/** A grid cell's patrol priority grows with its recent clues: 8 points each, at most 100. */
export const gridCellPriority = (c: GridCellCandidate): number => Math.min(100, 8 * c.recentClueCount);

export function scoreCandidate(c: PatrolCandidate, date: string): ScoredCandidate {
  return { candidate: c, priority: c.kind === 'institution' ? institutionPriority(c, date) : gridCellPriority(c) };
}

/** Highest priority first; ties by more recent clues, then by id, so that the order never depends on input order. */
export function rankCandidates(candidates: readonly PatrolCandidate[], date: string): ScoredCandidate[] {
  return candidates
    .map((c) => scoreCandidate(c, date))
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
  date: string,
  draw: (pool: ScoredCandidate[], count: number, seed: number) => ScoredCandidate[],
): { targets: ScoredCandidate[]; drawn: number[] } {
  const ranked = rankCandidates(candidates, date);
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

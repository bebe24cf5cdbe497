import { createRandom, seedOfText } from '../domain/random.js';
import { INSPECTION_FREQUENCY, riskTiers, type RiskTier } from '../domain/risk.js';
import { daysBetween, requireIsoDate, type IsoDate } from '../domain/time.js';
import { allocateLargestRemainder, ratioTotal, type StratumQuota } from './allocation.js';
import { checkDrawSeed, DRAW_ERROR, poolHashOf, seedCommitmentOf, sortedPoolIds, type Sha256Hex } from './draw-seed.js';
import { PlanningInputError, type PlanningIssue } from './errors.js';
import { drawWithoutReplacement } from './random-draw.js';
import { weightedSampleWithoutReplacement } from './weighted-sample.js';

/**
 * 双随机 (first draw): inspection objects drawn from the 检查对象名录库. The pool is the registry minus what the
 * priority list already covers and minus what was inspected in the last N days; it is split into strata (the
 * districts) whose shares add up to the exact total (largest remainder, see allocation.ts), and each stratum is drawn
 * uniformly (Fisher–Yates) or weighted by risk tier (差异化监管, Efraimidis–Spirakis). Every random number comes from
 * the seed: one generator per stratum, forked from the seed's generator by the stratum key, fed with the stratum's
 * entries in ascending id order, so the result depends on the seed and the pool's content only, never on input
 * order. docs/campaigns-draws.md is the reference.
 */

/** Increases whenever a change would draw differently from the same seed and pool: a replay checks it. */
export const DRAW_METHOD_VERSION = 1;

/**
 * 差异化监管: an entry's draw weight under `risk_tier` is its tier's recommended inspections per year
 * (server/domain/risk.ts INSPECTION_FREQUENCY: A 1, B 2, C 4, D 12), so a high-risk institution is drawn about as
 * much more often as it should be inspected.
 */
export const TIER_DRAW_WEIGHTS: Readonly<Record<RiskTier, number>> = Object.fromEntries(
  riskTiers.map((tier) => [tier, INSPECTION_FREQUENCY[tier].perYear]),
) as Record<RiskTier, number>;

/** The stratum key when the draw is not stratified. */
export const WHOLE_POOL = '*';

export interface RegistryEntry {
  id: number;
  /** 区县 code, the stratum of a stratified draw (required then). */
  districtCode?: string;
  /** Required with weighting `risk_tier`. */
  riskTier?: RiskTier;
  /** Positive; required with weighting `entry`. */
  weight?: number;
}

/** A total to draw, shared over the strata by their pool sizes; or a ratio of each stratum's pool. */
export type DrawSample = { count: number } | { ratio: number; byStratum?: Readonly<Record<string, number>> };

export type DrawWeighting = 'uniform' | 'risk_tier' | 'entry';

export interface RecentInspections {
  /** Entries inspected on one of the `days` days that end with `drawDate` leave the pool (0 = none do). */
  days: number;
  drawDate: IsoDate;
  inspections: readonly { id: number; inspectedOn: IsoDate }[];
}

/** What was published before the draw: the draw refuses to run on another seed, pool or method. */
export interface DrawCommitment {
  seedCommitment: string;
  poolHash: string;
  snapshotHash: string;
  poolSize: number;
  method: DrawMethod;
}

export interface RegistryDrawInput {
  seed: string;
  registry: readonly RegistryEntry[];
  /** Ids on the priority list (重点检查名单): inspected anyway, so not drawn. */
  priorityIds?: readonly number[];
  recentInspections?: RecentInspections;
  sample: DrawSample;
  /** Default `district`. */
  stratify?: 'district' | 'none';
  /** Default `uniform`. */
  weighting?: DrawWeighting;
  /** Overrides of TIER_DRAW_WEIGHTS (positive numbers). */
  tierWeights?: Readonly<Partial<Record<RiskTier, number>>>;
  /** When given, the draw runs only if the seed, pool and method are the committed ones. */
  commitment?: DrawCommitment;
}

export interface DrawMethod {
  version: number;
  stratification: 'district' | 'none';
  allocation: 'count' | 'ratio';
  rounding: 'largest-remainder';
  sampling: 'uniform' | 'weighted';
  algorithm: 'fisher-yates' | 'efraimidis-spirakis';
  /** null = uniform; the tier table; or `entry` for the entries' own weights. */
  weights: null | 'entry' | Record<RiskTier, number>;
}

export interface StratumDraw {
  stratum: string;
  poolSize: number;
  /** The exact (real) quota before rounding. */
  quota: number;
  count: number;
  /** In draw order. */
  drawn: number[];
}

export interface RegistryDrawResult {
  seed: string;
  seedCommitment: string;
  poolHash: string;
  /** SHA-256 of what the draw reads of each pool entry: `id TAB stratum TAB weight LF` per entry, ascending ids. */
  snapshotHash: string;
  registrySize: number;
  poolSize: number;
  method: DrawMethod;
  /** Registry ids left out of the pool, ascending. */
  excluded: { priority: number[]; recentlyInspected: number[] };
  /** In stratum key order. */
  strata: StratumDraw[];
  /** Stratum by stratum (key order), each in draw order. */
  drawn: number[];
}

interface PoolEntry {
  id: number;
  stratum: string;
  weight: number;
}

interface PreparedDraw {
  seed: string;
  pool: PoolEntry[];
  registrySize: number;
  excluded: RegistryDrawResult['excluded'];
  method: DrawMethod;
  strata: { key: string; entries: PoolEntry[]; quota: number; count: number }[];
}

const fail = (issues: PlanningIssue[]): never => {
  throw new PlanningInputError(issues, DRAW_ERROR);
};

function methodOf(input: RegistryDrawInput, stratification: 'district' | 'none', tierWeights: Record<RiskTier, number>): DrawMethod {
  const weighting = input.weighting ?? 'uniform';
  return {
    version: DRAW_METHOD_VERSION,
    stratification,
    allocation: 'count' in input.sample ? 'count' : 'ratio',
    rounding: 'largest-remainder',
    sampling: weighting === 'uniform' ? 'uniform' : 'weighted',
    algorithm: weighting === 'uniform' ? 'fisher-yates' : 'efraimidis-spirakis',
    weights: weighting === 'uniform' ? null : weighting === 'entry' ? 'entry' : tierWeights,
  };
}

function tierWeightsOf(input: RegistryDrawInput): Record<RiskTier, number> {
  const weights = { ...TIER_DRAW_WEIGHTS, ...input.tierWeights };
  for (const tier of riskTiers) {
    if (!(weights[tier] > 0 && Number.isFinite(weights[tier]))) fail([{ path: `tierWeights.${tier}`, message: `must be a positive number, got ${weights[tier]}` }]);
  }
  return weights;
}

function weightOf(entry: RegistryEntry, index: number, weighting: DrawWeighting, tierWeights: Record<RiskTier, number>): number {
  if (weighting === 'uniform') return 1;
  if (weighting === 'entry') {
    const w = entry.weight;
    if (!(typeof w === 'number' && w > 0 && Number.isFinite(w))) fail([{ path: `registry[${index}].weight`, message: `must be a positive number, got ${w}` }]);
    return w as number;
  }
  if (!entry.riskTier || !riskTiers.includes(entry.riskTier)) {
    fail([{ path: `registry[${index}].riskTier`, message: `weighting by risk tier needs a tier A–D, got ${String(entry.riskTier)}` }]);
  }
  return tierWeights[entry.riskTier as RiskTier];
}

function recentlyInspected(recent: RecentInspections | undefined): Set<number> {
  const ids = new Set<number>();
  if (!recent) return ids;
  if (!Number.isInteger(recent.days) || recent.days < 0) fail([{ path: 'recentInspections.days', message: `must be a non-negative integer, got ${recent.days}` }]);
  const drawDate = requireIsoDate(recent.drawDate, 'recentInspections.drawDate');
  recent.inspections.forEach((inspection, i) => {
    const age = daysBetween(requireIsoDate(inspection.inspectedOn, `recentInspections.inspections[${i}].inspectedOn`), drawDate);
    // The window of the risk score: the `days` days that end with the draw date, the draw date included.
    if (age >= 0 && age < recent.days) ids.add(inspection.id);
  });
  return ids;
}

function quotasOf(input: RegistryDrawInput, strata: Map<string, PoolEntry[]>, poolSize: number, registryStrata: Set<string>) {
  const keys = [...strata.keys()].sort();
  const sample = input.sample;
  if ('count' in sample) {
    if (!Number.isInteger(sample.count) || sample.count < 0) fail([{ path: 'sample.count', message: `must be a non-negative integer, got ${sample.count}` }]);
    if (sample.count > poolSize) fail([{ path: 'sample.count', message: `${sample.count} is more than the ${poolSize} entries of the pool` }]);
    const quotas: StratumQuota[] = keys.map((key) => ({ key, size: strata.get(key)!.length, numerator: sample.count * strata.get(key)!.length }));
    const denominator = Math.max(poolSize, 1);
    return { keys, quotas, denominator, total: sample.count };
  }
  const ratioIssue = (path: string, r: unknown) => (typeof r === 'number' && r >= 0 && r <= 1 ? [] : [{ path, message: `a ratio must be from 0 to 1, got ${String(r)}` }]);
  const issues = [
    ...ratioIssue('sample.ratio', sample.ratio),
    ...Object.entries(sample.byStratum ?? {}).flatMap(([key, r]) => [
      ...ratioIssue(`sample.byStratum.${key}`, r),
      ...(registryStrata.has(key) ? [] : [{ path: `sample.byStratum.${key}`, message: `${key} is not a stratum of the registry` }]),
    ]),
  ];
  if (issues.length) fail(issues);
  const quotas: StratumQuota[] = keys.map((key) => {
    const size = strata.get(key)!.length;
    return { key, size, numerator: (sample.byStratum?.[key] ?? sample.ratio) * size };
  });
  return { keys, quotas, denominator: 1, total: ratioTotal(quotas) };
}

/** Everything the draw and its commitment read, checked; no random number is drawn here. */
function prepare(input: RegistryDrawInput): PreparedDraw {
  const seed = checkDrawSeed(input.seed);
  const stratification = input.stratify ?? 'district';
  const weighting = input.weighting ?? 'uniform';
  if (!['uniform', 'risk_tier', 'entry'].includes(weighting)) fail([{ path: 'weighting', message: `must be uniform, risk_tier or entry, got ${String(weighting)}` }]);
  const tierWeights = tierWeightsOf(input);
  sortedPoolIds(input.registry.map((e) => e.id), 'registry');
  const priority = new Set(input.priorityIds ?? []);
  const recent = recentlyInspected(input.recentInspections);
  const excluded: RegistryDrawResult['excluded'] = { priority: [], recentlyInspected: [] };
  const pool: PoolEntry[] = [];
  const registryStrata = new Set<string>();
  input.registry.forEach((entry, index) => {
    let stratum = WHOLE_POOL;
    if (stratification === 'district') {
      if (typeof entry.districtCode !== 'string' || entry.districtCode === '') {
        fail([{ path: `registry[${index}].districtCode`, message: 'a draw stratified by district needs the district of every entry' }]);
      }
      stratum = entry.districtCode as string;
    }
    registryStrata.add(stratum);
    const weight = weightOf(entry, index, weighting, tierWeights);
    if (priority.has(entry.id)) excluded.priority.push(entry.id);
    else if (recent.has(entry.id)) excluded.recentlyInspected.push(entry.id);
    else pool.push({ id: entry.id, stratum, weight });
  });
  excluded.priority.sort((a, b) => a - b);
  excluded.recentlyInspected.sort((a, b) => a - b);
  pool.sort((a, b) => a.id - b.id);
  const byStratum = new Map<string, PoolEntry[]>();
  for (const entry of pool) {
    const list = byStratum.get(entry.stratum);
    if (list) list.push(entry);
    else byStratum.set(entry.stratum, [entry]);
  }
  const { keys, quotas, denominator, total } = quotasOf(input, byStratum, pool.length, registryStrata);
  const counts = allocateLargestRemainder(quotas, denominator, total);
  return {
    seed,
    pool,
    registrySize: input.registry.length,
    excluded,
    method: methodOf(input, stratification, tierWeights),
    strata: keys.map((key, i) => ({ key, entries: byStratum.get(key)!, quota: quotas[i].numerator / denominator, count: counts.get(key) ?? 0 })),
  };
}

const snapshotText = (pool: readonly PoolEntry[]) => pool.map((e) => `${e.id}\t${e.stratum}\t${e.weight}\n`).join('');

function commitmentOf(prepared: PreparedDraw, sha256: Sha256Hex): DrawCommitment {
  return {
    seedCommitment: seedCommitmentOf(prepared.seed, sha256),
    poolHash: poolHashOf(prepared.pool.map((e) => e.id), sha256),
    snapshotHash: sha256(snapshotText(prepared.pool)),
    poolSize: prepared.pool.length,
    method: prepared.method,
  };
}

/** What to publish before the draw (一公开): the seed's commitment, the pool's hashes and the method. Draws nothing. */
export function commitRegistryDraw(input: RegistryDrawInput, sha256: Sha256Hex): DrawCommitment {
  return commitmentOf(prepare(input), sha256);
}

const sameMethod = (a: DrawMethod, b: DrawMethod) => JSON.stringify(a) === JSON.stringify(b);

function commitmentIssues(expected: DrawCommitment, actual: DrawCommitment): PlanningIssue[] {
  const issues: PlanningIssue[] = [];
  if (expected.seedCommitment !== actual.seedCommitment) issues.push({ path: 'seed', message: 'the seed is not the committed one (its SHA-256 differs)' });
  if (expected.poolHash !== actual.poolHash || expected.poolSize !== actual.poolSize) {
    issues.push({ path: 'registry', message: `the pool has changed since the commitment (${actual.poolSize} entries, hash ${actual.poolHash.slice(0, 12)}…; committed ${expected.poolSize}, ${expected.poolHash.slice(0, 12)}…)` });
  } else if (expected.snapshotHash !== actual.snapshotHash) {
    issues.push({ path: 'registry', message: 'the pool’s districts or weights have changed since the commitment' });
  }
  if (!sameMethod(expected.method, actual.method)) issues.push({ path: 'method', message: 'the draw method is not the committed one' });
  return issues;
}

/** The registry draw. Pure: the same input (in any order) gives the same result; `sha256` hashes UTF-8 text. */
export function drawRegistry(input: RegistryDrawInput, sha256: Sha256Hex): RegistryDrawResult {
  const prepared = prepare(input);
  const commitment = commitmentOf(prepared, sha256);
  if (input.commitment) {
    const issues = commitmentIssues(input.commitment, commitment);
    if (issues.length) fail(issues);
  }
  const root = createRandom(seedOfText(prepared.seed));
  const strata: StratumDraw[] = prepared.strata.map(({ key, entries, quota, count }) => {
    const random = root.fork(`stratum:${key}`);
    const drawn =
      prepared.method.sampling === 'uniform'
        ? drawWithoutReplacement(entries, count, random)
        : weightedSampleWithoutReplacement(entries, entries.map((e) => e.weight), count, random);
    return { stratum: key, poolSize: entries.length, quota, count, drawn: drawn.map((e) => e.id) };
  });
  return {
    seed: prepared.seed,
    ...commitment,
    registrySize: prepared.registrySize,
    excluded: prepared.excluded,
    strata,
    drawn: strata.flatMap((s) => s.drawn),
  };
}

export interface DrawVerification {
  ok: boolean;
  issues: string[];
}

/**
 * Replays a recorded draw on the inputs it claims and says whether everything matches: seed, hashes, method, the
 * counts per stratum and every id in order. What an auditor runs on a published result (一公开).
 */
export function verifyRegistryDraw(recorded: RegistryDrawResult, input: RegistryDrawInput, sha256: Sha256Hex): DrawVerification {
  let replay: RegistryDrawResult;
  try {
    replay = drawRegistry({ ...input, commitment: undefined }, sha256);
  } catch (error) {
    if (error instanceof PlanningInputError) return { ok: false, issues: [`the inputs cannot be replayed: ${error.message}`] };
    throw error;
  }
  const issues = [
    ...(recorded.seed === replay.seed ? [] : ['the seed differs']),
    ...commitmentIssues(recorded, replay).map((i) => i.message),
    ...(recorded.method.version === DRAW_METHOD_VERSION ? [] : [`the draw was made with method version ${recorded.method.version}, this is ${DRAW_METHOD_VERSION}`]),
  ];
  if (JSON.stringify(recorded.strata) !== JSON.stringify(replay.strata) || JSON.stringify(recorded.drawn) !== JSON.stringify(replay.drawn)) {
    issues.push('the drawn ids differ from the replay');
  }
  return { ok: issues.length === 0, issues };
}

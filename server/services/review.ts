// District review (区领导研判) on the stored data: a unit's measures for two periods and its children's, trends, the
// district league table and its weights, and the period presets. A district account reads its own district and below;
// of other districts it sees the league table's names, scores and parts, nothing else.
import { listCampaigns } from '../../db/queries/campaigns.js';
import { campaignPlanOf } from '../../db/queries/campaign-plans.js';
import { campaignCheckIns } from '../../db/queries/campaign-progress.js';
import type { Scope } from '../../db/queries/queryable.js';
import {
  childUnits,
  clueCounts,
  clueTrendCounts,
  currentRankingWeights,
  inspectionCounts,
  insertRankingWeights,
  institutionClues,
  reviewDistricts,
  scopeBbox,
  unitPath,
  type UnitFilter,
  type UnitLevel,
  type UnitPathRow,
} from '../../db/queries/review.js';
import type { UserRow } from '../../db/queries/users.js';
import {
  childLevelOf,
  DEFAULT_RANKING_WEIGHTS,
  kpisOf,
  NO_COUNTS,
  priorityCoverage,
  RANKING_DIRECTION,
  rankReviewDistricts,
  reviewPresets,
  sliderStart,
  trendOf,
  trendSteps,
  type ReviewCounts,
} from '../analytics/review/index.js';
import { campaignPlanSchema } from '../contract/campaign-plans.js';
import { campaignDefinitionSchema } from '../contract/campaigns.js';
import type {
  ReviewChild,
  ReviewLevel,
  ReviewPeriod,
  ReviewPresets,
  ReviewRanking,
  ReviewRankingWeights,
  ReviewSummary,
  ReviewSummaryQuery,
  ReviewTrend,
  ReviewTrendQuery,
  ReviewUnitRef,
} from '../contract/review.js';
import { reviewRankingWeightsSchema } from '../contract/review.js';
import { openClueStatuses } from '../domain/clue-workflow.js';
import { addDays, shanghaiDate, shanghaiMidnight } from '../domain/time.js';
import { scopeOf, requireAdmin } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound } from './errors.js';

type ReviewDeps = Pick<Deps, 'database' | 'now' | 'calendar'>;

/** Check-in results that found a violation: 责令整改, 立案, 取缔. */
const VIOLATION_RESULTS = ['rectify', 'case', 'banned'] as const;
const INSTITUTION_CLUES = 200;

/** Leaders, planners and administrators review; the wall and the phones do not. */
export function requireReviewer(user: UserRow): void {
  if (user.role === 'wall' || user.role === 'field') throw forbidden(`the ${user.role} account has no district review`);
}

/** [from 00:00, the day after `to` 00:00) in Asia/Shanghai. */
const instantsOf = (p: ReviewPeriod) => ({ from: shanghaiMidnight(p.from), to: shanghaiMidnight(addDays(p.to, 1)) });

const bboxOf = (text: string | null): [number, number, number, number] | null => {
  const parts = text?.split(',').map(Number);
  return parts && parts.length === 4 && parts.every(Number.isFinite) ? (parts as [number, number, number, number]) : null;
};

interface ResolvedUnit {
  ref: ReviewUnitRef;
  filter: UnitFilter;
  breadcrumb: ReviewUnitRef[];
  bbox: [number, number, number, number] | null;
}

/**
 * The unit asked for, checked against the caller's scope: a district account asking for the city is given its
 * district; another district's unit is refused (403), a unit that does not exist is a 404.
 */
async function resolveUnit(deps: ReviewDeps, user: UserRow, level: ReviewLevel, code: string | undefined): Promise<ResolvedUnit> {
  const scope = scopeOf(user);
  if (level === 'city') {
    if (user.districtCode !== null) return resolveUnit(deps, user, 'district', user.districtCode);
    const city: ReviewUnitRef = { level: 'city', code: null, name: '上海市' };
    return { ref: city, filter: null, breadcrumb: [city], bbox: bboxOf(await scopeBbox(deps.database, { scope })) };
  }
  const path = await unitPath(deps.database, { scope: { districtCode: null }, level, code: code! });
  if (!path) throw notFound(`${level} ${code}`);
  if (user.districtCode !== null && path.districtCode !== user.districtCode)
    throw forbidden(`this account sees district ${user.districtCode} only, not ${path.districtCode}`, { allowedDistrict: user.districtCode, requestedDistrict: path.districtCode });
  const breadcrumb = breadcrumbOf(path, level, user.districtCode === null);
  return { ref: breadcrumb[breadcrumb.length - 1], filter: { level, code: code! }, breadcrumb, bbox: bboxOf(path.bbox) };
}

function breadcrumbOf(path: UnitPathRow, level: Exclude<ReviewLevel, 'city'>, withCity: boolean): ReviewUnitRef[] {
  const crumbs: ReviewUnitRef[] = withCity ? [{ level: 'city', code: null, name: '上海市' }] : [];
  crumbs.push({ level: 'district', code: path.districtCode, name: path.districtName });
  if (level === 'district') return crumbs;
  crumbs.push({ level: 'street', code: path.streetCode, name: path.streetName ?? '—' });
  if (level === 'street') return crumbs;
  crumbs.push({ level: 'cell', code: path.cellId, name: path.cellCode ?? '—' });
  if (level === 'cell') return crumbs;
  crumbs.push({ level: 'institution', code: path.institutionId, name: path.institutionName ?? '—' });
  return crumbs;
}

/** Each unit's counts of a period, keyed by unit (null: the whole unit). */
async function countsOf(deps: ReviewDeps, scope: Scope, unit: UnitFilter, by: UnitLevel | null, period: ReviewPeriod): Promise<Map<string | null, ReviewCounts>> {
  const { from, to } = instantsOf(period);
  const [clues, inspections] = await Promise.all([
    clueCounts(deps.database, { scope, unit, by, from, to, now: deps.now(), openStatuses: openClueStatuses }),
    inspectionCounts(deps.database, { scope, unit, by, from, to, violationResults: VIOLATION_RESULTS }),
  ]);
  const out = new Map<string | null, ReviewCounts>();
  for (const { key, ...c } of clues) out.set(key, { ...NO_COUNTS, ...c });
  for (const { key, ...c } of inspections) out.set(key, { ...(out.get(key) ?? NO_COUNTS), ...c });
  return out;
}

export async function getReviewSummary(deps: ReviewDeps, user: UserRow, query: ReviewSummaryQuery): Promise<ReviewSummary> {
  requireReviewer(user);
  const scope = scopeOf(user);
  const unit = await resolveUnit(deps, user, query.level, query.code);
  const period = { from: query.from, to: query.to };
  const compare = query.compareFrom && query.compareTo ? { from: query.compareFrom, to: query.compareTo } : null;
  const childLevel = childLevelOf(unit.ref.level);
  const by = childLevel === null || childLevel === 'city' ? null : childLevel;
  const [own, ownBefore, children, childrenBefore, units] = await Promise.all([
    countsOf(deps, scope, unit.filter, null, period),
    compare ? countsOf(deps, scope, unit.filter, null, compare) : null,
    by ? countsOf(deps, scope, unit.filter, by, period) : null,
    by && compare ? countsOf(deps, scope, unit.filter, by, compare) : null,
    childUnitsOf(deps, scope, unit.ref),
  ]);
  const childRows: ReviewChild[] = by
    ? units
        .map((u) => ({
          level: by,
          code: u.code,
          name: u.name,
          kpis: kpisOf(children?.get(u.code) ?? NO_COUNTS),
          compareKpis: childrenBefore ? kpisOf(childrenBefore.get(u.code) ?? NO_COUNTS) : null,
        }))
        .sort((a, b) => b.kpis.received - a.kpis.received || a.code.localeCompare(b.code))
    : [];
  const clues =
    unit.ref.level === 'institution'
      ? await institutionClues(deps.database, { scope, institutionId: Number(unit.ref.code), ...instantsOf(period), limit: INSTITUTION_CLUES })
      : [];
  return {
    asOf: deps.now().toISOString(),
    period,
    compare,
    unit: unit.ref,
    breadcrumb: unit.breadcrumb,
    bbox: unit.bbox,
    kpis: kpisOf(own.get(null) ?? NO_COUNTS),
    compareKpis: ownBefore ? kpisOf(ownBefore.get(null) ?? NO_COUNTS) : null,
    childLevel: by,
    children: childRows,
    clues,
  };
}

async function childUnitsOf(deps: ReviewDeps, scope: Scope, unit: ReviewUnitRef) {
  if (unit.level === 'city') return reviewDistricts(deps.database, { scope });
  if (unit.level === 'institution') return [];
  return childUnits(deps.database, { scope, level: unit.level, code: unit.code! });
}

export async function getReviewTrend(deps: ReviewDeps, user: UserRow, query: ReviewTrendQuery): Promise<ReviewTrend> {
  requireReviewer(user);
  const scope = scopeOf(user);
  const unit = await resolveUnit(deps, user, query.level, query.code);
  const steps = trendSteps(query.from, query.to, query.step);
  const childLevel = childLevelOf(unit.ref.level);
  const by = childLevel === null || childLevel === 'city' || childLevel === 'institution' ? null : childLevel;
  const base = { scope, unit: unit.filter, stepStarts: steps.map((s) => shanghaiMidnight(s)), to: instantsOf({ from: query.from, to: query.to }).to, now: deps.now(), openStatuses: openClueStatuses };
  const [ownRows, childRows, units] = await Promise.all([
    clueTrendCounts(deps.database, { ...base, by: null }),
    by ? clueTrendCounts(deps.database, { ...base, by }) : [],
    by ? childUnitsOf(deps, scope, unit.ref) : [],
  ]);
  const children = by ? units.map((u) => ({ level: by, code: u.code, name: u.name })) : [];
  return trendOf(query.step, steps, unit.ref, children, [...ownRows.map((r) => ({ ...r, key: null })), ...childRows]);
}

// ---- 拉榜排名 ----

async function weightsInForce(deps: ReviewDeps) {
  const row = await currentRankingWeights(deps.database);
  if (!row) return { weights: DEFAULT_RANKING_WEIGHTS, version: 1, setAt: null, setBy: null };
  return { weights: reviewRankingWeightsSchema.parse(row.weights), version: row.version, setAt: row.setAt.toISOString(), setBy: row.setBy };
}

/** Per district, the priority targets of the campaigns (approved or later) whose dates meet the period, and those covered. */
async function campaignCoverage(deps: ReviewDeps, period: ReviewPeriod) {
  const city: Scope = { districtCode: null };
  const rows = (await listCampaigns(deps.database, { scope: city })).filter((r) => r.status === 'active' || r.status === 'closed' || r.status === 'approved');
  const campaigns = [];
  for (const row of rows) {
    const definition = campaignDefinitionSchema.parse(row.definition);
    if (definition.endsOn < period.from || definition.startsOn > period.to) continue;
    const stored = await campaignPlanOf(deps.database, { campaignId: row.id, version: row.currentVersion });
    if (!stored) continue;
    const plan = campaignPlanSchema.parse(stored.plan);
    campaigns.push({ targets: plan.targets, checkIns: await campaignCheckIns(deps.database, { campaignId: row.id, scope: city }) });
  }
  return priorityCoverage(campaigns);
}

/**
 * The league table of every district, whatever the caller's scope: names, scores and their parts are what a district
 * leader may see of the others (the figures behind them are read city-wide here and not returned).
 */
export async function getReviewRanking(deps: ReviewDeps, user: UserRow, period: ReviewPeriod): Promise<ReviewRanking> {
  requireReviewer(user);
  const city: Scope = { districtCode: null };
  const [districts, counts, coverage, weights] = await Promise.all([
    reviewDistricts(deps.database, { scope: city }),
    countsOf(deps, city, null, 'district', period),
    campaignCoverage(deps, period),
    weightsInForce(deps),
  ]);
  const inputs = districts.map((d) => {
    const c = counts.get(d.code) ?? NO_COUNTS;
    const k = kpisOf(c);
    const cover = coverage.get(d.code);
    return {
      districtCode: d.code,
      name: d.name,
      cluesPer10k: d.population ? (10_000 * c.received) / d.population : null,
      onTimeRate: k.onTimeRate,
      closureRate: k.closureRate,
      priorityCoverage: cover && cover.targets > 0 ? cover.covered / cover.targets : null,
      repeatOffenders: c.institutionsNamed > 0 ? c.repeatOffenders / c.institutionsNamed : null,
    };
  });
  return {
    period,
    weights: weights.weights,
    weightsVersion: weights.version,
    weightsSetAt: weights.setAt,
    weightsSetBy: weights.setBy,
    direction: RANKING_DIRECTION,
    rows: rankReviewDistricts(inputs, weights.weights),
  };
}

/** Sets the weights as a new version; `expectedVersion` must be the one in force (else 409: someone changed them first). */
export async function setRankingWeights(
  deps: Pick<Deps, 'database' | 'now'>,
  user: UserRow,
  body: { weights: ReviewRankingWeights; expectedVersion: number },
): Promise<{ weights: ReviewRankingWeights; version: number }> {
  requireAdmin(user, 'change the ranking’s weights');
  const { result } = await audited(deps, { actor: user.username, action: 'review.ranking_weights', entity: 'ranking_weights' }, async (tx) => {
    const current = await currentRankingWeights(tx, { forUpdate: true });
    const version = current?.version ?? 1;
    if (version !== body.expectedVersion)
      throw conflict(`the weights are at version ${version}, not ${body.expectedVersion}: read them again`, { version });
    const before = current ? current.weights : DEFAULT_RANKING_WEIGHTS;
    await insertRankingWeights(tx, { version: version + 1, weights: body.weights, userId: user.id, at: deps.now() });
    return { entityId: String(version + 1), before, after: body.weights, result: { weights: body.weights, version: version + 1 } };
  });
  return result;
}

// ---- presets ----

export async function getReviewPresets(deps: ReviewDeps, user: UserRow): Promise<ReviewPresets> {
  requireReviewer(user);
  const today = shanghaiDate(deps.now());
  const [vacations, campaigns] = await Promise.all([deps.calendar.vacationsOf(deps.database, '310000'), listCampaigns(deps.database, { scope: scopeOf(user) })]);
  const begun = campaigns
    .filter((r) => r.status !== 'draft')
    .map((r) => campaignDefinitionSchema.parse(r.definition))
    .map((d) => ({ name: d.name, startsOn: d.startsOn, endsOn: d.endsOn }));
  return { today, sliderFrom: sliderStart(today), presets: reviewPresets(today, vacations, begun) };
}

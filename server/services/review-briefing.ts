// The district review's briefing (研判简报): what the review page shows of a unit, gathered for paper and rendered as
// a PDF. The figures are the review's own answers (summary, ranking, trend) and the hot spot analytics' (Gi*, emerging
// patterns) over the caller's scope, so the briefing can say nothing the screen would not. Every export is audited.
import { briefingCells, cellStreets, scopeHasSyntheticClues, streetNames, unitOutline } from '../../db/queries/review.js';
import type { Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { ReviewBriefingQuery, ReviewUnitRef } from '../contract/review.js';
import type { BriefingHotCell, ReviewBriefingData } from '../documents/review-briefing-data.js';
import { renderReviewBriefingPdf } from '../documents/review-briefing-pdf.js';
import { stepCount } from '../domain/time-steps.js';
import { addDays, shanghaiMidnight } from '../domain/time.js';
import { scopeOf } from './access.js';
import { emergingHotspots, gridHotspots } from './analysis.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { getReviewRanking, getReviewSummary, getReviewTrend, requireReviewer } from './review.js';

type BriefingDeps = Pick<Deps, 'database' | 'now' | 'calendar' | 'cellWeights'>;

/** Up to a quarter of a year the trend is read by week, beyond that by month: 5 to 26 points either way. */
const WEEKLY_UP_TO_DAYS = 92;
const HOT_CELLS = 10;

const daysOf = (from: string, to: string) => Math.round((shanghaiMidnight(to).getTime() - shanghaiMidnight(from).getTime()) / 86_400_000) + 1;

/** The breadcrumb's entry of a level (a unit below it names the one above). */
const crumb = (breadcrumb: ReviewUnitRef[], level: ReviewUnitRef['level']) => breadcrumb.find((u) => u.level === level) ?? null;

export async function gatherReviewBriefing(deps: BriefingDeps, user: UserRow, query: ReviewBriefingQuery): Promise<ReviewBriefingData> {
  requireReviewer(user);
  const scope: Scope = scopeOf(user);
  const { bbox, lang: _lang, ...summaryQuery } = query;
  const period = { from: query.from, to: query.to };
  // The unit as the summary resolves it: a district account asking for the city gets its district, another's is a 403.
  const summary = await getReviewSummary(deps, user, summaryQuery);
  const unit = summary.unit;
  const district = crumb(summary.breadcrumb, 'district');
  const cell = crumb(summary.breadcrumb, 'cell');
  const step = daysOf(query.from, query.to) <= WEEKLY_UP_TO_DAYS ? 'week' : 'month';
  // Trends are read down to a cell: an institution's are its cell's.
  const trendUnit = unit.level === 'institution' ? cell! : unit;
  const from = shanghaiMidnight(query.from);
  const to = shanghaiMidnight(addDays(query.to, 1));
  const emergingStep = stepCount(from, to, step) >= 2 ? step : null;
  const analysisDistrict = district?.code ?? undefined;

  const [ranking, trend, hot, emerging, streetsOfCells, names, outline, synthetic] = await Promise.all([
    getReviewRanking(deps, user, period),
    getReviewTrend(deps, user, { from: query.from, to: query.to, level: trendUnit.level, code: trendUnit.code ?? undefined, step }),
    gridHotspots(deps, user, { from, to, district: analysisDistrict }),
    emergingStep ? emergingHotspots(deps, user, { from, to, step: emergingStep, district: analysisDistrict }) : null,
    cellStreets(deps.database, { scope, district: analysisDistrict }),
    streetNames(deps.database, { scope, district: analysisDistrict }),
    unitOutline(deps.database, { scope, unit: unit.level === 'city' ? null : { level: unit.level, code: unit.code! } }),
    scopeHasSyntheticClues(deps.database, { scope, district: analysisDistrict }),
  ]);

  const inUnit = (id: number): boolean =>
    unit.level === 'city' || unit.level === 'district' ? true : unit.level === 'street' ? streetsOfCells.get(id) === unit.code : String(id) === cell?.code;
  const categoryOf = new Map(emerging?.cells.map((c) => [c.id, c.category]) ?? []);
  const hotCells: BriefingHotCell[] = hot.cells
    .filter((c) => c.clueCount > 0 && inUnit(c.id))
    .sort((a, b) => b.z - a.z || b.clueCount - a.clueCount || a.id - b.id)
    .slice(0, HOT_CELLS)
    .map((c) => ({
      id: c.id,
      code: c.code,
      streetName: names.get(streetsOfCells.get(c.id) ?? '') ?? '—',
      bin: c.binFdr,
      z: c.z,
      category: categoryOf.get(c.id) ?? null,
      clues: c.clueCount,
    }));

  const frame = bbox ? ([bbox.minLon, bbox.minLat, bbox.maxLon, bbox.maxLat] as const) : (summary.bbox ?? ([120.85, 30.67, 122.2, 31.88] as const));
  const mapCells = await briefingCells(deps.database, { scope, district: analysisDistrict, frame: { minLon: frame[0], minLat: frame[1], maxLon: frame[2], maxLat: frame[3] } });
  const binOf = new Map(hot.cells.map((c) => [c.id, c.binFdr]));
  const own = trend.series[0];
  return {
    generatedAt: deps.now().toISOString(),
    synthetic,
    unit,
    breadcrumb: summary.breadcrumb,
    period,
    compare: summary.compare,
    kpis: summary.kpis,
    compareKpis: summary.compareKpis,
    ranking: { rows: ranking.rows, weightsVersion: ranking.weightsVersion, highlight: district?.code ?? null },
    trend: { step, steps: trend.steps, received: own.received, closed: own.closed, closureRate: own.closureRate },
    hotCells,
    hotspotScope: district?.name ?? '上海市',
    emergingStep,
    map: { frame: [...frame], outline, cells: mapCells.map((c) => ({ polygons: c.polygons, bin: binOf.get(c.id) ?? 0 })) },
  };
}

export interface BriefingFile {
  fileName: string;
  body: Uint8Array<ArrayBuffer>;
}

/** The briefing as a PDF, its export recorded in the audit log with the query it answered. */
export async function reviewBriefingPdf(deps: BriefingDeps, user: UserRow, query: ReviewBriefingQuery): Promise<BriefingFile> {
  const data = await gatherReviewBriefing(deps, user, query);
  // A copy on its own ArrayBuffer: what a response body takes (pdfkit's may sit on a shared pool).
  const body = new Uint8Array(await renderReviewBriefingPdf(data, { language: query.lang, createdAt: deps.now() }));
  const fileName = `review-briefing-${query.from}-${query.to}.pdf`;
  await audited(deps, { actor: user.username, action: 'review.export', entity: 'review_briefing' }, async () => ({
    entityId: data.unit.code ?? 'city',
    before: null,
    after: { file: fileName, unit: { level: data.unit.level, code: data.unit.code }, query: { ...query, bbox: query.bbox ? [query.bbox.minLon, query.bbox.minLat, query.bbox.maxLon, query.bbox.maxLat] : null } },
    result: null,
  }));
  return { fileName, body };
}

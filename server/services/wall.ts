// The wall's one read (`GET /api/wall/overview`): today in the caller's scope, kept until the next live event.
import type { Database } from '../../db/client.js';
import { campaignArrivals, campaignCheckIns } from '../../db/queries/campaign-progress.js';
import { campaignPlanOf } from '../../db/queries/campaign-plans.js';
import { listCampaigns } from '../../db/queries/campaigns.js';
import { districtNames } from '../../db/queries/districts.js';
import { lastLiveEventId, latestLiveEvents } from '../../db/queries/live-events.js';
import type { UserRow } from '../../db/queries/users.js';
import { clueDayFigures, teamTrailPoints } from '../../db/queries/wall.js';
import { campaignPlanSchema } from '../contract/campaign-plans.js';
import { campaignDefinitionSchema } from '../contract/campaigns.js';
import type { WallOverview } from '../contract/wall.js';
import { openClueStatuses } from '../domain/clue-workflow.js';
import { addDays, shanghaiMidnight, shanghaiParts } from '../domain/time.js';
import { campaignProgress } from '../planning/campaign-progress.js';
import { wallOverview, type WallCampaign } from '../planning/wall-overview.js';
import { scopeOf } from './access.js';
import { campaignDaysFor } from './calendar.js';
import type { Deps } from './deps.js';
import { toLiveEvent } from './live-events.js';

type WallDeps = Pick<Deps, 'database' | 'now' | 'calendar'>;

const TRAIL_MS = 60 * 60 * 1000;
const RECENT_EVENTS = 15;
/** At most this many campaigns under way on one day are shown (the wall has room for one board). */
const MAX_CAMPAIGNS = 4;

const clockOf = (secondOfDay: number) => `${String(Math.floor(secondOfDay / 3600)).padStart(2, '0')}:${String(Math.floor((secondOfDay % 3600) / 60)).padStart(2, '0')}`;

async function computeOverview(deps: WallDeps, user: UserRow): Promise<WallOverview> {
  const now = deps.now();
  const scope = scopeOf(user);
  const { date, secondOfDay } = shanghaiParts(now);
  const from = shanghaiMidnight(date);
  const to = shanghaiMidnight(addDays(date, 1));
  const trailFrom = new Date(now.getTime() - TRAIL_MS);
  const [days, districts, active, clues, trailPoints, recent] = await Promise.all([
    campaignDaysFor(deps, { from: date, to: date }),
    districtNames(deps.database, { scope }),
    listCampaigns(deps.database, { scope, status: 'active' }),
    clueDayFigures(deps.database, { scope, from, to, now, openStatuses: openClueStatuses }),
    teamTrailPoints(deps.database, { scope, from: trailFrom, to: now, limit: 5_000 }),
    latestLiveEvents(deps.database, { scope, limit: RECENT_EVENTS }),
  ]);
  const today = active
    .map((row) => ({ row, definition: campaignDefinitionSchema.parse(row.definition) }))
    .filter(({ definition }) => definition.startsOn <= date && date <= definition.endsOn)
    .slice(0, MAX_CAMPAIGNS);
  const campaigns: WallCampaign[] = [];
  for (const { row, definition } of today) {
    const stored = await campaignPlanOf(deps.database, { campaignId: row.id, version: row.currentVersion });
    if (!stored) continue;
    const plan = campaignPlanSchema.parse(stored.plan);
    const [checkIns, arrivals] = await Promise.all([campaignCheckIns(deps.database, { campaignId: row.id, scope }), campaignArrivals(deps.database, { campaignId: row.id, scope })]);
    const progress = campaignProgress({ campaign: { id: row.id, version: row.currentVersion, status: row.status, name: definition.name }, plan, district: scope.districtCode, checkIns, arrivals });
    campaigns.push({ id: row.id, name: definition.name, startsOn: definition.startsOn, endsOn: definition.endsOn, plan, progress });
  }
  return wallOverview({
    now,
    date,
    day: days[0],
    districts,
    scopeDistrict: scope.districtCode,
    campaigns,
    clues,
    clock: clockOf(secondOfDay),
    trailFrom,
    trailPoints,
    recentEvents: recent.map(toLiveEvent),
  });
}

/**
 * Answers per database and scope: the newest, keyed by the newest live event and the minute. Every change the wall shows
 * is announced by an event (a check-in, a clue's step, a re-plan), so a new event means a new answer; the minute turns
 * shifts under way and "today" over. While one is computed, the scope's requests share it whatever arrived meanwhile
 * (the next read brings those): on a busy day fifty walls cost one computation at a time, not one per event.
 */
interface Kept {
  key: string;
  answer: Promise<WallOverview>;
  settled: boolean;
}
const answers = new WeakMap<Database, Map<string, Kept>>();

export async function getWallOverview(deps: WallDeps, user: UserRow): Promise<WallOverview> {
  const scopeKey = user.districtCode ?? '*';
  let byScope = answers.get(deps.database);
  if (!byScope) answers.set(deps.database, (byScope = new Map<string, Kept>()));
  const current = byScope.get(scopeKey);
  if (current && !current.settled) return current.answer;
  const lastId = await lastLiveEventId(deps.database);
  const key = `${lastId}|${Math.floor(deps.now().getTime() / 60_000)}`;
  if (current && current.key === key) return current.answer;
  const kept: Kept = { key, answer: computeOverview(deps, user), settled: false };
  byScope.set(scopeKey, kept);
  kept.answer.then(
    () => (kept.settled = true),
    () => byScope.get(scopeKey) === kept && byScope.delete(scopeKey),
  );
  return kept.answer;
}

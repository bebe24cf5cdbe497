// The wall's picture of today (指挥中心大屏), from the active campaigns' plans and progress, the clues of the day and
// the teams' last hour: pure, so what the wall counts is tested without a database.
import { rankDistricts } from '../analytics/campaign-report/ranking.js';
import type { CampaignDayBody } from '../contract/calendar.js';
import type { CampaignPlan } from '../contract/campaign-plans.js';
import type { CampaignProgress, ProgressCounts } from '../contract/campaign-progress.js';
import type { LiveEvent } from '../contract/events.js';
import type { WallOverview } from '../contract/wall.js';

export interface WallCampaign {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  plan: Pick<CampaignPlan, 'shifts' | 'teams' | 'targets'>;
  progress: CampaignProgress;
}

export interface WallOverviewInput {
  now: Date;
  date: string;
  day: CampaignDayBody;
  /** The districts of the caller's scope, by code. */
  districts: readonly { code: string; name: string }[];
  scopeDistrict: string | null;
  campaigns: readonly WallCampaign[];
  clues: readonly { districtCode: string; received: number; closed: number; overdue: number }[];
  /** Clock (HH:MM, Shanghai) now, to tell which shifts are under way. */
  clock: string;
  trailFrom: Date;
  trailPoints: readonly { campaignId: number; teamId: string; lon: number; lat: number; at: string }[];
  recentEvents: readonly LiveEvent[];
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

type DayFigures = WallOverview['totals'];
const noFigures = (): DayFigures => ({ planned: 0, done: 0, confirmed: 0, cluesReceived: 0, cluesClosed: 0, cluesOverdue: 0, activeTeams: 0 });

function addCounts(into: ProgressCounts, c: ProgressCounts): void {
  into.planned += c.planned;
  into.done += c.done;
  into.confirmed += c.confirmed;
  into.pending += c.pending;
  into.far += c.far;
}

export function wallOverview(input: WallOverviewInput): WallOverview {
  const byDistrict = new Map(input.districts.map((d) => [d.code, noFigures()]));
  const figuresOf = (code: string) => byDistrict.get(code) ?? null;
  const teams: WallOverview['teams'] = [];

  for (const campaign of input.campaigns) {
    const shifts = new Map(campaign.plan.shifts.map((s) => [s.id, s]));
    const planTeams = new Map(campaign.plan.teams.map((t) => [t.id, t]));
    for (const t of campaign.progress.teams) {
      if (t.date !== input.date) continue;
      const shift = shifts.get(t.shiftId);
      const underWay = shift ? shift.start <= input.clock && input.clock < shift.end : false;
      const f = figuresOf(t.districtCode);
      if (f) {
        f.planned += t.planned;
        f.done += t.done;
        f.confirmed += t.confirmed;
        if (underWay && t.planned > 0) f.activeTeams++;
      }
      teams.push({
        campaignId: campaign.id,
        teamId: t.teamId,
        label: t.label,
        districtCode: t.districtCode,
        lead: t.lead,
        start: shift?.start ?? '',
        end: shift?.end ?? '',
        underWay,
        planned: t.planned,
        done: t.done,
        line: planTeams.get(t.teamId)?.line ?? [],
        lastPosition: t.lastPosition,
      });
    }
  }
  for (const c of input.clues) {
    const f = figuresOf(c.districtCode);
    if (!f) continue;
    f.cluesReceived += c.received;
    f.cluesClosed += c.closed;
    f.cluesOverdue += c.overdue;
  }

  const totals = noFigures();
  for (const f of byDistrict.values()) for (const k of Object.keys(totals) as (keyof DayFigures)[]) totals[k] += f[k];

  const main = [...input.campaigns].sort((a, b) => todaysStops(b, input.date) - todaysStops(a, input.date) || a.id - b.id)[0] ?? null;
  // A team id names its district, day and shift, not its campaign: two campaigns of one day each have a `…#1`.
  const trails = new Map<string, { campaignId: number; teamId: string; path: [number, number][]; seconds: number[] }>();
  for (const p of [...input.trailPoints].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = `${p.campaignId}|${p.teamId}`;
    const trail = trails.get(key) ?? { campaignId: p.campaignId, teamId: p.teamId, path: [], seconds: [] };
    trail.path.push([p.lon, p.lat]);
    trail.seconds.push(Math.max(0, (Date.parse(p.at) - input.trailFrom.getTime()) / 1000));
    trails.set(key, trail);
  }

  return {
    asOf: input.now.toISOString(),
    date: input.date,
    day: input.day,
    districtCode: input.scopeDistrict,
    totals,
    districts: input.districts.map((d) => ({ districtCode: d.code, name: d.name, ...byDistrict.get(d.code)! })),
    campaign: main && campaignSummary(main),
    ranking: main ? rankDistricts(rankingMeasures(main)) : [],
    teams: teams.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.start.localeCompare(b.start) || a.teamId.localeCompare(b.teamId, undefined, { numeric: true })),
    trailFrom: input.trailFrom.toISOString(),
    trails: [...trails.values()].filter((t) => t.path.length >= 2),
    recentEvents: [...input.recentEvents],
  };
}

const todaysStops = (c: WallCampaign, date: string) => c.progress.teams.filter((t) => t.date === date).reduce((n, t) => n + t.planned, 0);

function campaignSummary(c: WallCampaign): NonNullable<WallOverview['campaign']> {
  const totals: ProgressCounts = { planned: 0, done: 0, confirmed: 0, pending: 0, far: 0 };
  for (const d of c.progress.districts) addCounts(totals, d);
  return {
    id: c.id,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    totals,
    districts: c.progress.districts.map((d) => ({ districtCode: d.districtCode, planned: d.planned, done: d.done, confirmed: d.confirmed, pending: d.pending, far: d.far })),
    results: c.progress.results.map((r) => ({ result: r.result, count: r.count })),
  };
}

/** A visit that found the place closed (未营业) or was refused entry inspected nothing (as the report counts it). */
const inspected = (result: string | null) => result !== null && result !== 'not_open' && result !== 'no_entry';

/**
 * The ranking's measures of a running campaign, as the after-action report counts them: completion (planned stops
 * checked in ÷ planned stops; a check-in off the plan adds nothing), priority coverage (priority targets inspected ÷
 * priority targets) and the co-signed share of the check-ins, weighed by the report's rankDistricts.
 */
export function rankingMeasures(c: WallCampaign) {
  const districtOfTeam = new Map(c.progress.teams.map((t) => [t.teamId, t.districtCode]));
  const priority = new Map(c.plan.targets.filter((t) => t.source === 'priority').map((t) => [t.key, t.districtCode]));
  const inspectedTargets = new Set(c.progress.stops.filter((s) => inspected(s.result)).map((s) => s.targetKey));
  return c.progress.districts.map((d) => {
    const stops = c.progress.stops.filter((s) => districtOfTeam.get(s.teamId) === d.districtCode);
    const mine = [...priority].filter(([, district]) => district === d.districtCode);
    return {
      districtCode: d.districtCode,
      completion: ratio(stops.filter((s) => s.result !== null).length, stops.length),
      confirmationShare: ratio(d.confirmed, d.done),
      priority: { rate: ratio(mine.filter(([key]) => inspectedTargets.has(key)).length, mine.length) },
    };
  });
}

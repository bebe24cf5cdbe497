// The campaign board's figures from the stored plan and what the teams recorded: pure, so the counting rules are tested
// without a database. A stop is done when its team-shift checked in at it; a check-in of a stop the current plan no
// longer gives that team (re-planned since) still counts as done for the team, and adds to nothing planned.
import type { CampaignPlan } from '../contract/campaign-plans.js';
import type { CampaignProgress, ProgressCounts } from '../contract/campaign-progress.js';
import { checkInResults, type CheckInResult } from '../domain/vocabulary.js';

export interface ProgressCheckIn {
  teamId: string;
  targetKey: string;
  districtCode: string;
  result: CheckInResult;
  cosigned: boolean;
  farFromTarget: boolean;
  checkedAt: string;
  lon: number | null;
  lat: number | null;
}

export interface ProgressArrival {
  teamId: string;
  targetKey: string;
  districtCode: string;
  arrivedAt: string;
  lon: number | null;
  lat: number | null;
}

export interface ProgressInput {
  campaign: { id: number; version: number; status: string; name: string };
  plan: Pick<CampaignPlan, 'shifts' | 'teams' | 'targets'>;
  /** Only these districts' teams are shown (the caller's scope); null = all. */
  district: string | null;
  checkIns: readonly ProgressCheckIn[];
  arrivals: readonly ProgressArrival[];
}

const zero = (): ProgressCounts => ({ planned: 0, done: 0, confirmed: 0, pending: 0, far: 0 });

function addCheckIn(c: ProgressCounts, k: ProgressCheckIn): void {
  c.done += 1;
  if (k.cosigned) c.confirmed += 1;
  else c.pending += 1;
  if (k.farFromTarget) c.far += 1;
}

const stopKey = (teamId: string, targetKey: string) => `${teamId}\u0000${targetKey}`;
/** ISO instants in UTC compare as text; a later one wins, a tie keeps the check-in (it says more than an arrival). */
const later = (a: string, b: string | undefined) => b === undefined || a > b;

export function campaignProgress(input: ProgressInput): CampaignProgress {
  const inScope = (districtCode: string) => input.district === null || districtCode === input.district;
  const planTeams = input.plan.teams.filter((t) => inScope(t.districtCode));
  const targets = new Map(input.plan.targets.map((t) => [t.key, t]));
  const shifts = new Map(input.plan.shifts.map((s) => [s.id, s]));

  const totals = zero();
  const byDistrict = new Map<string, ProgressCounts>();
  const byShift = new Map<string, ProgressCounts>();
  const byTeam = new Map<string, ProgressCounts>();
  const teamShift = new Map<string, string>();
  const count = <K>(m: Map<K, ProgressCounts>, k: K) => m.get(k) ?? (m.set(k, zero()), m.get(k)!);

  for (const t of planTeams) {
    teamShift.set(t.id, t.shiftId);
    for (const c of [totals, count(byDistrict, t.districtCode), count(byShift, t.shiftId), count(byTeam, t.id)]) c.planned += t.stops.length;
  }

  const checkIns = input.checkIns.filter((k) => inScope(k.districtCode));
  const done = new Map<string, ProgressCheckIn>();
  const results = new Map<CheckInResult, number>(checkInResults.map((r) => [r, 0]));
  const position = new Map<string, NonNullable<CampaignProgress['teams'][number]['lastPosition']>>();
  let lastActivityAt: string | null = null;
  for (const k of checkIns) {
    done.set(stopKey(k.teamId, k.targetKey), k);
    results.set(k.result, results.get(k.result)! + 1);
    const counted = [totals, count(byDistrict, k.districtCode), count(byTeam, k.teamId)];
    const shiftId = teamShift.get(k.teamId);
    if (shiftId) counted.push(count(byShift, shiftId));
    for (const c of counted) addCheckIn(c, k);
    if (lastActivityAt === null || k.checkedAt > lastActivityAt) lastActivityAt = k.checkedAt;
    if (k.lon !== null && k.lat !== null && later(k.checkedAt, position.get(k.teamId)?.at))
      position.set(k.teamId, { location: [k.lon, k.lat], at: k.checkedAt, source: 'check_in', targetKey: k.targetKey });
  }
  for (const a of input.arrivals) {
    if (!inScope(a.districtCode)) continue;
    if (lastActivityAt === null || a.arrivedAt > lastActivityAt) lastActivityAt = a.arrivedAt;
    const seen = position.get(a.teamId)?.at;
    if (a.lon !== null && a.lat !== null && (seen === undefined || a.arrivedAt > seen))
      position.set(a.teamId, { location: [a.lon, a.lat], at: a.arrivedAt, source: 'arrival', targetKey: a.targetKey });
  }

  const planned = new Set(planTeams.map((t) => t.id));
  // Team-shifts that checked in but are gone from the plan (re-planned): listed with nothing planned.
  const extraTeams = [...new Set(checkIns.map((k) => k.teamId))].filter((id) => !planned.has(id));
  const teamRows = [
    ...planTeams.map((t) => ({
      teamId: t.id,
      label: t.label,
      districtCode: t.districtCode,
      date: t.date,
      shiftId: t.shiftId,
      lead: t.members.find((m) => m.lead)?.name ?? null,
    })),
    ...extraTeams.map((id) => {
      const k = checkIns.find((c) => c.teamId === id)!;
      return { teamId: id, label: id, districtCode: k.districtCode, date: id.split('/')[1] ?? '', shiftId: id.split('/')[2]?.split('#')[0] ?? '', lead: null };
    }),
  ].map((t) => ({ ...t, ...(byTeam.get(t.teamId) ?? zero()), lastPosition: position.get(t.teamId) ?? null }));

  return {
    campaignId: input.campaign.id,
    version: input.campaign.version,
    status: input.campaign.status,
    name: input.campaign.name,
    totals,
    districts: [...byDistrict].map(([districtCode, c]) => ({ districtCode, ...c })).sort((a, b) => a.districtCode.localeCompare(b.districtCode)),
    shifts: [...byShift]
      .map(([shiftId, c]) => {
        const s = shifts.get(shiftId);
        return { shiftId, date: s?.date ?? '', start: s?.start ?? '', end: s?.end ?? '', ...c };
      })
      .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start) || a.shiftId.localeCompare(b.shiftId)),
    teams: teamRows,
    results: checkInResults.map((result) => ({ result, count: results.get(result)! })),
    stops: planTeams.flatMap((t) =>
      t.stops.flatMap((s, i) => {
        const target = targets.get(s.targetKey);
        if (!target) return [];
        const k = done.get(stopKey(t.id, s.targetKey));
        return [{ teamId: t.id, targetKey: s.targetKey, name: target.name, location: target.location, order: i + 1, result: k?.result ?? null, confirmed: k?.cosigned ?? false, far: k?.farFromTarget ?? false }];
      }),
    ),
    lastActivityAt,
  };
}

// Re-planning a running campaign day (调整) on the demo city, as JSON on stdout: a campaign of the districts with the
// most officers is planned, approved and started; at 09:30 of its first day a team's first stop is checked in, then an
// officer drops out and an urgent institution arrives, each through the API. The target is ≤ 5 s a district-day.
//
//   npm run --silent bench:replan [-- --districts 3 --runs 3]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:replan   (the database is reset!)
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus } from 'node:os';
import { busiestDistricts, insertBenchCheckIn, weekendMorningInstitutions } from '../../db/queries/bench.js';
import { jsonCaller, signInCookie } from './app-client.js';
import { createApp } from '../../server/app.js';
import type { CampaignPlan, CampaignPlanJob } from '../../server/contract/campaign-plans.js';
import type { TeamReplanResult } from '../../server/contract/campaign-replan.js';
import type { Campaign } from '../../server/contract/campaigns.js';
import { seededBenchDatabase } from './seeded-database.js';

const asOf = new Date('2026-11-21T00:00:00Z');
// Saturday 2027-03-06, 09:30 in Shanghai: an hour into the morning shift.
const DATE = '2027-03-06';
const running = new Date('2027-03-06T01:30:00Z');
const password = 'bench-password';
const progress = (message: string) => process.stderr.write(`[replan] ${message}\n`);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const districtCount = Number(option('districts', '3'));
const runs = Number(option('runs', '3'));

async function main() {
  const database = await seededBenchDatabase({ asOf, password, scale: 'demo', progress });
  let clock = asOf;
  const app = createApp({ database, now: () => clock });
  const [planner, admin] = [await signInCookie(app, 'planner', password), await signInCookie(app, 'admin', password)];
  const callAs = jsonCaller(app);
  const call = <T>(method: string, path: string, body?: unknown, cookie = planner) => callAs<T>(cookie, method, path, body);

  const districts = (await busiestDistricts(database, districtCount)).sort();
  const campaign = await call<Campaign>('POST', '/api/campaigns', {
    name: '校外培训专项检查（调整基准）',
    type: 'custom',
    startsOn: DATE,
    endsOn: DATE,
    districts,
    focus: {},
    goals: { drawPercent: 12, hotCellVisits: 1, hotCellConfidence: 95 },
  });
  let job = await call<CampaignPlanJob>('POST', `/api/campaigns/${campaign.id}/plan/jobs`, { version: 1, settings: { routeTimeLimit: 0.2, seed: 'bench-replan' } });
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    job = await call<CampaignPlanJob>('GET', `/api/campaigns/${campaign.id}/plan/jobs/${job.id}`);
  }
  if (job.status !== 'done') throw new Error(`planning ended ${job.status}: ${JSON.stringify(job.error)}`);
  for (const [action, cookie] of [['submit', planner], ['approve', admin], ['activate', planner]] as const)
    await call('POST', `/api/campaigns/${campaign.id}/transitions`, { action, version: 1 }, cookie);
  clock = running;
  // A session's idle clock reads the app's clock: sign in again on the campaign day.
  const plannerNow = await signInCookie(app, 'planner', password);

  const results: { district: string; kind: string; teams: number; remainingStops: number; seconds: number }[] = [];
  for (const district of districts) {
    const plan = await call<CampaignPlan>('GET', `/api/campaigns/${campaign.id}/plan`, undefined, plannerNow);
    const morning = plan.teams.filter((t) => t.districtCode === district && t.shiftId === `${DATE}#1` && t.stops.length >= 2 && t.members.length >= 2);
    const team = morning[0];
    if (!team) {
      progress(`${district}: no morning team with two stops`);
      continue;
    }
    const remaining = plan.teams.filter((t) => t.districtCode === district && t.shiftId === team.shiftId).reduce((n, t) => n + t.stops.length, 0) - 1;
    await insertBenchCheckIn(database, { campaignId: campaign.id, teamId: team.id, targetKey: team.stops[0].targetKey, district, officerId: team.members[0].officerId, at: new Date('2027-03-06T01:10:00Z') });
    // The member who is not the lead drops out; of a two-person team that sends its stops to the others.
    const leaving = team.members.find((m) => !m.lead)!;
    let t = performance.now();
    const out = await call<TeamReplanResult>('POST', `/api/campaigns/${campaign.id}/plan/teams/replan`, { version: 1, district, date: DATE, event: { kind: 'officer_out', officerId: leaving.officerId } }, plannerNow);
    results.push({ district, kind: 'officer_out', teams: out.teamIds.length, remainingStops: remaining, seconds: round((performance.now() - t) / 1000) });
    progress(`${district} officer_out: ${results.at(-1)!.seconds} s, ${out.teamIds.length} team(s)`);
    const planned = new Set(plan.targets.map((x) => x.key));
    const candidates = (await weekendMorningInstitutions(database, district, 20)).map((id) => ({ id }));
    for (const c of candidates.filter((c) => !planned.has(`institution:${c.id}`)).slice(0, runs)) {
      t = performance.now();
      try {
        const urgent = await call<TeamReplanResult>('POST', `/api/campaigns/${campaign.id}/plan/teams/replan`, { version: 1, district, date: DATE, event: { kind: 'urgent_target', institutionId: c.id } }, plannerNow);
        results.push({ district, kind: 'urgent_target', teams: urgent.teamIds.length, remainingStops: remaining, seconds: round((performance.now() - t) / 1000) });
        progress(`${district} urgent_target: ${results.at(-1)!.seconds} s`);
      } catch (error) {
        // An institution no team of the shift may take (departments) is refused: not a timing.
        progress(`${district} urgent ${c.id} refused: ${String(error).slice(0, 120)}`);
      }
    }
  }
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify(
      {
        engine: database.engine,
        machine: { cpus: cpus().length, parallelism: availableParallelism(), model: cpus()[0]?.model ?? null },
        districts,
        date: DATE,
        runs: results,
        maxSeconds: seconds.at(-1) ?? null,
        medianSeconds: seconds.length ? seconds[Math.floor(seconds.length / 2)] : null,
        targetSeconds: 5,
      },
      null,
      2,
    )}\n`,
  );
  await app.deps.routing.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

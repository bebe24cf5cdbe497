// Planning a whole-city special campaign on the demo data, as JSON on stdout: the full plan through the API's job
// (16 districts, 10 days) and the re-planning of one district-day, with their sizes and times. Progress on stderr.
//
//   npm run --silent bench:campaign-plan [-- --days 10 --draw-percent 12 --route-time-limit 0.05 --replans 3]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:campaign-plan   (the database is reset!)
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus } from 'node:os';
import { jsonCaller, signInCookie } from './app-client.js';
import { createApp } from '../../server/app.js';
import { addDays } from '../../server/domain/time.js';
import type { CampaignPlan, CampaignPlanJob } from '../../server/contract/campaign-plans.js';
import type { Campaign } from '../../server/contract/campaigns.js';
import { userForLogin } from '../../db/queries/users.js';
import { replanCampaignDay } from '../../server/services/campaign-plans.js';
import { seededBenchDatabase } from './seeded-database.js';

const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const progress = (message: string) => process.stderr.write(`[campaign-plan] ${message}\n`);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const days = Number(option('days', '10'));
const drawPercent = Number(option('draw-percent', '12'));
const routeTimeLimit = Number(option('route-time-limit', '0.05'));
const replans = Number(option('replans', '3'));
// Monday 1 March 2027: eight school days and a weekend in ten days.
const startsOn = option('starts-on', '2027-03-01');

async function main() {
  const started = performance.now();
  const database = await seededBenchDatabase({ asOf, password, scale: 'demo', progress });
  progress(`seeded in ${round((performance.now() - started) / 1000, 1)} s`);

  const app = createApp({ database, now: () => asOf });
  const cookie = await signInCookie(app, 'planner', password);
  const user = (await userForLogin(database, 'planner'))!;
  const callAs = jsonCaller(app);
  const call = <T>(method: string, path: string, body?: unknown) => callAs<T>(cookie, method, path, body);

  const districts = (await call<{ features: { properties: { code: string } }[] }>('GET', '/api/districts')).features.map((f) => f.properties.code).sort();
  const campaign = await call<Campaign>('POST', '/api/campaigns', {
    name: '全市校外培训专项检查（基准）',
    type: 'custom',
    startsOn,
    endsOn: addDays(startsOn, days - 1),
    districts,
    focus: {},
    goals: { drawPercent, hotCellVisits: 2, hotCellConfidence: 95 },
  });
  const settings = { routeTimeLimit, seed: 'bench-2027' };

  // The full plan, through the job as the page runs it.
  const t0 = performance.now();
  let job = await call<CampaignPlanJob>('POST', `/api/campaigns/${campaign.id}/plan/jobs`, { version: campaign.version, settings });
  let last = '';
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    job = await call<CampaignPlanJob>('GET', `/api/campaigns/${campaign.id}/plan/jobs/${job.id}`);
    const line = `${job.stage} ${job.done}/${job.total}`;
    if (line !== last) progress(`plan: ${line} (${round((performance.now() - t0) / 1000, 1)} s)`);
    last = line;
  }
  const fullSeconds = (performance.now() - t0) / 1000;
  if (job.status !== 'done') throw new Error(`the planning job ended ${job.status}: ${JSON.stringify(job.error)}`);
  const plan: CampaignPlan = job.result!;

  // Re-planning single district-days, the busiest first.
  const busy = new Map<string, number>();
  for (const team of plan.teams) busy.set(`${team.districtCode}|${team.date}`, (busy.get(`${team.districtCode}|${team.date}`) ?? 0) + team.stops.length);
  const replanned: { district: string; date: string; stops: number; seconds: number }[] = [];
  for (const [key, stops] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, replans)) {
    const [district, date] = key.split('|');
    const t = performance.now();
    // Through the service, as the CLI does, so that its progress (each stage with the time it began) is printed.
    await replanCampaignDay(app.deps, user, campaign.id, { version: campaign.version, district, date }, (p) =>
      progress(`re-plan ${district} ${date}: ${p.stage} ${p.done}/${p.total} (${round((performance.now() - t) / 1000)} s)`),
    );
    replanned.push({ district, date, stops, seconds: round((performance.now() - t) / 1000) });
    progress(`re-plan ${district} ${date}: ${replanned.at(-1)!.seconds} s`);
  }

  const stops = plan.teams.reduce((n, t) => n + t.stops.length, 0);
  const byReason: Record<string, number> = {};
  for (const u of plan.unassigned) byReason[u.reason] = (byReason[u.reason] ?? 0) + 1;
  const report = {
    machine: { cpus: cpus().length, parallelism: availableParallelism(), model: cpus()[0]?.model, node: process.version },
    engine: database.engine,
    campaign: { districts: districts.length, days, shifts: plan.shifts.length, drawPercent, routeTimeLimit },
    plan: {
      seconds: round(fullSeconds),
      storedMegabytes: round(JSON.stringify(plan).length / 1e6),
      targets: plan.targets.length,
      bySource: Object.fromEntries(['priority', 'hot_cell', 'random_draw'].map((s) => [s, plan.targets.filter((t) => t.source === s).length])),
      districtShiftsRouted: job.total,
      teams: plan.teams.length,
      teamsWithStops: plan.teams.filter((t) => t.stops.length > 0).length,
      stops,
      unassigned: plan.unassigned.length,
      unassignedByReason: byReason,
      officersLoad: { officers: plan.load.officers.length, shifts: plan.load.shifts, stops: plan.load.stops },
      goals: plan.goals,
    },
    replan: { runs: replanned, maxSeconds: Math.max(...replanned.map((r) => r.seconds)) },
    targets: { fullPlanSeconds: 30, replanSeconds: 3 },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  await app.deps.routing.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

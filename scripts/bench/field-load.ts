// Many phones at once on the field API, over real HTTP on a loopback port: each client (signed in as the lead of a
// team-shift of an active campaign, several clients per account, each at its own stop) uploads one photo, posts the
// check-in that names it, then posts the same check-in again (same idempotency key) as a phone's retry would. Measures
// the check-in POST alone (the photo is a request of its own), the photo upload, the throughput; checks afterwards in
// the database that every check-in is stored once with its photo and every retry was answered 200 with the same id.
// Beside it, in the same process and at the same concurrency, the bare INSERT of a check-in on the driver: the ratio
// says what the figure means on a machine that is busy with other work. JSON on stdout, progress on stderr.
//
//   npm run --silent bench:field-load [-- --clients 200 --scale demo --draw-percent 10 --spread-seconds 0]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:field-load   (the database is reset!)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import sharp from 'sharp';
import { checkInTally } from '../../db/queries/field-bench.js';
import { insertCheckIn } from '../../db/queries/field.js';
import type { SeedScale } from '../../db/seed/generate/grid.js';
import { userForLogin } from '../../db/queries/users.js';
import { jsonCaller, signInCookie } from './app-client.js';
import { createApp } from '../../server/app.js';
import type { CampaignPlan, CampaignPlanJob } from '../../server/contract/campaign-plans.js';
import type { Campaign } from '../../server/contract/campaigns.js';
import { METRES_PER_DEGREE_LATITUDE } from '../../server/domain/geodesy.js';
import { percentileMs, round } from './api/stats.js';
import { seededBenchDatabase } from './seeded-database.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const clients = Number(option('clients', '200'));
const scale = option('scale', 'demo') as SeedScale;
const drawPercent = Number(option('draw-percent', '10'));
// 0: every client starts at once (a burst); otherwise each starts at its own moment within this many seconds, as
// phones in the street do (the offsets are fixed by the client's index, so runs compare).
const spreadSeconds = Number(option('spread-seconds', '0'));
// A Sunday (two shifts), the app's "today": the clock starts at 08:00 in Shanghai and runs from there.
const asOf = new Date('2026-11-01T00:00:00Z');
const day = '2026-11-01';
const password = 'bench-password';
const targetP95Ms = 300;
const progress = (message: string) => process.stderr.write(`[field-load] ${message}\n`);

if (!(spreadSeconds >= 0)) throw new RangeError(`--spread-seconds must be a number ≥ 0, got ${option('spread-seconds', '')}`);
if (!Number.isInteger(clients) || clients < 1) throw new RangeError(`--clients must be a positive integer, got ${option('clients', '')}`);

type PlanTeam = CampaignPlan['teams'][number];
type PlanTarget = CampaignPlan['targets'][number];

/** One phone: the account it is signed in with, and its stop. */
interface Client {
  index: number;
  username: string;
  team: PlanTeam;
  target: PlanTarget;
  officerId: number;
  photo: Buffer;
}

interface Outcome {
  uploadMs: number;
  uploadStatus: number;
  checkInMs: number;
  checkInStatus: number;
  replayMs: number;
  replayStatus: number;
  sameId: boolean;
  photoSha256: string | null;
  error: string | null;
}

const summary = (samples: number[]) => ({
  p50Ms: round(percentileMs(samples, 50)),
  p95Ms: round(percentileMs(samples, 95)),
  maxMs: round(Math.max(...samples)),
  runs: samples.length,
});

const load = () => loadavg().map((x) => round(x));

/**
 * The campaign's stops, one per client, taken team by team in turn so that the clients spread over as many accounts as
 * the plan has leads; a team-shift without a lead is skipped.
 */
function stopsForClients(plan: CampaignPlan): { team: PlanTeam; target: PlanTarget; lead: PlanTeam['members'][number] }[] {
  const targets = new Map(plan.targets.map((t) => [t.key, t]));
  const queues = plan.teams
    .map((team) => ({ team, lead: team.members.find((m) => m.lead), stops: [...team.stops] }))
    .filter((q) => q.lead && q.stops.length > 0);
  const picked: { team: PlanTeam; target: PlanTarget; lead: PlanTeam['members'][number] }[] = [];
  while (picked.length < clients && queues.some((q) => q.stops.length > 0)) {
    for (const q of queues) {
      const stop = q.stops.shift();
      const target = stop && targets.get(stop.targetKey);
      if (target && picked.length < clients) picked.push({ team: q.team, target, lead: q.lead! });
    }
  }
  return picked;
}

/**
 * ~200 KB JPEGs, each distinct in its pixels (a block shaded by its index) and in its EXIF (as a camera writes a time),
 * so every upload is stored as a photo of its own with a thumbnail of its own.
 */
async function photos(count: number): Promise<Buffer[]> {
  const width = 1280;
  const height = 960;
  const block = 64;
  const base = await sharp({ create: { width, height, channels: 3, background: '#6a8fb0', noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
    .raw()
    .toBuffer();
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const pixels = Buffer.from(base);
      const shade = [i % 256, Math.floor(i / 256) % 256, 255 - (i % 256)];
      for (let y = 0; y < block; y++) for (let x = 0; x < block; x++) pixels.set(shade, (y * width + x) * 3);
      const second = String(i % 60).padStart(2, '0');
      const minute = String(Math.floor(i / 60) % 60).padStart(2, '0');
      return sharp(pixels, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: 78 })
        .withExif({ IFD0: { Software: 'jointops-field-load' }, IFD2: { DateTimeOriginal: `2026:11:01 09:${minute}:${second}`, OffsetTimeOriginal: '+08:00' } })
        .toBuffer();
    }),
  );
}

async function main() {
  const started = performance.now();
  const database = await seededBenchDatabase({ asOf, password, scale: scale, progress });
  progress(`seeded in ${round((performance.now() - started) / 1000, 1)} s`);

  // The app's clock runs from asOf, so received times and sessions move on as they would.
  const clockStart = performance.now();
  const now = () => new Date(asOf.getTime() + (performance.now() - clockStart));
  const photoDir = mkdtempSync(join(tmpdir(), 'jointops-field-load-'));
  const app = createApp({ database, now, photoDir });

  const signIn = (username: string) => signInCookie(app, username, password);
  const [planner, admin] = [await signIn('planner'), await signIn('admin')];
  const call = jsonCaller(app);

  // A whole-city campaign of one day, planned through the job as the page does, approved and activated.
  const districts = (await call<{ features: { properties: { code: string } }[] }>(planner, 'GET', '/api/districts')).features.map((f) => f.properties.code).sort();
  const definition = (name: string) => ({
    name,
    type: 'weekend',
    startsOn: day,
    endsOn: day,
    districts,
    focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'advertising'] },
    goals: { drawPercent, hotCellVisits: 1, hotCellConfidence: 95 },
  });
  const campaign = await call<Campaign>(planner, 'POST', '/api/campaigns', definition('全市周末专项检查（负载基准）'));
  const planStarted = performance.now();
  let job = await call<CampaignPlanJob>(planner, 'POST', `/api/campaigns/${campaign.id}/plan/jobs`, {
    version: campaign.version,
    settings: { routeTimeLimit: 0.05, seed: 'field-load' },
  });
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    job = await call<CampaignPlanJob>(planner, 'GET', `/api/campaigns/${campaign.id}/plan/jobs/${job.id}`);
  }
  if (job.status !== 'done') throw new Error(`the planning job ended ${job.status}: ${JSON.stringify(job.error)}`);
  const plan = job.result!;
  for (const [cookie, action] of [[planner, 'submit'], [admin, 'approve'], [planner, 'activate']] as const)
    await call(cookie, 'POST', `/api/campaigns/${campaign.id}/transitions`, { action, version: campaign.version });
  const planStops = plan.teams.reduce((n, t) => n + t.stops.length, 0);
  progress(`campaign ${campaign.id} planned in ${round((performance.now() - planStarted) / 1000, 1)} s and active: ${plan.teams.length} team-shifts, ${planStops} stops`);

  const picked = stopsForClients(plan);
  if (picked.length < clients)
    throw new Error(`the plan has ${picked.length} stops with a team lead, fewer than ${clients} clients: use --scale demo, a higher --draw-percent or fewer --clients`);

  // The seed's field accounts are the certificate numbers' digits; one sign-in per account, shared by its clients.
  const usernames = [...new Set(picked.map((p) => p.lead.certificateNo.replace(/\D/g, '')))];
  progress(`${clients} clients on ${usernames.length} lead accounts over ${new Set(picked.map((p) => p.team.id)).size} team-shifts; signing in, making photos`);
  const cookies = new Map<string, string>();
  for (const username of usernames) cookies.set(username, await signIn(username));
  const images = await photos(clients);
  const roster: Client[] = picked.map((p, index) => ({
    index,
    username: p.lead.certificateNo.replace(/\D/g, ''),
    team: p.team,
    target: p.target,
    officerId: p.lead.officerId,
    photo: images[index],
  }));

  // The real server, as server/main.ts starts it, on a free loopback port.
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  progress(`server on ${base}`);

  const post = async (client: Client, path: string, body: string | Buffer, contentType: string) => {
    const t = performance.now();
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Cookie: cookies.get(client.username)! },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const text = await response.text();
    return { ms: performance.now() - t, status: response.status, json: (() => { try { return JSON.parse(text) as Record<string, unknown>; } catch { return { text }; } })() };
  };

  // Each phone first loads its day (not measured): it is how a phone starts, and it opens its keep-alive connection.
  await Promise.all(
    usernames.map(async (username) => {
      const response = await fetch(`${base}/api/field/today?date=${day}`, { headers: { Cookie: cookies.get(username)! } });
      if (response.status !== 200) throw new Error(`GET /api/field/today as ${username}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    }),
  );

  const run = async (client: Client): Promise<Outcome> => {
    // A low-discrepancy spread (golden-ratio steps) rather than random: the same offsets every run.
    if (spreadSeconds > 0) await new Promise((r) => setTimeout(r, ((client.index * 0.618034) % 1) * spreadSeconds * 1000));
    const outcome: Outcome = { uploadMs: NaN, uploadStatus: 0, checkInMs: NaN, checkInStatus: 0, replayMs: NaN, replayStatus: 0, sameId: false, photoSha256: null, error: null };
    try {
      const upload = await post(client, '/api/field/photos', client.photo, 'image/jpeg');
      Object.assign(outcome, { uploadMs: upload.ms, uploadStatus: upload.status });
      if (upload.status !== 201) throw new Error(`photo: ${upload.status} ${JSON.stringify(upload.json).slice(0, 300)}`);
      outcome.photoSha256 = String(upload.json.sha256);
      const [lon, lat] = client.target.location;
      const body = JSON.stringify({
        idempotencyKey: randomUUID(),
        campaignId: campaign.id,
        teamId: client.team.id,
        targetKey: client.target.key,
        result: 'compliant',
        findings: client.target.checks.map((item) => ({ item, finding: 'ok' })),
        notes: '',
        photos: [outcome.photoSha256],
        position: { lon, lat: lat + 30 / METRES_PER_DEGREE_LATITUDE, accuracyMetres: 12 },
        checkedAt: now().toISOString(),
      });
      const first = await post(client, '/api/field/check-ins', body, 'application/json');
      Object.assign(outcome, { checkInMs: first.ms, checkInStatus: first.status });
      if (first.status !== 201) throw new Error(`check-in: ${first.status} ${JSON.stringify(first.json).slice(0, 300)}`);
      const again = await post(client, '/api/field/check-ins', body, 'application/json');
      Object.assign(outcome, { replayMs: again.ms, replayStatus: again.status, sameId: again.json.id === first.json.id });
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
    }
    return outcome;
  };

  const loadBefore = load();
  progress(`load average ${loadBefore.join(' ')}; ${clients} clients start ${spreadSeconds > 0 ? `within ${spreadSeconds} s` : 'at once'}`);
  const loadStarted = performance.now();
  const outcomes = await Promise.all(roster.map(run));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const loadAfter = load();
  const failed = outcomes.filter((o) => o.error !== null);
  progress(`done in ${round(loadSeconds, 1)} s, ${failed.length} failed${failed.length ? `: ${failed[0].error}` : ''}`);

  const photoSha256s = outcomes.flatMap((o) => (o.photoSha256 ? [o.photoSha256] : []));
  const tally = await checkInTally(database, { campaignId: campaign.id, photoSha256s });
  const replays = outcomes.filter((o) => o.replayStatus === 200 && o.sameId).length;
  const verified = {
    ...tally,
    replaysAnswered200SameId: replays,
    ok:
      failed.length === 0 &&
      tally.checkIns === clients &&
      tally.distinctKeys === clients &&
      tally.distinctStops === clients &&
      tally.withOnePhoto === clients &&
      tally.photoLinks === clients &&
      tally.photosStored === clients &&
      tally.photosLinked === clients &&
      tally.auditEntries === clients &&
      tally.liveEvents === clients &&
      replays === clients,
  };

  // The reference: the same INSERT on the driver, at the same concurrency, into a draft campaign of its own.
  progress('reference: the bare INSERT on the driver at the same concurrency');
  const reference = await call<Campaign>(planner, 'POST', '/api/campaigns', definition('负载基准（参照）'));
  const userIds = new Map<string, number>();
  for (const username of usernames) userIds.set(username, (await userForLogin(database, username))!.id);
  const referenceSamples = await Promise.all(
    roster.map(async (client) => {
      const t = performance.now();
      const id = await insertCheckIn(database, {
        idempotencyKey: randomUUID(),
        requestHash: 'reference',
        campaignId: reference.id,
        campaignVersion: 1,
        teamId: client.team.id,
        targetKey: client.target.key,
        districtCode: client.team.districtCode,
        result: 'compliant',
        findings: client.target.checks.map((item) => ({ item, finding: 'ok' })),
        notes: '',
        position: { lon: client.target.location[0], lat: client.target.location[1] },
        positionAccuracyMetres: 12,
        distanceMetres: 30,
        farFromTarget: false,
        checkedAt: now(),
        receivedAt: now(),
        recordedByOfficer: client.officerId,
        recordedByUser: userIds.get(client.username)!,
        photos: [],
      });
      if (id === null) throw new Error('the reference insert found its stop taken');
      return performance.now() - t;
    }),
  );

  const checkIn = summary(outcomes.filter((o) => o.checkInStatus === 201).map((o) => o.checkInMs));
  const rawInsert = summary(referenceSamples);
  const report = {
    benchmark: 'field-load',
    engine: database.engine,
    machine: { cpus: cpus().length, parallelism: availableParallelism(), model: cpus()[0]?.model, node: process.version, loadAverage: { before: loadBefore, after: loadAfter } },
    setup: { scale, drawPercent, spreadSeconds, teamShifts: plan.teams.length, planStops, clients, accounts: usernames.length, photoBytesMean: Math.round(images.reduce((n, b) => n + b.length, 0) / clients) },
    notes:
      'clients and server share one process; checkIn = the check-in POST alone (after its photo), replay = the same POST again, upload = the photo POST; rawInsert = insertCheckIn on the driver, no transaction, audit or lock, at the same concurrency',
    seconds: round(loadSeconds),
    checkInsPerSecond: round(outcomes.filter((o) => o.checkInStatus === 201).length / loadSeconds, 1),
    checkIn,
    replay: summary(outcomes.filter((o) => o.replayStatus > 0).map((o) => o.replayMs)),
    upload: summary(outcomes.filter((o) => o.uploadStatus === 201).map((o) => o.uploadMs)),
    rawInsert,
    ratioP50: round(checkIn.p50Ms / rawInsert.p50Ms),
    ratioP95: round(checkIn.p95Ms / rawInsert.p95Ms),
    failures: failed.slice(0, 5).map((o) => o.error),
    failed: failed.length,
    verified,
    target: { checkInP95Ms: targetP95Ms, met: verified.ok && checkIn.p95Ms <= targetP95Ms },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.deps.routing.close();
  await database.close();
  rmSync(photoDir, { recursive: true, force: true });
  if (!verified.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

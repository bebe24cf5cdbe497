// The command-centre wall's live stream under a steady write load: C wall displays are created through the admin API
// and paired with their tokens (every fifth one scoped to a district), each opens `/api/events` over loopback HTTP
// with its display's cookie, and clues are registered through the API at R per second for M minutes, in turn in a
// few districts. Checks afterwards, against the outbox, that every display received every event its scope may see
// once (missing, duplicates, events outside its scope), and measures the delivery latency (from the write's request
// and from its answer) and the process's resident memory every 10 s. JSON on stdout, progress on stderr.
//
//   npm run --silent bench:wall-sse [-- --clients 50 --minutes 10 --rate 10]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:wall-sse   (the database is reset!)
//
// The server and the clients share this process, so the resident memory is both of theirs (and, on PGlite, the
// embedded database's WebAssembly heap, which grows with its tables and never shrinks). What the clients keep per
// event is allocated before the first sample, so that their own growth does not read as the server's.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { liveEventsAfter } from '../../db/queries/live-events.js';
import { cityWide } from '../../db/queries/queryable.js';
import { SHANGHAI_DISTRICTS } from '../../db/seed/generate/districts-meta.js';
import { createApp } from '../../server/app.js';
import { jsonCaller, signInCookie } from './app-client.js';
import { percentileMs, round } from './api/stats.js';
import { seededBenchDatabase } from './seeded-database.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const clientCount = Number(option('clients', '50'));
const minutes = Number(option('minutes', '10'));
const rate = Number(option('rate', '10'));
const sampleMs = 10_000;
const warmUpMs = 60_000;
const targets = { rssGrowthPercent: 10, missing: 0, p95Ms: 1000 };
const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const progress = (message: string) => process.stderr.write(`[wall-sse] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gc = (globalThis as { gc?: () => void }).gc;

if (!Number.isInteger(clientCount) || clientCount < 1) throw new RangeError(`--clients must be a positive integer, got ${option('clients', '')}`);
if (!(minutes > 0) || !(rate > 0)) throw new RangeError('--minutes and --rate must be positive numbers');

// The clues are written in these districts in turn; the scoped displays are of the first two and of one with no clue.
const writeDistricts = ['310101', '310107', '310104'].map((code) => SHANGHAI_DISTRICTS.find((d) => d.code === code)!);
const scopedDistricts = ['310101', '310107', '310115'];

interface Display {
  districtCode: string | null;
  cookie: string;
  /** Arrival time (performance.now()) by event id − firstId; 0: not arrived. */
  arrivals: Float64Array;
  duplicates: number;
  /** Events outside the preallocated range (ids below firstId or beyond it). */
  outOfRange: number;
  reconnects: number;
}

/** Reads a display's stream until `abort`, recording each event's arrival; resolves once the stream is open. */
async function subscribe(base: string, display: Display, firstId: number, abort: AbortSignal): Promise<void> {
  const response = await fetch(`${base}/api/events`, { headers: { Cookie: display.cookie }, signal: abort });
  if (response.status !== 200) throw new Error(`GET /api/events: ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let opened: () => void = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  void (async () => {
    try {
      for (;;) {
        const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
        if (chunk.done) {
          // The server ended the stream (it should not during the run): counted, not reopened.
          display.reconnects += 1;
          return;
        }
        const at = performance.now();
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(': connected')) opened();
          const id = /^id: (\d+)$/m.exec(block);
          if (!id) continue;
          const slot = Number(id[1]) - firstId;
          if (slot < 0 || slot >= display.arrivals.length) display.outOfRange += 1;
          else if (display.arrivals[slot] !== 0) display.duplicates += 1;
          else display.arrivals[slot] = at;
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  await open;
}

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

async function main() {
  const database = await seededBenchDatabase({ asOf, password, scale: 'test', progress });

  const app = createApp({ database });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = jsonCaller(app);
  const admin = await signInCookie(app, 'admin', password);

  progress(`creating and pairing ${clientCount} displays`);
  const expectedEvents = Math.ceil(minutes * 60 * rate);
  // Room for every event of the run and a margin (events of other kinds the writes may cause).
  const slots = expectedEvents * 2 + 1_000;
  const displays: Display[] = [];
  for (let i = 0; i < clientCount; i++) {
    const districtCode = i % 5 === 4 ? scopedDistricts[Math.floor(i / 5) % scopedDistricts.length] : null;
    const created = await call<{ token: string }>(admin, 'POST', '/api/wall-displays', {
      name: `大屏基准 ${i + 1}`,
      districtCode,
      playlist: { scenes: [{ scene: 'overview', dwellSeconds: 30 }], nightHours: null },
    });
    const paired = await fetch(`${base}/api/wall/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: created.token }),
    });
    if (paired.status !== 200) throw new Error(`POST /api/wall/pair: ${paired.status} ${await paired.text()}`);
    const cookie = (paired.headers.get('set-cookie') ?? '').split(';')[0];
    displays.push({ districtCode, cookie, arrivals: new Float64Array(slots), duplicates: 0, outOfRange: 0, reconnects: 0 });
  }

  const before = await liveEventsAfter(database, { afterId: 0, scope: cityWide, limit: 1_000_000 });
  const firstId = (before.at(-1)?.id ?? 0) + 1;
  const abort = new AbortController();
  progress(`opening ${clientCount} streams`);
  await Promise.all(displays.map((d) => subscribe(base, d, firstId, abort.signal)));

  // Per write, preallocated: when its request started and when it was answered, and the clue it made.
  const requestStart = new Float64Array(expectedEvents);
  const answered = new Float64Array(expectedEvents);
  const clueIds = new Int32Array(expectedEvents);
  const writeErrors: string[] = [];
  const memory: { atSeconds: number; rssMiB: number; heapUsedMiB: number; externalMiB: number }[] = [];
  const started = performance.now();
  const sample = () => {
    gc?.();
    const m = process.memoryUsage();
    memory.push({ atSeconds: round((performance.now() - started) / 1000, 1), rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), externalMiB: mib(m.external) });
  };
  sample();
  const sampler = setInterval(() => {
    sample();
    const last = memory.at(-1)!;
    progress(`${last.atSeconds} s: rss ${last.rssMiB} MiB, heap ${last.heapUsedMiB} MiB, ${writes} writes`);
  }, sampleMs);

  // Writes on a fixed schedule (not one after another): a slow write does not lower the rate, it overlaps the next.
  let writes = 0;
  const inFlight = new Set<Promise<void>>();
  const write = async (i: number) => {
    const d = writeDistricts[i % writeDistricts.length];
    const body = JSON.stringify({
      source: '12345',
      reportedAt: '2026-11-20T09:30:00+08:00',
      geometry: { type: 'Point', coordinates: [d.office[0] + (i % 100) * 1e-5, d.office[1]] },
      address: `${d.name} 测试路 ${i} 号`,
      description: `大屏推送基准 ${i}`,
      suspectedType: 'residential_flat',
    });
    requestStart[i] = performance.now();
    const response = await fetch(`${base}/api/clues`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: admin }, body });
    answered[i] = performance.now();
    if (response.status !== 201) writeErrors.push(`${response.status} ${await response.text()}`);
    else clueIds[i] = ((await response.json()) as { id: number }).id;
  };
  progress(`writing ${rate}/s for ${minutes} min`);
  for (let i = 0; i < expectedEvents; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const p = write(i).catch((error: unknown) => void writeErrors.push(String(error)));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    writes = i + 1;
  }
  await Promise.all(inFlight);
  const writingSeconds = (performance.now() - started) / 1000;
  await sleep(3_000);
  sample();
  clearInterval(sampler);
  abort.abort();

  // The outbox as written (read back after the run, not timed): which event each clue made and where.
  const outbox = await liveEventsAfter(database, { afterId: firstId - 1, scope: cityWide, limit: 10_000_000 });
  const eventOfClue = new Map(outbox.filter((e) => e.kind === 'clue.created').map((e) => [Number(e.payload.clueId), e]));
  const latencies: number[] = [];
  const afterAnswer: number[] = [];
  let missing = 0;
  let expectedDeliveries = 0;
  let unmatchedWrites = 0;
  let outsideScope = 0;
  const visible = (display: Display, districtCode: string | null) => display.districtCode === null || districtCode === null || districtCode === display.districtCode;
  for (let i = 0; i < expectedEvents; i++) {
    const event = clueIds[i] ? eventOfClue.get(clueIds[i]) : undefined;
    if (!event) {
      unmatchedWrites += 1;
      continue;
    }
    const slot = event.id - firstId;
    for (const d of displays) {
      const at = slot >= 0 && slot < d.arrivals.length ? d.arrivals[slot] : 0;
      if (!visible(d, event.districtCode)) {
        if (at !== 0) outsideScope += 1;
        continue;
      }
      expectedDeliveries += 1;
      if (at === 0) missing += 1;
      else {
        latencies.push(at - requestStart[i]);
        afterAnswer.push(at - answered[i]);
      }
    }
  }
  // Events of other kinds (none expected from clue registration) count as missing where visible and not received.
  for (const event of outbox) {
    if (event.kind === 'clue.created') continue;
    const slot = event.id - firstId;
    for (const d of displays) if (visible(d, event.districtCode) && !(slot >= 0 && slot < d.arrivals.length && d.arrivals[slot] !== 0)) missing += 1;
  }

  const afterWarmUp = memory.filter((m) => m.atSeconds * 1000 >= warmUpMs);
  const first = afterWarmUp[0] ?? memory[0];
  const last = memory.at(-1)!;
  const growth = (a: number, b: number) => round(((b - a) / a) * 100, 1);
  const rssGrowthPercent = growth(first.rssMiB, last.rssMiB);
  const p95 = percentileMs(latencies, 95);
  const result = {
    engine: database.engine,
    clients: clientCount,
    scopedClients: displays.filter((d) => d.districtCode !== null).length,
    minutes,
    ratePerSecond: rate,
    writes: expectedEvents,
    writingSeconds: round(writingSeconds, 1),
    writeErrors: writeErrors.length,
    firstWriteError: writeErrors[0] ?? null,
    unmatchedWrites,
    outboxEvents: outbox.length,
    expectedDeliveries,
    deliveries: latencies.length,
    missing,
    duplicates: displays.reduce((n, d) => n + d.duplicates, 0),
    outsideScope,
    outOfRange: displays.reduce((n, d) => n + d.outOfRange, 0),
    streamsEndedByServer: displays.reduce((n, d) => n + d.reconnects, 0),
    latencyFrom: 'the start of the write request to the event’s arrival at each display (loopback HTTP)',
    p50Ms: round(percentileMs(latencies, 50)),
    p95Ms: round(p95),
    p99Ms: round(percentileMs(latencies, 99)),
    // Not Math.max(...latencies): a run has hundreds of thousands of deliveries, past the spread's argument limit.
    maxMs: round(latencies.length ? latencies.reduce((a, b) => Math.max(a, b)) : NaN),
    afterAnswerP50Ms: round(percentileMs(afterAnswer, 50)),
    afterAnswerP95Ms: round(percentileMs(afterAnswer, 95)),
    writeP50Ms: round(percentileMs(Array.from(answered, (a, i) => a - requestStart[i]), 50)),
    memory: {
      what: 'process.memoryUsage() of this process (server, clients and, on PGlite, the embedded database), every 10 s, after a GC when --expose-gc',
      gcBeforeSample: gc !== undefined,
      warmUpSeconds: warmUpMs / 1000,
      first,
      last,
      rssGrowthPercent,
      heapUsedGrowthPercent: growth(first.heapUsedMiB, last.heapUsedMiB),
      samples: memory,
    },
    targets,
    met: {
      rssGrowth: rssGrowthPercent < targets.rssGrowthPercent,
      noMissing: missing === 0,
      p95: p95 <= targets.p95Ms,
    },
  };
  app.deps.liveEvents.stop();
  server.close();
  await database.close();
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

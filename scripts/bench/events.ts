// Delivery latency of the live-event stream: S subscribers of `/api/events` over loopback HTTP, N clues registered
// through the API one after another; for each event and subscriber, the time from the start of the write's request
// to the event's arrival (so it includes the write itself). Two writers: this server (its reader is woken at the
// commit) and a second app on the same database (as another server process would be: heard by LISTEN/NOTIFY). Prints JSON.
//
//   npm run --silent bench:events [-- --subscribers 100 --events 40]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:events   (the database is reset!)
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { liveEventsAfter } from '../../db/queries/live-events.js';
import { cityWide } from '../../db/queries/queryable.js';
import { createApp } from '../../server/app.js';
import { percentileMs, round } from './api/stats.js';
import { seededBenchDatabase } from './seeded-database.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const subscriberCount = Number(option('subscribers', '100'));
const eventCount = Number(option('events', '40'));
const gapMs = Number(option('gap-ms', '50'));
const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type App = ReturnType<typeof createApp>;

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Opens a stream and records, per event id, when it arrived; resolves once the stream is open. */
async function subscribe(base: string, cookie: string, arrivals: Map<number, number>, abort: AbortSignal): Promise<void> {
  const response = await fetch(`${base}/api/events`, { headers: { Cookie: cookie }, signal: abort });
  if (response.status !== 200) throw new Error(`subscribe: ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let opened: () => void = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  void (async () => {
    try {
      for (;;) {
        const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
        if (chunk.done) return;
        const value = chunk.value;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(': connected')) opened();
          const id = /^id: (\d+)$/m.exec(block);
          if (id) arrivals.set(Number(id[1]), at);
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  await open;
}

interface Written {
  requestStart: number;
  /** When the answer came: the change (and its event) had committed by then. */
  answered: number;
  clueId: number;
}

async function writeClues(app: App | string, cookie: string, count: number, tag: string): Promise<Written[]> {
  const written = [];
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify({
      source: '12345',
      reportedAt: '2026-11-20T09:30:00+08:00',
      geometry: { type: 'Point', coordinates: [121.3975 + i * 1e-5, 31.2495] },
      address: `普陀区 测试路 ${i} 号`,
      description: `事件推送基准 ${tag} ${i}`,
      suspectedType: 'residential_flat',
    });
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body };
    const requestStart = performance.now();
    const response = typeof app === 'string' ? await fetch(`${app}/api/clues`, init) : await app.request('/api/clues', init);
    if (response.status !== 201) throw new Error(`POST /api/clues: ${response.status} ${await response.text()}`);
    const answered = performance.now();
    written.push({ requestStart, answered, clueId: ((await response.json()) as { id: number }).id });
    await sleep(gapMs);
  }
  return written;
}

async function main() {
  const database = await seededBenchDatabase({ asOf, password, scale: 'test', progress });

  const app = createApp({ database });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The second "process": its own app (its own reader, which this server's never hears from) on the same database.
  const otherProcess = createApp({ database });

  const cookies = await Promise.all(Array.from({ length: subscriberCount }, (_, i) => login(base, i % 4 === 0 ? 'putuo_leader' : 'admin')));
  const arrivals = cookies.map(() => new Map<number, number>());
  const abort = new AbortController();
  progress(`opening ${subscriberCount} streams`);
  await Promise.all(cookies.map((c, i) => subscribe(base, c, arrivals[i], abort.signal)));
  const writer = await login(base, 'admin');
  const otherLogin = await otherProcess.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const otherCookie = (otherLogin.headers.get('set-cookie') ?? '').split(';')[0];

  const measure = async (label: string, write: () => Promise<Written[]>) => {
    progress(`${label}: writing ${eventCount} events`);
    const written = await write();
    await sleep(2_500);
    // The outbox ids of the clue.created events, by clue (read back after the run, not timed).
    const outbox = await liveEventsAfter(database, { afterId: 0, scope: cityWide, limit: 1_000_000 });
    const eventOfClue = new Map(outbox.filter((e) => e.kind === 'clue.created').map((e) => [Number(e.payload.clueId), e.id]));
    const latencies: number[] = [];
    const afterAnswer: number[] = [];
    let missing = 0;
    for (const w of written) {
      const id = eventOfClue.get(w.clueId)!;
      for (const a of arrivals) {
        const at = a.get(id);
        if (at === undefined) missing += 1;
        else {
          latencies.push(at - w.requestStart);
          afterAnswer.push(at - w.answered);
        }
      }
    }
    return {
      events: written.length,
      deliveries: latencies.length,
      missing,
      p50Ms: round(percentileMs(latencies, 50)),
      p95Ms: round(percentileMs(latencies, 95)),
      maxMs: round(Math.max(...latencies)),
      withinOneSecond: round(latencies.filter((l) => l <= 1000).length / Math.max(1, latencies.length), 4),
      /** The write's own time (request to answer): part of every latency above. */
      writeP50Ms: round(percentileMs(written.map((w) => w.answered - w.requestStart), 50)),
      /** From the write's answer (after its commit) to the arrival; negative when the event came first. */
      afterAnswerP50Ms: round(percentileMs(afterAnswer, 50)),
      afterAnswerP95Ms: round(percentileMs(afterAnswer, 95)),
    };
  };

  const sameProcess = await measure('woken at commit', () => writeClues(base, writer, eventCount, 'a'));
  const polled = await measure('another process (NOTIFY)', () => writeClues(otherProcess, otherCookie, eventCount, 'b'));

  abort.abort();
  app.deps.liveEvents.stop();
  server.close();
  await database.close();
  console.log(
    JSON.stringify(
      {
        engine: database.engine,
        subscribers: subscriberCount,
        scopedSubscribers: cookies.filter((_, i) => i % 4 === 0).length,
        gapBetweenWritesMs: gapMs,
        latencyFrom: 'the start of the write request to the event’s arrival at each subscriber (loopback HTTP)',
        targetMs: 1000,
        sameProcess,
        otherProcess: polled,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

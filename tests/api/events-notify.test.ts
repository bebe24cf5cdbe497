import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, type Database } from '../../db/client.js';
import { appendLiveEvent } from '../../db/queries/live-events.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { loginCookie, testApp, type TestApp } from '../support/api.js';
import { databaseUrlOf, testAsOf, testDatabase } from '../support/db.js';
import { readSse, type SseReader } from '../support/sse.js';

// The reader hears every server's commits (NOTIFY): with its poll set to ten minutes, an event another connection
// commits still arrives at once; without LISTEN it would not. With the listening connection gone, the poll delivers.

const NO_POLL = { pollMs: 600_000, heartbeatMs: 60_000 };
const open: SseReader[] = [];
const apps: TestApp[] = [];
let database: Database;
/** Another server's connection to the same database (PostgreSQL); PGlite has only the one. */
let otherWriter: Database;

beforeAll(async () => {
  database = await testDatabase();
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const [{ name }] = await database.rows(sql`SELECT current_database() AS name`);
    otherWriter = await createDb({ databaseUrl: databaseUrlOf(serverUrl, String(name)) });
  } else otherWriter = database;
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  for (const app of apps) app.deps.liveEvents.stop();
  if (otherWriter !== database) await otherWriter.close();
});

async function streamOf(app: TestApp): Promise<SseReader> {
  apps.push(app);
  const response = await app.request('/api/events', { headers: { Cookie: await loginCookie(app, 'admin') } });
  expect(response.status).toBe(200);
  const stream = readSse(response);
  open.push(stream);
  await stream.waitFor((m) => m.some((x) => x.comments.includes('connected')));
  // The reader's first read of the outbox follows the stream's start; past it, the reader sleeps until woken.
  await new Promise((r) => setTimeout(r, 300));
  return stream;
}

let marker = 0;
/** Commits a clue.status event through `writer` without telling any hub; returns its clue id tag. */
async function commitElsewhere(writer: Database): Promise<number> {
  const tag = 600_000 + ++marker;
  await inTransaction(writer, (tx) =>
    appendLiveEvent(tx, { kind: 'clue.status', at: testAsOf, districtCode: '310107', campaignId: null, payload: { clueId: tag, districtCode: '310107', from: 'received', to: 'registered' } }),
  );
  return tag;
}

const arrived = (stream: SseReader, tag: number) => () => stream.events().some((e) => e.data?.payload?.clueId === tag);

describe('live events across servers (LISTEN/NOTIFY)', () => {
  test('an event another server commits arrives within a second, with no poll to find it', async () => {
    const stream = await streamOf(await testApp({ liveEvents: NO_POLL }));
    const started = performance.now();
    const tag = await commitElsewhere(otherWriter);
    await stream.waitFor(arrived(stream, tag), 2_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('a rolled-back event sends no notification that delivers anything; the next commit does', async () => {
    const stream = await streamOf(await testApp({ liveEvents: NO_POLL }));
    const rolled = 650_000 + ++marker;
    await expect(
      inTransaction(otherWriter, async (tx) => {
        await appendLiveEvent(tx, { kind: 'clue.status', at: testAsOf, districtCode: '310107', campaignId: null, payload: { clueId: rolled, districtCode: '310107', from: 'received', to: 'registered' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const tag = await commitElsewhere(otherWriter);
    await stream.waitFor(arrived(stream, tag), 2_000);
    expect(stream.events().some((e) => e.data?.payload?.clueId === rolled)).toBe(false);
  });

  test('a database that cannot listen still delivers by polling', async () => {
    const deaf: Database = { ...database, listen: () => Promise.reject(new Error('LISTEN is not available')) };
    const errors: unknown[] = [];
    const stream = await streamOf(await testApp({ database: deaf, liveEvents: { pollMs: 100, heartbeatMs: 60_000, onError: (e) => errors.push(e) } }));
    const tag = await commitElsewhere(otherWriter);
    await stream.waitFor(arrived(stream, tag), 3_000);
    expect(String(errors[0])).toContain('LISTEN is not available');
  });

  test.runIf(process.env.DATABASE_URL)('PostgreSQL: the listening connection, once killed, comes back and hears again', async () => {
    const stream = await streamOf(await testApp({ liveEvents: NO_POLL }));
    const listeners = async () => (await database.rows(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`)).map((r) => Number(r.pid));
    const before = await listeners();
    expect(before.length).toBeGreaterThan(0);
    await database.rows(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`);
    // Reconnected within the first backoff steps (0.2 s, 0.4 s …).
    const deadline = Date.now() + 5_000;
    let after: number[] = [];
    while (Date.now() < deadline) {
      after = (await listeners()).filter((pid) => !before.includes(pid));
      if (after.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(after.length).toBeGreaterThan(0);
    const tag = await commitElsewhere(otherWriter);
    await stream.waitFor(arrived(stream, tag), 2_000);
  });
});

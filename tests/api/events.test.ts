import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appendLiveEvent } from '../../db/queries/live-events.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { liveEventSchema } from '../../server/contract/events.js';
import { sessionTokenHash } from '../../server/auth/session-token.js';
import { announceOverdueClues } from '../../server/services/clues.js';
import { loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { testAsOf, testDatabase } from '../support/db.js';
import { readSse, type SseReader } from '../support/sse.js';

let app: TestApp;
let database: Database;
let admin: string;
let leader: string;
const open: SseReader[] = [];

beforeAll(async () => {
  app = await testApp({ liveEvents: { pollMs: 100, heartbeatMs: 150 } });
  database = await testDatabase();
  [admin, leader] = await Promise.all([loginCookie(app, 'admin'), loginCookie(app, 'putuo_leader')]);
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  app.deps.liveEvents.stop();
});

async function connect(cookie: string | undefined, options: { lastEventId?: number; query?: string; target?: TestApp } = {}): Promise<SseReader> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = String(options.lastEventId);
  const response = await (options.target ?? app).request(`/api/events${options.query ?? ''}`, { headers });
  const stream = readSse(response);
  open.push(stream);
  if (response.status === 200) await stream.waitFor((m) => m.some((x) => x.comments.includes('connected')));
  return stream;
}

let marker = 0;
/** A committed clue.status event of `district` (or a city-wide campaign.status when null), with a unique clue id. */
async function writeEvent(district: string | null, q: Database = database): Promise<{ id: number; tag: number }> {
  const tag = 900_000 + ++marker;
  const id = await inTransaction(q, (tx) =>
    appendLiveEvent(
      tx,
      district === null
        ? { kind: 'campaign.status', at: testAsOf, districtCode: null, campaignId: tag, payload: { campaignId: tag, version: 1, name: 't', from: 'approved', to: 'active' } }
        : { kind: 'clue.status', at: testAsOf, districtCode: district, campaignId: null, payload: { clueId: tag, districtCode: district, from: 'received', to: 'registered' } },
    ),
  );
  app.deps.liveEvents.notify();
  return { id, tag };
}

const tagOf = (data: any): number => data.payload?.clueId ?? data.payload?.campaignId;
const hasTag = (s: SseReader, tag: number) => () => s.events().some((e) => e.data && tagOf(e.data) === tag);

describe('GET /api/events', () => {
  test('without a session: 401 and no stream', async () => {
    const response = await app.request('/api/events');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  test('a bad Last-Event-ID is refused with 400', async () => {
    const response = await app.request('/api/events', { headers: { Cookie: admin, 'Last-Event-ID': 'abc' } });
    expect(response.status).toBe(400);
  });

  test('the stream opens with the retry hint and delivers an event committed after it connected, as a LiveEvent', async () => {
    const stream = await connect(admin);
    expect(stream.messages[0].retry).toBe(3000);
    const { id, tag } = await writeEvent('310107');
    await stream.waitFor(hasTag(stream, tag));
    const got = stream.events().find((e) => e.data && tagOf(e.data) === tag)!;
    expect(got.id).toBe(String(id));
    expect(got.event).toBe('clue.status');
    expect(liveEventSchema.parse(got.data)).toMatchObject({ id, kind: 'clue.status', districtCode: '310107' });
  });

  test('a new stream starts at the newest event: nothing written before it connected is sent', async () => {
    const before = await writeEvent('310107');
    const stream = await connect(admin);
    const after = await writeEvent('310107');
    await stream.waitFor(hasTag(stream, after.tag));
    expect(stream.events().some((e) => e.data && tagOf(e.data) === before.tag)).toBe(false);
  });

  test('a registered clue and its status step are announced from the clue writes', async () => {
    const stream = await connect(leader);
    const [lon, lat] = [121.3975, 31.2495];
    const created = await sendJson(
      app,
      'POST',
      '/api/clues',
      { source: '12345', reportedAt: '2026-10-31T09:30:00+08:00', geometry: { type: 'Point', coordinates: [lon, lat] }, address: '普陀区 测试路 2 号', description: '疑似无证培训', suspectedType: 'residential_flat' },
      leader,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clueId = created.body.id;
    expect((await sendJson(app, 'PATCH', `/api/clues/${clueId}`, { status: 'registered' }, leader)).status).toBe(200);
    await stream.waitFor(() => stream.events().some((e) => e.event === 'clue.status' && e.data.payload.clueId === clueId));
    const mine = stream.events().filter((e) => e.data?.payload?.clueId === clueId);
    expect(mine.map((e) => e.event)).toEqual(['clue.created', 'clue.status']);
    expect(mine[0].data.payload).toMatchObject({ clueId, districtCode: '310107', source: '12345', status: 'received', dueAt: '2026-11-20T16:00:00.000Z' });
    expect(mine[1].data.payload).toEqual({ clueId, districtCode: '310107', from: 'received', to: 'registered' });
  });

  test('a refused clue write (a transition the loop forbids) announces nothing', async () => {
    const count = async () => Number((await database.rows(sql`SELECT count(*) AS n FROM live_events`))[0].n);
    const before = await count();
    const refused = await sendJson(app, 'PATCH', '/api/clues/999999999', { status: 'registered' }, admin);
    expect(refused.status).toBe(404);
    expect(await count()).toBe(before);
  });

  test('an event written in a transaction that rolls back is never sent; the next committed one is', async () => {
    const stream = await connect(admin);
    const rolledTag = 800_000 + ++marker;
    await expect(
      inTransaction(database, async (tx) => {
        await appendLiveEvent(tx, {
          kind: 'clue.status',
          at: testAsOf,
          districtCode: '310107',
          campaignId: null,
          payload: { clueId: rolledTag, districtCode: '310107', from: 'received', to: 'registered' },
        });
        throw new Error('the change fails after its event was written');
      }),
    ).rejects.toThrow('the change fails');
    app.deps.liveEvents.notify();
    const next = await writeEvent('310107');
    await stream.waitFor(hasTag(stream, next.tag));
    expect(stream.events().some((e) => e.data && tagOf(e.data) === rolledTag)).toBe(false);
    const rows = await database.rows(sql`SELECT count(*) AS n FROM live_events WHERE payload ->> 'clueId' = ${String(rolledTag)}`);
    expect(Number(rows[0].n)).toBe(0);
  });

  test('a district leader receives its district’s and city-wide events, never another district’s', async () => {
    const leaderStream = await connect(leader);
    const adminStream = await connect(admin);
    const other = await writeEvent('310106');
    const own = await writeEvent('310107');
    const cityWide = await writeEvent(null);
    const last = await writeEvent('310107');
    await leaderStream.waitFor(hasTag(leaderStream, last.tag));
    await adminStream.waitFor(hasTag(adminStream, last.tag));
    const tags = (s: SseReader) => s.events().filter((e) => e.data && [other, own, cityWide, last].some((w) => w.tag === tagOf(e.data))).map((e) => tagOf(e.data));
    expect(tags(leaderStream)).toEqual([own.tag, cityWide.tag, last.tag]);
    expect(tags(adminStream)).toEqual([other.tag, own.tag, cityWide.tag, last.tag]);
    // Replay is scoped the same way.
    const replay = await connect(leader, { lastEventId: other.id - 1 });
    await replay.waitFor(hasTag(replay, last.tag));
    expect(tags(replay)).toEqual([own.tag, cityWide.tag, last.tag]);
  });

  test('a reconnect with Last-Event-ID gets exactly the events it missed, in order, then the live ones', async () => {
    const first = await connect(admin);
    const seen = await writeEvent('310107');
    await first.waitFor(hasTag(first, seen.tag));
    const lastSeen = Number(first.events().filter((e) => e.id).at(-1)!.id);
    await first.close();
    const missed: { id: number; tag: number }[] = [];
    for (let i = 0; i < 5; i++) missed.push(await writeEvent(i % 2 ? '310106' : '310107'));
    const second = await connect(admin, { lastEventId: lastSeen });
    const live = await writeEvent('310107');
    await second.waitFor(hasTag(second, live.tag));
    const ids = second.events().filter((e) => e.id).map((e) => Number(e.id));
    expect(ids).toEqual([...missed.map((m) => m.id), live.id]);
    // The query parameter does the same for a client that cannot set headers.
    const third = await connect(admin, { query: `?lastEventId=${lastSeen}` });
    await third.waitFor(hasTag(third, live.tag));
    expect(third.events().filter((e) => e.id).map((e) => Number(e.id))).toEqual([...missed.map((m) => m.id), live.id]);
  });

  test('a reconnect replays more than one page of the outbox without gaps', async () => {
    const paged = await testApp({ liveEvents: { pollMs: 100, heartbeatMs: 1000, pageSize: 3 } });
    const cookie = await loginCookie(paged, 'admin');
    const start = (await writeEvent('310107')).id;
    const written: number[] = [];
    for (let i = 0; i < 8; i++) written.push((await writeEvent('310107')).id);
    const stream = await connect(cookie, { lastEventId: start, target: paged });
    await stream.waitFor(() => stream.events().filter((e) => e.id).length >= 8);
    expect(stream.events().filter((e) => e.id).map((e) => Number(e.id))).toEqual(written);
    await stream.close();
    paged.deps.liveEvents.stop();
  });

  test('a heartbeat arrives while nothing happens: a comment, and an event a page can see saying when the next is due', async () => {
    const stream = await connect(admin);
    await stream.waitFor((m) => m.some((x) => x.comments.includes('heartbeat')), 2_000);
    const beat = stream.messages.find((x) => x.comments.includes('heartbeat'))!;
    // No id: a heartbeat must not move the client's Last-Event-ID.
    expect(beat).toEqual({ comments: ['heartbeat'], event: 'heartbeat', data: JSON.stringify({ intervalMs: 150 }) });
  });

  test('events written by another process on the same database arrive without the app waking its reader', async () => {
    const stream = await connect(admin);
    const tag = 700_000 + ++marker;
    // Not through the app and without notify: as another server would write it.
    await inTransaction(database, (tx) =>
      appendLiveEvent(tx, { kind: 'clue.status', at: testAsOf, districtCode: '310107', campaignId: null, payload: { clueId: tag, districtCode: '310107', from: 'received', to: 'registered' } }),
    );
    await stream.waitFor(hasTag(stream, tag), 3_000);
  });

  test('logout ends the session’s streams with an end event', async () => {
    const cookie = await loginCookie(app, 'planner');
    const stream = await connect(cookie);
    const out = await app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } });
    expect(out.status).toBeLessThan(300);
    await stream.closed;
    expect(stream.events().at(-1)).toEqual({ id: undefined, event: 'end', data: { reason: 'session_ended' } });
    expect((await app.request('/api/events', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  test('a session ended elsewhere (its row deleted by another process) ends the stream at a heartbeat', async () => {
    let clock = testAsOf.getTime();
    const other = await testApp({ now: () => new Date(clock), liveEvents: { pollMs: 100, heartbeatMs: 100 } });
    const cookie = await loginCookie(other, 'wall');
    const stream = await connect(cookie, { target: other });
    // Another process's logout: this process's session cache does not hear of it, the heartbeat's check does (≤ 5 s cache).
    await database.rows(sql`DELETE FROM sessions WHERE token_hash = ${sessionTokenHash(cookie.split('=')[1])}`);
    clock += 10_000; // past the session cache's few seconds
    await stream.closed;
    expect(stream.events().at(-1)?.data).toEqual({ reason: 'session_ended' });
    other.deps.liveEvents.stop();
  }, 15_000);

  test('a client that stops reading is dropped once its buffer is full, and may resume from its Last-Event-ID', async () => {
    const small = await testApp({ liveEvents: { pollMs: 50, heartbeatMs: 60_000, bufferLimit: 3 } });
    const cookie = await loginCookie(small, 'admin');
    const response = await small.request('/api/events', { headers: { Cookie: cookie } });
    const written: { id: number }[] = [];
    for (let i = 0; i < 12; i++) written.push(await writeEvent('310107'));
    small.deps.liveEvents.notify();
    await new Promise((r) => setTimeout(r, 500));
    const stream = readSse(response);
    await stream.closed;
    const ids = stream.events().filter((e) => e.id).map((e) => Number(e.id));
    expect(stream.events().at(-1)?.data).toEqual({ reason: 'behind' });
    expect(ids.length).toBeLessThan(written.length);
    const resumed = await connect(cookie, { lastEventId: ids.at(-1) ?? written[0].id - 1, target: small });
    await resumed.waitFor(() => resumed.events().some((e) => Number(e.id) === written.at(-1)!.id));
    const all = [...ids, ...resumed.events().filter((e) => e.id).map((e) => Number(e.id))];
    expect(all).toEqual(written.map((w) => w.id));
    await resumed.close();
    small.deps.liveEvents.stop();
  });
});

describe('clue.overdue', () => {
  test('each open clue past its due time is announced once, in its district', async () => {
    const stream = await connect(admin);
    // A consultation (5 working days) reported on Thursday 22 October: due Thursday 29 October 24:00, days ago.
    const created = await sendJson(
      app,
      'POST',
      '/api/clues',
      { source: '12345', kind: 'consultation', reportedAt: '2026-10-22T09:00:00+08:00', geometry: { type: 'Point', coordinates: [121.3975, 31.2495] }, address: '普陀区 测试路 3 号', description: '超期测试', suspectedType: 'residential_flat' },
      admin,
    );
    expect(created.status).toBe(201);
    const first = await announceOverdueClues(app.deps);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await announceOverdueClues(app.deps)).toBe(0);
    await stream.waitFor(() => stream.events().some((e) => e.event === 'clue.overdue' && e.data.payload.clueId === created.body.id));
    const overdue = stream.events().filter((e) => e.event === 'clue.overdue');
    expect(overdue).toHaveLength(first);
    expect(new Set(overdue.map((e) => e.data.payload.clueId)).size).toBe(first);
    expect(overdue.find((e) => e.data.payload.clueId === created.body.id)!.data).toMatchObject({
      districtCode: '310107',
      payload: { districtCode: '310107', status: 'received', dueAt: '2026-10-29T16:00:00.000Z' },
    });
    // Every one is open and past due at the clock, none older than the news window.
    for (const e of overdue) {
      expect(['closed', 'rejected']).not.toContain(e.data.payload.status);
      expect(Date.parse(e.data.payload.dueAt)).toBeLessThanOrEqual(testAsOf.getTime());
    }
  });
});

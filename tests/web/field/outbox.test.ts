import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dropItem, outboxLoop, retryItem, syncOnce, type Answer, type OutboxStore } from '../../../web/field/outbox.js';
import { closeFieldDb, idbOutboxStore, loadDay, openFieldDb, saveDay, type FieldDatabase } from '../../../web/field/store.js';
import { classifyAnswer, queueCounts, retryDelayMs, type QueueItem, type StoredQueueItem } from '../../../web/state/field-queue.js';

// The outbox on fake-indexeddb against a small fake of the field API that keeps what it stored by idempotency key,
// refuses a check-in whose photo it has not got (as the server does) and answers a replayed key with 200.

const USER = 7;
const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
let dbCount = 0;
let db: FieldDatabase;
let store: OutboxStore;

beforeEach(async () => {
  db = await openFieldDb(`outbox-test-${++dbCount}`);
  store = idbOutboxStore(db);
});
afterEach(() => closeFieldDb(db));

const base = { userId: USER, queuedAt: '2027-01-25T09:00:00+08:00', state: 'pending' as const, attempts: 0, error: null };
const photo = (sha256: string, forCheckIn: string, key = crypto.randomUUID()): QueueItem => ({
  ...base,
  kind: 'photo',
  key,
  label: 'photo',
  sha256,
  mediaType: 'image/jpeg',
  blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' }),
  forCheckIn,
});
const checkIn = (key: string, targetKey: string, photos: string[]): QueueItem => ({
  ...base,
  kind: 'checkIn',
  key,
  label: targetKey,
  body: {
    idempotencyKey: key,
    campaignId: 1,
    teamId: '310107/2027-01-25/s1#1',
    targetKey,
    result: 'compliant',
    findings: [{ item: 'safety', finding: 'ok' }],
    notes: '',
    photos,
    position: { lon: 121.4, lat: 31.2, accuracyMetres: 10 },
    checkedAt: '2027-01-25T09:10:00+08:00',
  },
});
const arrival = (targetKey: string, key = crypto.randomUUID()): QueueItem => ({
  ...base,
  kind: 'arrival',
  key,
  label: targetKey,
  body: { idempotencyKey: key, campaignId: 1, teamId: '310107/2027-01-25/s1#1', targetKey, arrivedAt: '2027-01-25T09:05:00+08:00', position: null },
});

/** The fake server: what it stored, the order it was asked, and answers to force for the next requests. */
function fakeServer() {
  const photos = new Set<string>();
  const byKey = new Map<string, string>();
  const checkIns: { key: string; targetKey: string; photos: string[] }[] = [];
  const asked: string[] = [];
  // Answers to give the next requests instead of the normal one; null = answer normally.
  const forced: (Answer | 'lost' | null)[] = [];
  const send = async (item: StoredQueueItem): Promise<Answer> => {
    asked.push(`${item.kind}:${item.kind === 'photo' ? item.sha256.slice(0, 1) : item.key.slice(0, 8)}`);
    const force = forced.shift();
    if (force && force !== 'lost') return force;
    let answer: Answer;
    if (item.kind === 'photo') {
      answer = { status: photos.has(item.sha256) ? 200 : 201, body: { sha256: item.sha256 } };
      photos.add(item.sha256);
    } else {
      const body = JSON.stringify(item.kind === 'cosign' ? item.body : item.body);
      const seen = byKey.get(item.key);
      if (seen !== undefined) answer = seen === body ? { status: 200, body: {} } : { status: 409, body: { error: { code: 'conflict', message: 'the key was used with another body' } } };
      else if (item.kind === 'checkIn' && item.body.photos.some((s) => !photos.has(s)))
        answer = { status: 422, body: { error: { code: 'unprocessable', message: 'photo not uploaded' } } };
      else {
        byKey.set(item.key, body);
        if (item.kind === 'checkIn') checkIns.push({ key: item.key, targetKey: item.body.targetKey, photos: item.body.photos });
        answer = { status: 201, body: {} };
      }
    }
    // 'lost': the server did the work, the answer never reached the phone.
    if (force === 'lost') throw new TypeError('Failed to fetch');
    return answer;
  };
  return { send, photos, checkIns, asked, forced };
}

describe('what an answer means', () => {
  test.each([
    [200, 'done'],
    [201, 'done'],
    [400, 'failed'],
    [403, 'failed'],
    [404, 'failed'],
    [409, 'failed'],
    [413, 'failed'],
    [415, 'failed'],
    [422, 'failed'],
    [401, 'retry'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [0, 'retry'],
  ])('%i is %s', (status, outcome) => {
    expect(classifyAnswer(status)).toBe(outcome);
  });

  test('the back-off doubles from 2 s and stops at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});

describe('the outbox in IndexedDB', () => {
  test('sends in queueing order and forgets what the server stored', async () => {
    const server = fakeServer();
    const c1 = crypto.randomUUID();
    await store.addAll([arrival('institution:1', '00000001-0000-4000-8000-000000000000')]);
    await store.addAll([photo(SHA_A, c1), checkIn(c1, 'institution:1', [SHA_A])]);
    await store.addAll([arrival('institution:2', '00000002-0000-4000-8000-000000000000')]);
    const result = await syncOnce(store, server.send, USER);
    expect(server.asked).toEqual(['arrival:00000001', 'photo:a', `checkIn:${c1.slice(0, 8)}`, 'arrival:00000002']);
    expect(result.done.map((i) => i.kind)).toEqual(['arrival', 'photo', 'checkIn', 'arrival']);
    expect(await store.all()).toEqual([]);
    expect(server.checkIns).toEqual([{ key: c1, targetKey: 'institution:1', photos: [SHA_A] }]);
  });

  test('a photo kept as a Blob comes back from IndexedDB with its bytes and type', async () => {
    await store.addAll([photo(SHA_A, crypto.randomUUID())]);
    const [item] = await store.all();
    expect(item.kind).toBe('photo');
    const blob = (item as Extract<StoredQueueItem, { kind: 'photo' }>).blob;
    expect(blob.type).toBe('image/jpeg');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);
  });

  test('a check-in waits for its photos: a photo that must be retried stops the pass before the check-in', async () => {
    const server = fakeServer();
    const c1 = crypto.randomUUID();
    await store.addAll([photo(SHA_A, c1), photo(SHA_B, c1), checkIn(c1, 'institution:1', [SHA_A, SHA_B])]);
    server.forced.push(null, { status: 503, body: { error: { code: 'unavailable', message: 'down' } } });
    const first = await syncOnce(store, server.send, USER);
    expect(first.retryAt?.kind).toBe('photo');
    expect(server.asked).toEqual(['photo:a', 'photo:b']);
    const left = await store.all();
    expect(left.map((i) => i.kind)).toEqual(['photo', 'checkIn']);
    expect(left[0]).toMatchObject({ state: 'pending', attempts: 1, error: { status: 503, message: 'down' } });
    await syncOnce(store, server.send, USER);
    expect(server.asked.slice(2)).toEqual(['photo:b', `checkIn:${c1.slice(0, 8)}`]);
    expect(await store.all()).toEqual([]);
    expect(server.checkIns).toHaveLength(1);
  });

  test('a refused photo is kept, failed, with the server’s message; its check-in is held, the others go on', async () => {
    const server = fakeServer();
    const c1 = crypto.randomUUID();
    await store.addAll([photo(SHA_A, c1), checkIn(c1, 'institution:1', [SHA_A])]);
    await store.addAll([arrival('institution:2')]);
    server.forced.push({ status: 415, body: { error: { code: 'unsupported_media_type', message: 'not a JPEG or PNG by its bytes' } } });
    const result = await syncOnce(store, server.send, USER);
    expect(result.failed.map((i) => i.kind)).toEqual(['photo']);
    expect(result.done.map((i) => i.kind)).toEqual(['arrival']);
    const left = await store.all();
    expect(left.map((i) => [i.kind, i.state])).toEqual([
      ['photo', 'failed'],
      ['checkIn', 'pending'],
    ]);
    expect(left[0].error).toEqual({ status: 415, code: 'unsupported_media_type', message: 'not a JPEG or PNG by its bytes' });
    expect(queueCounts(left)).toEqual({ unsynced: 2, failed: 1 });
    // A pass again sends nothing: the failed photo waits for the officer, its check-in behind it.
    const again = await syncOnce(store, server.send, USER);
    expect(again.done).toEqual([]);
    expect(server.checkIns).toEqual([]);
    // 删除 of the photo: the check-in goes without it.
    await dropItem(store, left[0].seq);
    await syncOnce(store, server.send, USER);
    expect(server.checkIns).toEqual([{ key: c1, targetKey: 'institution:1', photos: [] }]);
    expect(await store.all()).toEqual([]);
  });

  test('重试 of a refused item sends it again with the same key; 删除 of a check-in takes its photos', async () => {
    const server = fakeServer();
    await store.addAll([arrival('institution:1')]);
    server.forced.push({ status: 422, body: { error: { code: 'unprocessable', message: 'the campaign is not active' } } });
    await syncOnce(store, server.send, USER);
    const [failed] = await store.all();
    expect(failed.state).toBe('failed');
    await retryItem(store, failed.seq);
    expect((await store.all())[0]).toMatchObject({ state: 'pending', error: null, key: failed.key, attempts: 1 });
    await syncOnce(store, server.send, USER);
    expect(await store.all()).toEqual([]);

    const c2 = crypto.randomUUID();
    await store.addAll([photo(SHA_A, c2), checkIn(c2, 'institution:2', [SHA_A])]);
    const checkInSeq = (await store.all()).find((i) => i.kind === 'checkIn')!.seq;
    await dropItem(store, checkInSeq);
    expect(await store.all()).toEqual([]);
  });

  test('a replayed key: the answer of the first send was lost, the retry gets 200 and the server holds one check-in', async () => {
    const server = fakeServer();
    const c1 = crypto.randomUUID();
    await store.addAll([checkIn(c1, 'institution:1', [])]);
    server.forced.push('lost');
    const first = await syncOnce(store, server.send, USER);
    expect(first.retryAt).toMatchObject({ key: c1, attempts: 1, error: { status: 0, code: 'network' } });
    expect(server.checkIns).toHaveLength(1);
    const second = await syncOnce(store, server.send, USER);
    expect(second.done.map((i) => i.key)).toEqual([c1]);
    expect(server.checkIns).toHaveLength(1);
    expect(await store.all()).toEqual([]);
  });

  test('a replayed key with another body is refused (409) and kept visible, not dropped', async () => {
    const server = fakeServer();
    const c1 = crypto.randomUUID();
    await store.addAll([checkIn(c1, 'institution:1', [])]);
    await syncOnce(store, server.send, USER);
    const changed = checkIn(c1, 'institution:1', []);
    if (changed.kind === 'checkIn') changed.body = { ...changed.body, result: 'rectify' };
    await store.addAll([changed]);
    await syncOnce(store, server.send, USER);
    const left = await store.all();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ state: 'failed', error: { status: 409, code: 'conflict' } });
    expect(server.checkIns).toHaveLength(1);
  });

  test('another user’s items on the same phone are not sent as the signed-in user’s', async () => {
    const server = fakeServer();
    await store.addAll([{ ...arrival('institution:1'), userId: 99 }]);
    expect((await syncOnce(store, server.send, USER)).done).toEqual([]);
    expect(server.asked).toEqual([]);
    expect(await store.all()).toHaveLength(1);
  });

  test('the day is kept per user', async () => {
    const day = { officer: { id: 1, name: '张三', certificateNo: '沪执1', departmentCode: 'edu', districtCode: '310107' }, date: '2027-01-25', assignments: [], upcoming: [] };
    await saveDay(db, USER, day, '2027-01-25T08:00:00+08:00');
    expect(await loadDay(db, USER)).toEqual({ day, savedAt: '2027-01-25T08:00:00+08:00' });
    expect(await loadDay(db, USER + 1)).toBeNull();
  });
});

describe('the sync loop', () => {
  test('retries with a growing back-off while the network is down, and stops backing off once through', async () => {
    const server = fakeServer();
    await store.addAll([arrival('institution:1')]);
    // A hand-driven clock: the test runs each scheduled retry itself, and sees the delays asked for.
    const scheduled: { run: () => void; ms: number }[] = [];
    const timers = { setTimeout: (run: () => void, ms: number) => scheduled.push({ run, ms }), clearTimeout: () => {} };
    const down = { status: 0, body: null };
    server.forced.push(down, down, down);
    const loop = outboxLoop(() => syncOnce(store, server.send, USER), timers);
    loop.kick();
    await loop.idle();
    for (let i = 0; i < 3; i++) {
      scheduled.at(-1)!.run();
      await loop.idle();
    }
    expect(scheduled.map((s) => s.ms)).toEqual([2000, 4000, 8000]);
    expect(await store.all()).toEqual([]);
    expect(server.asked).toHaveLength(4);
    loop.stop();
  });

  test('a kick during a pass runs one more pass after it (a write queued while sending is not left behind)', async () => {
    const server = fakeServer();
    await store.addAll([arrival('institution:1')]);
    let passes = 0;
    const loop = outboxLoop(
      async () => {
        passes += 1;
        return syncOnce(store, server.send, USER);
      },
      { setTimeout: () => null, clearTimeout: () => {} },
    );
    loop.kick();
    await store.addAll([arrival('institution:2')]);
    loop.kick();
    await loop.idle();
    expect(passes).toBe(2);
    expect(await store.all()).toEqual([]);
    expect(server.asked).toHaveLength(2);
  });
});

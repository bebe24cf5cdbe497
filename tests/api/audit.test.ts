import { beforeAll, describe, expect, test } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { auditHash, canonicalJson, genesisHash, verifyAuditChain, type AuditContent } from '../../db/queries/audit.js';
import { getJson, loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { tamperAuditLog, testDatabase } from '../support/db.js';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await testApp();
  admin = await loginCookie(app, 'admin');
  await loginCookie(app, 'planner');
  await loginCookie(app, 'wall');
});

const content: AuditContent = {
  at: new Date('2026-11-01T00:00:00Z'),
  actor: 'admin',
  action: 'clue.status',
  entity: 'clue',
  entityId: '7',
  before: { status: 'received', b: 1, a: [1, { y: 2, x: 1 }] },
  after: { status: 'registered' },
};

describe('the audit hash rule', () => {
  test('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [1, { y: 2, x: 1 }] })).toBe('{"a":[1,{"x":1,"y":2}],"b":1}');
  });

  test('hash = sha256(prev_hash + canonical JSON), changing with any field or with the previous hash', () => {
    const hash = auditHash(genesisHash, content);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(genesisHash, { ...content, before: { a: [1, { x: 1, y: 2 }], b: 1, status: 'received' } })).toBe(hash);
    expect(auditHash(genesisHash, { ...content, after: { status: 'closed' } })).not.toBe(hash);
    expect(auditHash(genesisHash, { ...content, actor: 'planner' })).not.toBe(hash);
    expect(auditHash('1'.repeat(64), content)).not.toBe(hash);
  });
});

describe('GET /api/audit', () => {
  test('pages newest first, each entry chained to the one before it', async () => {
    const first = await getJson(app, '/api/audit?limit=2', admin);
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    const [newer, older] = first.body.entries;
    expect(newer.id).toBeGreaterThan(older.id);
    expect(newer.prevHash).toBe(older.hash);
    expect(first.body.nextCursor).toBe(String(older.id));
    const second = await getJson(app, `/api/audit?limit=2&cursor=${first.body.nextCursor}`, admin);
    expect(second.body.entries[0].id).toBeLessThan(older.id);
    expect(older.prevHash).toBe(second.body.entries[0].hash);
  });

  test('logins are audited with the actor', async () => {
    const { body } = await getJson(app, '/api/audit?entity=session&limit=50', admin);
    const actors = body.entries.filter((e: any) => e.action === 'auth.login').map((e: any) => e.actor);
    expect(actors).toEqual(expect.arrayContaining(['admin', 'planner', 'wall']));
  });
});

describe('GET /api/audit filters', () => {
  /** The planner's login and logout at 10:00 Shanghai on 15 October, written by an app whose clock says so. */
  const earlyAt = '2026-10-15T02:00:00.000Z';
  let plannerId: number;
  let earlyLogin: any;
  let earlyLogout: any;

  beforeAll(async () => {
    const early = await testApp({ now: () => new Date(earlyAt) });
    const cookie = await loginCookie(early, 'planner');
    plannerId = (await getJson(early, '/api/auth/me', cookie)).body.id;
    await sendJson(early, 'POST', '/api/auth/logout', {}, cookie);
    const { body } = await getJson(app, `/api/audit?entity=session&entityId=${plannerId}&limit=10`, admin);
    earlyLogout = body.entries.find((e: any) => e.at === earlyAt && e.action === 'auth.logout');
    earlyLogin = body.entries.find((e: any) => e.at === earlyAt && e.action === 'auth.login');
  });

  const entriesOf = async (query: string) => {
    const { status, body } = await getJson(app, `/api/audit?${query}`, admin);
    expect(status, JSON.stringify(body)).toBe(200);
    return body.entries as any[];
  };
  const ids = (entries: any[]) => entries.map((e) => e.id);

  test('the entries the filters are tested on exist', () => {
    expect(earlyLogin).toMatchObject({ actor: 'planner', action: 'auth.login', entity: 'session', entityId: String(plannerId) });
    expect(earlyLogout.id).toBeGreaterThan(earlyLogin.id);
  });

  test('by actor: only that user, with the display name', async () => {
    const entries = await entriesOf('actor=planner&limit=500');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(['planner']));
    expect(new Set(entries.map((e) => e.actorName))).toEqual(new Set(['专项行动策划 Campaign planner']));
    expect(ids(entries)).toEqual(expect.arrayContaining([earlyLogin.id, earlyLogout.id]));
    expect(await entriesOf('actor=nobody')).toEqual([]);
  });

  test('by action: one or several, comma-separated', async () => {
    const logouts = await entriesOf('action=auth.logout&limit=500');
    expect(new Set(logouts.map((e) => e.action))).toEqual(new Set(['auth.logout']));
    expect(ids(logouts)).toContain(earlyLogout.id);
    expect(ids(logouts)).not.toContain(earlyLogin.id);
    const both = await entriesOf('action=auth.login,auth.logout&actor=planner&limit=500');
    expect(new Set(both.map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.logout']));
  });

  test('by entity type and id; the demo data build is by `system`, who has no display name', async () => {
    const sessions = await entriesOf(`entity=session&entityId=${plannerId}&limit=500`);
    expect(sessions.every((e) => e.entity === 'session' && e.entityId === String(plannerId))).toBe(true);
    expect(ids(sessions)).toEqual(expect.arrayContaining([earlyLogin.id, earlyLogout.id]));
    const [seed] = await entriesOf('entity=database');
    expect(seed).toMatchObject({ actor: 'system', actorName: null, action: 'seed', entityId: null });
  });

  test('by time: from inclusive, to exclusive, either end may stay open', async () => {
    const day = await entriesOf('from=2026-10-15T00:00:00%2B08:00&to=2026-10-16T00:00:00%2B08:00&limit=500');
    expect(ids(day)).toEqual(expect.arrayContaining([earlyLogin.id, earlyLogout.id]));
    for (const e of day) expect(e.at >= '2026-10-14T16:00:00.000Z' && e.at < '2026-10-15T16:00:00.000Z', e.at).toBe(true);
    expect(ids(await entriesOf(`from=${encodeURIComponent('2026-10-15T10:00:00+08:00')}&actor=planner&limit=500`))).toContain(earlyLogin.id);
    expect(ids(await entriesOf(`to=${encodeURIComponent('2026-10-15T10:00:00+08:00')}&actor=planner&limit=500`))).not.toContain(earlyLogin.id);
    expect(ids(await entriesOf('from=2026-10-16&actor=planner&limit=500'))).not.toContain(earlyLogin.id);
  });

  test('filtered pages follow nextCursor without gaps or repeats', async () => {
    const all = await entriesOf('actor=planner&action=auth.login,auth.logout&limit=500');
    const paged: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await getJson(app, `/api/audit?actor=planner&action=auth.login,auth.logout&limit=1${cursor ? `&cursor=${cursor}` : ''}`, admin)).body;
      expect(page.entries.length).toBeLessThanOrEqual(1);
      paged.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids(paged)).toEqual(ids(all));
    expect(ids(all)).toEqual([...ids(all)].sort((a, b) => b - a));
  });

  test('filter values are bound as parameters, not spliced into the SQL', async () => {
    expect(await entriesOf(`actor=${encodeURIComponent("planner' OR '1'='1")}`)).toEqual([]);
    expect(await entriesOf(`entity=session&entityId=${encodeURIComponent(`${plannerId} OR 1=1`)}`)).toEqual([]);
  });

  test.each([
    ['an unknown action', 'action=auth.hack', 'action', 'unknown value "auth.hack"'],
    ['an unknown entity type', 'entity=users', 'entity', ''],
    ['a from that is not a date', 'from=yesterday', 'from', 'ISO 8601'],
    ['a to before from', 'from=2026-10-16&to=2026-10-15', 'to', 'from must be before to'],
    ['an actor of 65 characters', `actor=${'a'.repeat(65)}`, 'actor', ''],
    ['an empty entity id', 'entityId=%20', 'entityId', ''],
    ['a cursor that is not one', 'cursor=1%20OR%201=1', 'cursor', 'nextCursor'],
  ])('%s is refused naming the field', async (_name, query, field, message) => {
    const { status, body } = await getJson(app, `/api/audit?${query}`, admin);
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    const issue = body.error.details.issues.find((i: any) => i.path.includes(field));
    expect(issue, JSON.stringify(body.error.details.issues)).toBeDefined();
    expect(issue.message).toContain(message);
  });
});

describe('who may read the audit log', () => {
  test('only an administrator: every audit endpoint is 403 for the other roles', async () => {
    const others = { planner: await loginCookie(app, 'planner'), putuo_leader: await loginCookie(app, 'putuo_leader'), wall: await loginCookie(app, 'wall') };
    for (const [name, cookie] of Object.entries(others)) {
      expect((await getJson(app, '/api/auth/me', cookie)).body.canReadAudit, name).toBe(false);
      for (const path of ['/api/audit', '/api/audit?action=auth.login', '/api/audit/actors', '/api/audit/verify']) {
        const { status, body } = await getJson(app, path, cookie);
        expect(status, `${name} ${path}`).toBe(403);
        expect(body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('administrator') });
      }
    }
    expect((await getJson(app, '/api/auth/me', admin)).body.canReadAudit).toBe(true);
  });

  test('without a session: 401', async () => {
    for (const path of ['/api/audit', '/api/audit/actors', '/api/audit/verify']) expect((await getJson(app, path)).status).toBe(401);
  });
});

describe('GET /api/audit/actors', () => {
  test('everyone in the log once, with display names and entry counts that add up to the log', async () => {
    const { status, body } = await getJson(app, '/api/audit/actors', admin);
    expect(status).toBe(200);
    const byActor = new Map(body.actors.map((a: any) => [a.actor, a]));
    expect(byActor.size).toBe(body.actors.length);
    expect(byActor.get('admin')).toMatchObject({ actorName: '系统管理员 Administrator', entries: expect.any(Number) });
    expect(byActor.get('system')).toMatchObject({ actorName: null, entries: 1 });
    const planner = (await getJson(app, '/api/audit?actor=planner&limit=5000', admin)).body.entries.length;
    expect((byActor.get('planner') as any).entries).toBe(planner);
    const total = body.actors.reduce((sum: number, a: any) => sum + a.entries, 0);
    expect(total).toBe((await verifyAuditChain(await testDatabase())).checked);
  });
});

describe('GET /api/audit/verify', () => {
  test('an intact chain: ok, every entry checked, the head named, as the command-line verifier says', async () => {
    const { status, body } = await getJson(app, '/api/audit/verify', admin);
    expect(status).toBe(200);
    const [newest] = (await getJson(app, '/api/audit?limit=1', admin)).body.entries;
    expect(body).toMatchObject({ ok: true, lastId: newest.id, lastHash: newest.hash, verifiedAt: '2026-11-01T00:00:00.000Z' });
    expect(body.durationMs).toBeGreaterThanOrEqual(0);
    const { durationMs: _d, verifiedAt: _v, ...check } = body;
    expect(check).toEqual(await verifyAuditChain(await testDatabase()));
    expect(check.checked).toBeGreaterThan(5);
  });

  /** Tampers with the shared log, verifies, and puts the entry back as it was, so that the chain is intact again. */
  async function whileTampered(change: SQL, restore: SQL): Promise<any> {
    const database = await testDatabase();
    await tamperAuditLog(database, change);
    try {
      return (await getJson(app, '/api/audit/verify', admin)).body;
    } finally {
      await tamperAuditLog(database, restore);
    }
  }

  const entryBefore = async (id: number) => (await getJson(app, `/api/audit?cursor=${id}&limit=1`, admin)).body.entries[0];
  const checkedBefore = async (id: number) => (await getJson(app, `/api/audit?cursor=${id}&limit=5000`, admin)).body.entries.length;

  test('a changed entry: not ok, that entry named with the reason, the entries before it counted', async () => {
    const [target] = (await getJson(app, '/api/audit?actor=wall&limit=1', admin)).body.entries;
    const body = await whileTampered(
      sql`UPDATE audit_log SET actor = 'someone' WHERE id = ${target.id}`,
      sql`UPDATE audit_log SET actor = ${target.actor} WHERE id = ${target.id}`,
    );
    expect(body).toMatchObject({ ok: false, brokenAt: target.id, reason: "hash does not match the entry's content", checked: await checkedBefore(target.id) });
    expect((await getJson(app, '/api/audit/verify', admin)).body.ok).toBe(true);
  });

  test('an entry rewritten with a recomputed hash: the entry after it is named, its prev_hash', async () => {
    const [newest] = (await getJson(app, '/api/audit?limit=1', admin)).body.entries;
    const target = await entryBefore(newest.id);
    const forged = auditHash(target.prevHash, { ...target, at: new Date(target.at), actor: 'someone' });
    const body = await whileTampered(
      sql`UPDATE audit_log SET actor = 'someone', hash = ${forged} WHERE id = ${target.id}`,
      sql`UPDATE audit_log SET actor = ${target.actor}, hash = ${target.hash} WHERE id = ${target.id}`,
    );
    expect(body).toMatchObject({ ok: false, brokenAt: newest.id, reason: 'prev_hash does not match the previous entry' });
    expect((await getJson(app, '/api/audit/verify', admin)).body).toMatchObject({ ok: true, lastId: newest.id });
  });
});

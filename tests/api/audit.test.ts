import { beforeAll, describe, expect, test } from 'vitest';
import { auditHash, canonicalJson, genesisHash, type AuditContent } from '../../db/queries/audit.js';
import { getJson, loginCookie, testApp, type TestApp } from '../support/api.js';

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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createDb, resetDatabase, type Database } from '../../db/client.js';
import { seedDemo, type SeedSummary } from '../../db/seed/index.js';
import { seedChecksum } from '../../db/queries/seed.js';
import { verifyAuditChain } from '../../db/queries/audit.js';
import { isValidCreditCode } from '../../server/domain/credit-code.js';
import { dropScratchDatabase, scratchDatabaseUrl } from '../support/db.js';

// Test-only password hashing (the product's lives in the server); scrypt$salt$key in hex.
const scryptKey = (plain: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => scrypt(plain, salt, 32, (error, key) => (error ? reject(error) : resolve(key))));
async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${(await scryptKey(plain, salt)).toString('hex')}`;
}
async function verify(plain: string, stored: string): Promise<boolean> {
  const [, salt, key] = stored.split('$');
  return timingSafeEqual(await scryptKey(plain, Buffer.from(salt, 'hex')), Buffer.from(key, 'hex'));
}

const asOf = new Date('2026-11-21T04:00:00Z');
const password = 'seed-test-password';
const seedOptions = (seed: number) => ({ seed, asOf, password, hashPassword, scale: 'test' as const });

// This file resets and rebuilds its database several times, so it must not use the database the other `db` test
// files share: on PostgreSQL it works in a scratch database beside DATABASE_URL's, on PGlite in its own instance.
const scratch = 'seed_build';

let database: Database;
let summary: SeedSummary;
let firstChecksum: string;
const progress: [string, number, number][] = [];

// The checks below read their own ad-hoc columns and assert on every value they use, so a cast is enough here.
const rowsOf = async <T>(query: ReturnType<typeof sql>) => (await database.rows(query)) as T[];
const one = async <T>(query: ReturnType<typeof sql>) => (await rowsOf<T>(query))[0];

describe('the demo data build (test scale)', () => {
  beforeAll(async () => {
    database = await createDb({ databaseUrl: await scratchDatabaseUrl(scratch) });
    await resetDatabase(database);
    summary = await seedDemo(database, { ...seedOptions(7), onProgress: (step, done, total) => progress.push([step, done, total]) });
    firstChecksum = await seedChecksum(database);
  });
  afterAll(async () => {
    await database?.close();
    await dropScratchDatabase(scratch);
  });

  it('fills every table and reports the counts it stored', async () => {
    expect(summary).toMatchObject({ districts: 16, streets: 234, institutions: 300, clues: 1500, departments: 15, officers: 180, users: 184, audit_log: 1 });
    expect(summary.officer_relations).toBeGreaterThanOrEqual(16);
    expect(summary.grid_cells).toBeGreaterThan(1000);
    const counted = await one<{ cells: number; clues: number }>(sql`SELECT (SELECT count(*)::int FROM grid_cells) AS cells, (SELECT count(*)::int FROM clues) AS clues`);
    expect(counted).toEqual({ cells: summary.grid_cells, clues: summary.clues });
    expect(progress.at(-1)?.[1]).toBe(progress.at(-1)?.[2]);
    expect(progress.map(([, done]) => done)).toEqual([...progress.map(([, done]) => done)].sort((a, b) => a - b));
  });

  it('stores the real districts converted to WGS84, valid, named in both languages, not synthetic', async () => {
    const rows = await rowsOf<{ code: string; name: string; name_en: string; valid: boolean; synthetic: boolean }>(
      sql`SELECT code, name, name_en, ST_IsValid(geom) AS valid, synthetic FROM districts ORDER BY code`,
    );
    expect(rows.find((r) => r.code === '310107')).toMatchObject({ name: '普陀区', name_en: 'Putuo' });
    expect(rows.find((r) => r.code === '310106')).toMatchObject({ name: '静安区', name_en: "Jing'an" });
    expect(rows.every((r) => r.valid && !r.synthetic)).toBe(true);
    // People's Square is in 黄浦.
    const here = await one<{ code: string }>(sql`SELECT code FROM districts WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(121.4737, 31.2304), 4326))`);
    expect(here.code).toBe('310101');
  });

  it('covers every district with valid grid cells inside it, each in a 街镇 of the same district', async () => {
    const check = await one<{ invalid: number; outside: number; wrong_street: number; worst_cover: number }>(sql`
      SELECT
        (SELECT count(*)::int FROM grid_cells WHERE NOT ST_IsValid(geom)) AS invalid,
        -- Clipped cells' new vertices are rounded to doubles: allow 1e-9° (0.1 mm) beyond the border. The district
        -- comes first in ST_Covers and stays the same across its cells, so PostGIS prepares it once.
        (WITH d AS MATERIALIZED (SELECT code, ST_Buffer(geom, 1e-9) AS geom FROM districts)
         SELECT sum(n)::int FROM d CROSS JOIN LATERAL (
           SELECT count(*) AS n FROM grid_cells c WHERE c.district_code = d.code AND NOT ST_Covers(d.geom, c.geom)) x) AS outside,
        (SELECT count(*)::int FROM grid_cells c JOIN streets s ON s.code = c.street_code WHERE s.district_code <> c.district_code) AS wrong_street,
        (SELECT max(abs(1 - cells.area / ST_Area(d.geom))) FROM districts d
          JOIN (SELECT district_code, sum(ST_Area(geom)) AS area FROM grid_cells GROUP BY district_code) cells ON cells.district_code = d.code) AS worst_cover`);
    expect(check.invalid).toBe(0);
    expect(check.outside).toBe(0);
    expect(check.wrong_street).toBe(0);
    // The cells tile the district: their areas add up to its area.
    expect(Number(check.worst_cover)).toBeLessThan(1e-6);
  });

  it('gives streets the union of their cells as geometry', async () => {
    const check = await one<{ with_geom: number; mismatched: number }>(sql`
      SELECT count(*) FILTER (WHERE s.geom IS NOT NULL)::int AS with_geom,
             count(*) FILTER (WHERE s.geom IS NOT NULL AND abs(ST_Area(s.geom) - cells.area) > 1e-9 + 1e-6 * cells.area)::int AS mismatched
      FROM streets s LEFT JOIN (SELECT street_code, sum(ST_Area(geom)) AS area FROM grid_cells GROUP BY street_code) cells ON cells.street_code = s.code`);
    expect(check.with_geom).toBeGreaterThan(150);
    expect(check.mismatched).toBe(0);
  });

  it('places every institution and clue inside its district and its grid cell', async () => {
    const check = await one<{ institutions_outside: number; clues_outside: number; institutions_wrong_cell: number; clues_wrong_cell: number }>(sql`
      SELECT
        (SELECT count(*)::int FROM institutions i JOIN districts d ON d.code = i.district_code WHERE NOT ST_Covers(d.geom, i.geom)) AS institutions_outside,
        (SELECT count(*)::int FROM clues c JOIN districts d ON d.code = c.district_code WHERE NOT ST_Covers(d.geom, c.geom)) AS clues_outside,
        (SELECT count(*)::int FROM institutions i LEFT JOIN grid_cells g ON g.id = i.grid_cell_id
          WHERE g.id IS NULL OR g.district_code <> i.district_code OR NOT ST_Covers(g.geom, i.geom)) AS institutions_wrong_cell,
        (SELECT count(*)::int FROM clues c LEFT JOIN grid_cells g ON g.id = c.grid_cell_id
          WHERE g.id IS NULL OR g.district_code <> c.district_code OR NOT ST_Covers(g.geom, c.geom)) AS clues_wrong_cell`);
    expect(check).toEqual({ institutions_outside: 0, clues_outside: 0, institutions_wrong_cell: 0, clues_wrong_cell: 0 });
  });

  it('flags everything generated as synthetic', async () => {
    const check = await one<{ real: number }>(sql`
      SELECT (SELECT count(*) FROM streets WHERE NOT synthetic) + (SELECT count(*) FROM grid_cells WHERE NOT synthetic)
           + (SELECT count(*) FROM institutions WHERE NOT synthetic) + (SELECT count(*) FROM clues WHERE NOT synthetic)
           + (SELECT count(*) FROM officers WHERE NOT synthetic) + (SELECT count(*) FROM officer_relations WHERE NOT synthetic) AS real`);
    expect(Number(check.real)).toBe(0);
  });

  it('generates institutions with valid credit codes, licences for licensed ones and a realistic status mix', async () => {
    const rows = await rowsOf<{ credit_code: string | null; licence_no: string | null; status: string; list_status: string }>(
      sql`SELECT credit_code, licence_no, status, list_status FROM institutions`,
    );
    const codes = rows.map((r) => r.credit_code).filter((c): c is string => c !== null);
    expect(codes.length).toBeGreaterThan(250);
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(rows.filter((r) => r.status === 'licensed').every((r) => r.licence_no !== null)).toBe(true);
    expect(rows.filter((r) => r.status === 'revoked').every((r) => r.list_status === 'black')).toBe(true);
    const share = (status: string) => rows.filter((r) => r.status === status).length / rows.length;
    expect(share('licensed') + share('registered')).toBeGreaterThan(0.65);
    expect(share('unlicensed')).toBeGreaterThan(0.03);
  });

  it('spreads clues over the 24 months before asOf, closes old ones and leaves recent ones open', async () => {
    const check = await one<{ first: string; last: string; old_open: number; old: number; recent_open: number; recent: number; overdue: number; bad_closed: number; linked: number }>(sql`
      SELECT min(reported_at)::text AS first, max(reported_at)::text AS last,
             count(*) FILTER (WHERE reported_at < ${asOf.toISOString()}::timestamptz - interval '90 days' AND closed_at IS NULL)::int AS old_open,
             count(*) FILTER (WHERE reported_at < ${asOf.toISOString()}::timestamptz - interval '90 days')::int AS old,
             count(*) FILTER (WHERE reported_at > ${asOf.toISOString()}::timestamptz - interval '3 days' AND closed_at IS NULL)::int AS recent_open,
             count(*) FILTER (WHERE reported_at > ${asOf.toISOString()}::timestamptz - interval '3 days')::int AS recent,
             count(*) FILTER (WHERE closed_at IS NULL AND due_at < ${asOf.toISOString()}::timestamptz)::int AS overdue,
             count(*) FILTER (WHERE (status IN ('closed', 'rejected')) <> (closed_at IS NOT NULL) OR closed_at > ${asOf.toISOString()}::timestamptz OR closed_at < reported_at)::int AS bad_closed,
             count(*) FILTER (WHERE institution_id IS NOT NULL)::int AS linked
      FROM clues`);
    expect(new Date(check.first).getTime()).toBeGreaterThanOrEqual(new Date('2024-11-20T16:00:00Z').getTime());
    expect(new Date(check.last).getTime()).toBeLessThan(asOf.getTime());
    expect(check.old_open / check.old).toBeLessThan(0.02);
    expect(check.recent_open / check.recent).toBeGreaterThan(0.6);
    expect(check.overdue).toBeGreaterThan(0);
    expect(check.bad_closed).toBe(0);
    // At test scale institutions are sparse (300), so fewer clues have one within 300 m than at demo scale.
    expect(check.linked / 1500).toBeGreaterThan(0.05);
  });

  it('creates the demo users with hashed passwords and the Putuo leader scoped to 310107', async () => {
    const users = await rowsOf<{ username: string; role: string; district_code: string | null; password_hash: string }>(
      sql`SELECT username, role, district_code, password_hash FROM users WHERE role <> 'field' ORDER BY username`,
    );
    expect(users.map((u) => [u.username, u.role, u.district_code])).toEqual([
      ['admin', 'admin', null],
      ['planner', 'planner', null],
      ['putuo_leader', 'leader', '310107'],
      ['wall', 'wall', null],
    ]);
    expect(users.every((u) => !u.password_hash.includes(password))).toBe(true);
    expect(await verify(password, users[2].password_hash)).toBe(true);
    expect(await verify('wrong-password', users[2].password_hash)).toBe(false);
  });

  it('gives every registry officer a field account: the certificate number’s digits, the officer’s name and district, the demo password', async () => {
    const accounts = await rowsOf<{ username: string; display_name: string; district_code: string; certificate_no: string; name: string; officer_district: string; password_hash: string }>(sql`
      SELECT u.username, u.display_name, u.district_code, o.certificate_no, o.name, o.district_code AS officer_district, u.password_hash
      FROM officers o LEFT JOIN users u ON u.officer_id = o.id AND u.role = 'field'
      ORDER BY o.id`);
    expect(accounts).toHaveLength(180);
    for (const a of accounts) {
      expect(a.username).toBe(a.certificate_no.replace(/\D/g, ''));
      expect(a.username).toMatch(/^\d{12}$/);
      expect(a.display_name).toBe(a.name);
      expect(a.district_code).toBe(a.officer_district);
    }
    // One hash for all of them (scrypt is slow on purpose), and it is the demo password's.
    expect(new Set(accounts.map((a) => a.password_hash)).size).toBe(1);
    expect(await verify(password, accounts[0].password_hash)).toBe(true);
  });

  it('has officers in every district, some with expired certificates, based inside their district', async () => {
    const check = await one<{ districts: number; expired: number; outside: number; departments: number }>(sql`
      SELECT count(DISTINCT o.district_code)::int AS districts,
             count(*) FILTER (WHERE certificate_expires_on < ${asOf.toISOString()}::timestamptz::date)::int AS expired,
             count(*) FILTER (WHERE NOT ST_Covers(d.geom, o.base))::int AS outside,
             count(DISTINCT department_code)::int AS departments
      FROM officers o JOIN districts d ON d.code = o.district_code`);
    expect(check.districts).toBe(16);
    expect(check.expired).toBeGreaterThan(0);
    expect(check.expired).toBeLessThan(20);
    expect(check.outside).toBe(0);
    expect(check.departments).toBeGreaterThan(5);
  });

  it('records the build as the first entry of a valid audit chain', async () => {
    const entry = await one<{ id: number; actor: string; action: string; prev_hash: string; hash: string; after: unknown }>(
      sql`SELECT id::int AS id, actor, action, prev_hash, hash, after FROM audit_log`,
    );
    expect(entry).toMatchObject({ actor: 'system', action: 'seed', prev_hash: '0'.repeat(64) });
    const after = typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after;
    expect(after).toMatchObject({ seed: 7, scale: 'test', institutions: 300, asOf: asOf.toISOString() });
    expect(await verifyAuditChain(database)).toEqual({ ok: true, checked: 1, lastId: entry.id, lastHash: entry.hash });
  });

  it('leaves the id sequences past the generated rows', async () => {
    const next = await one<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('institutions', 'id'))::int AS id`);
    expect(next.id).toBe(301);
  });

  it('refuses bad options with a clear message', async () => {
    await expect(seedDemo(database, { ...seedOptions(7), asOf: new Date('not a date') })).rejects.toThrow(/asOf must be a valid Date/);
    await expect(seedDemo(database, { ...seedOptions(7), password: 'short' })).rejects.toThrow(/at least 8 characters/);
    await expect(seedDemo(database, { ...seedOptions(1.5) })).rejects.toThrow(/seed must be an integer/);
    await expect(seedDemo(database, { ...seedOptions(1), scale: 'huge' as never })).rejects.toThrow(/scale must be/);
  });

  it('refuses to build over existing data and leaves it untouched', async () => {
    await expect(seedDemo(database, seedOptions(7))).rejects.toThrow(/needs an empty database/);
    expect(await seedChecksum(database)).toBe(firstChecksum);
  });

  it('is deterministic: the same seed and asOf rebuild the same rows, another seed does not', async () => {
    await resetDatabase(database);
    await seedDemo(database, seedOptions(7));
    expect(await seedChecksum(database)).toBe(firstChecksum);
    await resetDatabase(database);
    await seedDemo(database, seedOptions(8));
    expect(await seedChecksum(database)).not.toBe(firstChecksum);
  }, 300_000);
});

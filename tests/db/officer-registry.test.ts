import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { officerRegistry, officerRelations } from '../../db/queries/officers.js';
import { cityWide, col, parsedRows } from '../../db/queries/queryable.js';
import { COVERING_DEPARTMENTS } from '../../db/seed/generate/officers.js';
import { addDays, shanghaiDate } from '../../server/domain/time.js';
import { institutionCategories, institutionStatuses } from '../../server/domain/vocabulary.js';
import { formJointTeams, type PlannedInspection } from '../../server/planning/index.js';
import { testAsOf, testDatabase } from '../support/db.js';

// The demo officer registry (执法检查人员名录库) as built on the engine under test (PGlite, or DATABASE_URL's PostGIS).
const asOf = shanghaiDate(testAsOf);
let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});

describe('the demo officer registry', () => {
  test('every district can field a joint team of any mix: two education officers and one of each department, certified a month ahead', async () => {
    const rows = await parsedRows(database, z.object({ district: z.string(), department: z.string(), n: col.int }), sql`
      SELECT district_code AS district, department_code AS department, count(*)::int AS n
      FROM officers WHERE certificate_expires_on >= ${addDays(asOf, 30)}::date
      GROUP BY district_code, department_code`);
    const count = (district: string, department: string) => rows.find((r) => r.district === district && r.department === department)?.n ?? 0;
    const districts = await parsedRows(database, z.object({ code: z.string() }), sql`SELECT code FROM districts ORDER BY code`);
    expect(districts).toHaveLength(16);
    for (const { code } of districts) {
      for (const department of new Set(COVERING_DEPARTMENTS)) {
        expect(count(code, department), `${code} ${department}`).toBeGreaterThanOrEqual(COVERING_DEPARTMENTS.filter((d) => d === department).length);
      }
    }
  });

  test('home 街镇 of every officer lies in the officer’s district; certificate numbers are unique', async () => {
    const [check] = await parsedRows(database, z.object({ total: col.int, without_street: col.int, elsewhere: col.int, numbers: col.int }), sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE o.home_street_code IS NULL)::int AS without_street,
             count(*) FILTER (WHERE s.district_code <> o.district_code)::int AS elsewhere,
             count(DISTINCT o.certificate_no)::int AS numbers
      FROM officers o LEFT JOIN streets s ON s.code = o.home_street_code`);
    expect(check).toEqual({ total: 180, without_street: 0, elsewhere: 0, numbers: 180 });
  });

  test('some certificates have lapsed and some expire within 30 days', async () => {
    const [check] = await parsedRows(database, z.object({ expired: col.int, soon: col.int }), sql`
      SELECT count(*) FILTER (WHERE certificate_expires_on < ${asOf}::date)::int AS expired,
             count(*) FILTER (WHERE certificate_expires_on BETWEEN ${asOf}::date AND ${addDays(asOf, 30)}::date)::int AS soon
      FROM officers`);
    expect(check.expired).toBeGreaterThanOrEqual(3);
    expect(check.soon).toBeGreaterThanOrEqual(3);
  });

  test('relations: at least one per district, each to an institution of the officer’s district, synthetic, registered before asOf', async () => {
    const [check] = await parsedRows(database, z.object({ total: col.int, districts: col.int, cross: col.int, real: col.int, future: col.int }), sql`
      SELECT count(*)::int AS total, count(DISTINCT o.district_code)::int AS districts,
             count(*) FILTER (WHERE i.district_code <> o.district_code)::int AS cross,
             count(*) FILTER (WHERE NOT r.synthetic)::int AS real,
             count(*) FILTER (WHERE r.registered_on > ${asOf}::date)::int AS future
      FROM officer_relations r JOIN officers o ON o.id = r.officer_id JOIN institutions i ON i.id = r.institution_id`);
    expect(check).toMatchObject({ districts: 16, cross: 0, real: 0, future: 0 });
    expect(check.total).toBeGreaterThanOrEqual(16);
    expect(check.total).toBeLessThan(60);
  });

  test('the registry queries are district-scoped', async () => {
    const all = await officerRegistry(database, { scope: cityWide });
    const putuo = await officerRegistry(database, { scope: { districtCode: '310107' } });
    expect(all).toHaveLength(180);
    expect(putuo.length).toBeGreaterThanOrEqual(9);
    expect(putuo.every((o) => o.districtCode === '310107')).toBe(true);
    expect(await officerRegistry(database, { scope: { districtCode: '310107' }, district: '310101' })).toEqual([]);
    expect(all[0]).toMatchObject({ id: 1, departmentCode: 'education', homeStreetCode: expect.stringMatching(/^\d{9}$/), certificateExpiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const relations = await officerRelations(database, { scope: { districtCode: '310107' } });
    const ids = new Set(putuo.map((o) => o.id));
    expect(relations.length).toBeGreaterThan(0);
    expect(relations.every((r) => ids.has(r.officerId))).toBe(true);
    expect((await officerRelations(database, { scope: cityWide })).length).toBeGreaterThanOrEqual(16);
  });

  test('the joint-team draw on the demo data: every district staffs its related institution without the related officer', async () => {
    const officers = await officerRegistry(database, { scope: cityWide });
    const relations = await officerRelations(database, { scope: cityWide });
    const targets = await parsedRows(
      database,
      z.object({ id: col.int, districtCode: z.string(), streetCode: z.string(), category: z.enum(institutionCategories), status: z.enum(institutionStatuses) }),
      sql`
        SELECT DISTINCT ON (i.id) i.id, i.district_code AS "districtCode", g.street_code AS "streetCode", i.category, i.status
        FROM officer_relations r JOIN institutions i ON i.id = r.institution_id JOIN grid_cells g ON g.id = i.grid_cell_id
        ORDER BY i.id`,
    );
    const shift = { id: `${asOf}/day`, date: asOf };
    const inspections: PlannedInspection[] = targets.map((t) => ({ shiftId: shift.id, target: { kind: 'institution', ...t } }));
    const plan = formJointTeams({ seed: 'demo-registry', shifts: [shift], inspections, officers, relations, maxStopsPerTeam: 8 });
    expect(plan.failed.map((f) => f.reasons.map((r) => r.message))).toEqual([]);
    expect(plan.assigned).toHaveLength(targets.length);
    const byId = new Map(officers.map((o) => [o.id, o]));
    for (const a of plan.assigned) {
      const team = plan.teams.find((t) => t.id === a.teamId)!;
      expect(team.members.length).toBeGreaterThanOrEqual(2);
      for (const m of team.members) {
        expect(byId.get(m.officerId)!.certificateExpiresOn >= asOf).toBe(true);
        expect(relations.some((r) => r.officerId === m.officerId && r.institutionId === a.target.id)).toBe(false);
      }
      for (const need of a.needs) expect(team.departments).toContain(need.departmentCode);
    }
    // One stop per team: a district with more related institutions than free officers says so, and only so.
    const single = formJointTeams({ seed: 'demo-registry', shifts: [shift], inspections, officers, relations, maxStopsPerTeam: 1 });
    expect(single.assigned.length + single.failed.length).toBe(targets.length);
    for (const f of single.failed) for (const r of f.reasons) expect(r.code).toBe('booked');
  });
});

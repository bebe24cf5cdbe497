import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { cityWide } from '../../db/queries/queryable.js';
import { CellWeightsCache } from '../../server/services/cell-weights.js';
import { scoreInstitutions } from '../../server/services/risk.js';
import { testAsOf, testDatabase } from '../support/db.js';

// The risk score on the stored data counts verified clues only (verified, or closed after verification): the tier
// the campaign plans read for their 双随机 draw weights (campaign-plans.ts: riskTier from scoreInstitutions) comes from
// the same score, so a clue still being handled or rejected moves no institution up the draw.

let database: Database;
const deps = () => ({ database, cellWeights: new CellWeightsCache() });

beforeAll(async () => {
  database = await testDatabase();
});

describe('scoreInstitutions and the clue loop', () => {
  test('five clues linked to an institution raise its score only once verified', async () => {
    const all = await scoreInstitutions(deps(), cityWide, { district: '310107' }, testAsOf);
    const quiet = all.find((s) => s.risk.factors.find((f) => f.key === 'recent_clues')!.raw === 0 && s.risk.score < 15)!;
    expect(quiet, 'an institution without clues').toBeDefined();
    const id = quiet.row.id;
    const score = async () => (await scoreInstitutions(deps(), cityWide, { id }, testAsOf))[0].risk;
    const before = await score();
    await database.rows(sql`
      INSERT INTO clues (source, reported_at, geom, address, description, suspected_type, status, institution_id, district_code)
      SELECT '12345', ${testAsOf.toISOString()}::timestamptz - (n || ' days')::interval, i.geom, i.address, '测试线索', 'unlicensed', 'handling', i.id, i.district_code
      FROM institutions i, generate_series(1, 5) AS n WHERE i.id = ${id}`);
    const handling = await score();
    expect(handling.score).toBe(before.score);
    expect(handling.tier).toBe(before.tier);
    await database.rows(sql`UPDATE clues SET status = 'rejected' WHERE institution_id = ${id} AND description = '测试线索'`);
    expect((await score()).score).toBe(before.score);
    await database.rows(sql`UPDATE clues SET status = 'verified' WHERE institution_id = ${id} AND description = '测试线索'`);
    const verified = await score();
    expect(verified.factors.find((f) => f.key === 'recent_clues')!.raw).toBe(5);
    expect(verified.score).toBeCloseTo(before.score + 30, 1);
    // 30 points move a score below 15 (tier A) past 20: tier B at least, so a higher draw weight.
    expect(before.tier).toBe('A');
    expect(verified.tier).not.toBe('A');
  });
});

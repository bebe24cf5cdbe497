import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkInResults } from '../../server/domain/vocabulary.js';
import { districtFilter, isoUtc, parsedRows, type Queryable, type Scope } from './queryable.js';

// What the teams of a campaign recorded so far, in the caller's district scope: the board's (行动看板) raw rows.

const checkInRow = z.object({
  teamId: z.string(),
  targetKey: z.string(),
  districtCode: z.string(),
  result: z.enum(checkInResults),
  cosigned: z.boolean(),
  farFromTarget: z.boolean(),
  checkedAt: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
});
export type ProgressCheckInRow = z.output<typeof checkInRow>;

/** Every check-in of the campaign (any version of it) in scope, oldest first. */
export async function campaignCheckIns(q: Queryable, p: { campaignId: number; scope: Scope }): Promise<ProgressCheckInRow[]> {
  return parsedRows(q, checkInRow, sql`
    SELECT k.team_id AS "teamId", k.target_key AS "targetKey", k.district_code AS "districtCode", k.result::text AS result,
           k.cosigned_by_officer IS NOT NULL AS cosigned, k.far_from_target AS "farFromTarget", ${isoUtc(sql`k.checked_at`)} AS "checkedAt",
           ST_X(k.position)::float8 AS lon, ST_Y(k.position)::float8 AS lat
    FROM check_ins k
    WHERE k.campaign_id = ${p.campaignId} AND ${districtFilter(sql`k.district_code`, p.scope)}
    ORDER BY k.checked_at, k.id`);
}

const arrivalRow = z.object({
  teamId: z.string(),
  targetKey: z.string(),
  districtCode: z.string(),
  arrivedAt: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
});
export type ProgressArrivalRow = z.output<typeof arrivalRow>;

/** Every arrival (到达) of the campaign in scope, oldest first. */
export async function campaignArrivals(q: Queryable, p: { campaignId: number; scope: Scope }): Promise<ProgressArrivalRow[]> {
  return parsedRows(q, arrivalRow, sql`
    SELECT a.team_id AS "teamId", a.target_key AS "targetKey", a.district_code AS "districtCode", ${isoUtc(sql`a.arrived_at`)} AS "arrivedAt",
           ST_X(a.position)::float8 AS lon, ST_Y(a.position)::float8 AS lat
    FROM stop_arrivals a
    WHERE a.campaign_id = ${p.campaignId} AND ${districtFilter(sql`a.district_code`, p.scope)}
    ORDER BY a.arrived_at, a.id`);
}

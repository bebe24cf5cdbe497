import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, districtFilter, parsedRows, type Queryable, type Scope } from './queryable.js';

// What the teams of a campaign have done at their stops: check-ins (done) and arrivals without a check-in yet (in
// progress). Re-planning keeps both where they are.

const progressRow = z.object({
  teamId: z.string(),
  targetKey: z.string(),
  state: z.enum(['done', 'in_progress']),
  at: col.timestamp,
});
export type StopProgressRow = z.output<typeof progressRow>;

/**
 * The check-ins and the arrivals without a check-in of the given teams of a campaign, in the district: a check-in at
 * its device time, an arrival at its arrival time. An empty list of teams reads nothing.
 */
export async function stopProgressOf(q: Queryable, p: { scope: Scope; campaignId: number; district: string; teamIds: readonly string[] }): Promise<StopProgressRow[]> {
  if (p.teamIds.length === 0) return [];
  const teams = sql.join(p.teamIds.map((t) => sql`${t}`), sql`, `);
  return parsedRows(q, progressRow, sql`
    SELECT c.team_id AS "teamId", c.target_key AS "targetKey", 'done' AS state, c.checked_at AS at
    FROM check_ins c
    WHERE c.campaign_id = ${p.campaignId} AND c.team_id IN (${teams}) AND ${districtFilter(sql`c.district_code`, p.scope, p.district)}
    UNION ALL
    SELECT a.team_id, a.target_key, 'in_progress', a.arrived_at
    FROM stop_arrivals a
    WHERE a.campaign_id = ${p.campaignId} AND a.team_id IN (${teams}) AND ${districtFilter(sql`a.district_code`, p.scope, p.district)}
      AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.campaign_id = a.campaign_id AND c.team_id = a.team_id AND c.target_key = a.target_key)
    ORDER BY "teamId", at, "targetKey"`);
}

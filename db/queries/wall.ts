import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, districtFilter, instant, isoUtc, parsedRows, type Queryable, type Scope } from './queryable.js';

// What the command-centre wall counts of a day that the campaign plans do not hold: the clues of the day per district,
// and the latest positions of the teams for the overview's playback.

const clueDayRow = z.object({ districtCode: z.string(), received: col.int, closed: col.int, overdue: col.int });
export type ClueDayRow = z.output<typeof clueDayRow>;

/**
 * Per district of the scope: clues reported in [from, to), clues closed in [from, to), and open clues past their due
 * time at `now` (whenever reported). Districts without any are absent.
 */
export async function clueDayFigures(q: Queryable, p: { scope: Scope; from: Date; to: Date; now: Date; openStatuses: readonly string[] }): Promise<ClueDayRow[]> {
  const open = sql.join(
    p.openStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  return parsedRows(q, clueDayRow, sql`
    SELECT c.district_code AS "districtCode",
           count(*) FILTER (WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}) AS received,
           count(*) FILTER (WHERE c.closed_at >= ${instant(p.from)} AND c.closed_at < ${instant(p.to)}) AS closed,
           count(*) FILTER (WHERE c.status::text IN (${open}) AND c.due_at <= ${instant(p.now)}) AS overdue
    FROM clues c
    WHERE ${districtFilter(sql`c.district_code`, p.scope)}
      AND (c.reported_at >= ${instant(p.from)} OR c.closed_at >= ${instant(p.from)} OR (c.status::text IN (${open}) AND c.due_at <= ${instant(p.now)}))
    GROUP BY c.district_code
    ORDER BY c.district_code`);
}

const trailPointRow = z.object({ campaignId: col.int, teamId: z.string(), lon: z.number(), lat: z.number(), at: z.string() });
export type TrailPointRow = z.output<typeof trailPointRow>;

/** Arrivals and check-ins with a position in [from, to) in the scope, the newest `limit`: the teams' trails. */
export async function teamTrailPoints(q: Queryable, p: { scope: Scope; from: Date; to: Date; limit: number }): Promise<TrailPointRow[]> {
  return parsedRows(q, trailPointRow, sql`
    SELECT campaign_id AS "campaignId", team_id AS "teamId", lon, lat, ${isoUtc(sql`at`)} AS at FROM (
      SELECT a.campaign_id, a.team_id, ST_X(a.position) AS lon, ST_Y(a.position) AS lat, a.arrived_at AS at, a.district_code
      FROM stop_arrivals a WHERE a.position IS NOT NULL AND a.arrived_at >= ${instant(p.from)} AND a.arrived_at < ${instant(p.to)}
      UNION ALL
      SELECT k.campaign_id, k.team_id, ST_X(k.position), ST_Y(k.position), k.checked_at, k.district_code
      FROM check_ins k WHERE k.position IS NOT NULL AND k.checked_at >= ${instant(p.from)} AND k.checked_at < ${instant(p.to)}
    ) t
    WHERE ${districtFilter(sql`t.district_code`, p.scope)}
    ORDER BY at DESC
    LIMIT ${p.limit}`);
}

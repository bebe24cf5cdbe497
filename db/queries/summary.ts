import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, districtFilter, instant, parsedRows, type Queryable, type Scope } from './queryable.js';

export interface SummaryParams {
  scope: Scope;
  district?: string;
  from: Date;
  to: Date;
  /** Start of the period of the same length before `from`. */
  previousFrom: Date;
  now: Date;
}

export interface SummaryRow {
  institutions: { total: number; byStatus: Record<string, number>; byList: Record<string, number> };
  clues: { inRange: number; previousRange: number; closedInRange: number; open: number; overdue: number; firstReportedAt: Date | null };
  officers: { total: number; validCertificates: number; expiredCertificates: number };
  /** Clues of the period per district of the whole scope, whichever district is chosen. */
  cluesByDistrict: Record<string, number>;
}

const counts = z.record(z.string(), z.int());
const summaryRow = z.object({
  summary: col.json(
    z.object({
      institutions: z.object({ total: z.int(), byStatus: counts, byList: counts }),
      clues: z.object({
        inRange: z.int(),
        previousRange: z.int(),
        closedInRange: z.int(),
        open: z.int(),
        overdue: z.int(),
        firstReportedAt: col.timestamp.nullable(),
      }),
      officers: z.object({ total: z.int(), validCertificates: z.int(), expiredCertificates: z.int() }),
      cluesByDistrict: counts,
    }),
  ),
});

/** All KPI figures in one statement; the ratios are derived by the caller. */
export async function summaryFigures(q: Queryable, p: SummaryParams): Promise<SummaryRow> {
  const today = p.now.toISOString().slice(0, 10);
  const [row] = await parsedRows(q, summaryRow, sql`
    WITH inst AS (
      SELECT status::text AS status, list_status::text AS list_status FROM institutions i
      WHERE ${districtFilter(sql`i.district_code`, p.scope, p.district)}
    ), clue AS (
      SELECT
        count(*) FILTER (WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}) AS in_range,
        count(*) FILTER (WHERE c.reported_at >= ${instant(p.previousFrom)} AND c.reported_at < ${instant(p.from)}) AS previous_range,
        count(*) FILTER (WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
                           AND c.status IN ('closed', 'rejected')) AS closed_in_range,
        count(*) FILTER (WHERE c.status NOT IN ('closed', 'rejected')) AS open,
        count(*) FILTER (WHERE c.status NOT IN ('closed', 'rejected') AND c.due_at < ${instant(p.now)}) AS overdue,
        min(c.reported_at) AS first_reported
      FROM clues c
      WHERE ${districtFilter(sql`c.district_code`, p.scope, p.district)}
    ), officer AS (
      SELECT count(*) AS total,
             count(*) FILTER (WHERE o.certificate_expires_on >= ${today}::date) AS valid
      FROM officers o
      WHERE ${districtFilter(sql`o.district_code`, p.scope, p.district)}
    ), by_district AS (
      SELECT c.district_code, count(*) AS n FROM clues c
      WHERE ${districtFilter(sql`c.district_code`, p.scope)} AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
      GROUP BY c.district_code
    )
    SELECT json_build_object(
      'institutions', json_build_object(
        'total', (SELECT count(*) FROM inst),
        'byStatus', COALESCE((SELECT json_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM inst GROUP BY status) s), '{}'::json),
        'byList', COALESCE((SELECT json_object_agg(list_status, n) FROM (SELECT list_status, count(*) AS n FROM inst GROUP BY list_status) l), '{}'::json)),
      'clues', (SELECT json_build_object('inRange', in_range, 'previousRange', previous_range, 'closedInRange', closed_in_range,
                                         'open', open, 'overdue', overdue, 'firstReportedAt', first_reported) FROM clue),
      'officers', (SELECT json_build_object('total', total, 'validCertificates', valid, 'expiredCertificates', total - valid) FROM officer),
      'cluesByDistrict', COALESCE((SELECT json_object_agg(district_code, n) FROM by_district), '{}'::json)
    )::text AS summary`);
  return row.summary;
}

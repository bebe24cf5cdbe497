/**
 * What the campaign planner reads (institutions with their opening hours, clues and violations; the focus clues per
 * grid cell; the cells' streets and points) and the stored plans (campaign_plans). Every read is district-scoped.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { institutionCategories, institutionStatuses, listStatuses, suspectedTypes, violationKinds } from '../../server/domain/vocabulary.js';
import { anyOf, col, districtFilter, instant, jsonParam, parsedRows, type Queryable, type Scope } from './queryable.js';

export interface PlanReadScope {
  scope: Scope;
  district: string;
}

const hours = z.string().nullable();
const planInstitutionRow = z.object({
  id: col.int,
  districtCode: z.string(),
  streetCode: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  creditCode: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  category: z.enum(institutionCategories),
  status: z.enum(institutionStatuses),
  listStatus: z.enum(listStatuses),
  gridCellId: col.int.nullable(),
  lastInspectedOn: z.string().nullable(),
  weekdayOpens: hours,
  weekdayCloses: hours,
  weekendOpens: hours,
  weekendCloses: hours,
  openClueCount: col.int,
  clueTypes: col.json(z.array(z.enum(suspectedTypes))),
  violationKinds: col.json(z.array(z.enum(violationKinds))),
});
export type PlanInstitutionRow = z.output<typeof planInstitutionRow>;

/**
 * The institutions of a district with their hours, open clues, clue types and the kinds of violations since
 * `violationsSince`; only the one with `id` when it is given (an urgent target of a running campaign).
 */
export async function planInstitutions(q: Queryable, p: PlanReadScope & { violationsSince: string; id?: number }): Promise<PlanInstitutionRow[]> {
  return parsedRows(q, planInstitutionRow, sql`
    SELECT i.id, i.district_code AS "districtCode", g.street_code AS "streetCode", i.name, i.address, i.credit_code AS "creditCode",
           ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat, i.category, i.status, i.list_status AS "listStatus", i.grid_cell_id AS "gridCellId",
           to_char(i.last_inspected_on, 'YYYY-MM-DD') AS "lastInspectedOn",
           to_char(i.weekday_opens, 'HH24:MI') AS "weekdayOpens", to_char(i.weekday_closes, 'HH24:MI') AS "weekdayCloses",
           to_char(i.weekend_opens, 'HH24:MI') AS "weekendOpens", to_char(i.weekend_closes, 'HH24:MI') AS "weekendCloses",
           (SELECT count(*) FROM clues c WHERE c.institution_id = i.id AND c.status NOT IN ('closed', 'rejected'))::int AS "openClueCount",
           COALESCE((SELECT json_agg(DISTINCT c.suspected_type) FROM clues c WHERE c.institution_id = i.id), '[]'::json)::text AS "clueTypes",
           COALESCE((SELECT json_agg(DISTINCT v.kind) FROM violations v WHERE v.institution_id = i.id AND v.occurred_on > ${p.violationsSince}::date), '[]'::json)::text AS "violationKinds"
    FROM institutions i LEFT JOIN grid_cells g ON g.id = i.grid_cell_id
    WHERE ${districtFilter(sql`i.district_code`, p.scope, p.district)} ${p.id === undefined ? sql`` : sql`AND i.id = ${p.id}`}
    ORDER BY i.id`);
}

export interface FocusClueParams extends PlanReadScope {
  from: Date;
  to: Date;
  /** Empty = every type. */
  types: readonly string[];
}

const typeFilter = (types: readonly string[]) =>
  types.length === 0 ? sql`TRUE` : sql`c.suspected_type::text IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)})`;

/** Clues of the focus types in [from, to) per grid cell of the district. */
export async function focusClueCounts(q: Queryable, p: FocusClueParams): Promise<Map<number, number>> {
  const rows = await parsedRows(q, z.object({ cellId: col.int, n: col.int }), sql`
    SELECT c.grid_cell_id AS "cellId", count(*)::int AS n FROM clues c
    WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)} AND c.grid_cell_id IS NOT NULL
      AND ${districtFilter(sql`c.district_code`, p.scope, p.district)} AND ${typeFilter(p.types)}
    GROUP BY c.grid_cell_id`);
  return new Map(rows.map((r) => [r.cellId, r.n]));
}

const cellRow = z.object({
  id: col.int,
  streetCode: z.string(),
  lon: z.number(),
  lat: z.number(),
  points: col.json(z.array(z.tuple([z.number(), z.number()]))),
  types: col.json(z.array(z.enum(suspectedTypes))),
});

/** The given cells' streets, a point on each, and the locations and types of their focus clues in [from, to). */
export async function focusCells(q: Queryable, p: FocusClueParams & { cellIds: readonly number[] }) {
  if (p.cellIds.length === 0) return [];
  return parsedRows(q, cellRow, sql`
    SELECT g.id, g.street_code AS "streetCode", ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
           COALESCE((SELECT json_agg(json_build_array(ST_X(c.geom), ST_Y(c.geom)) ORDER BY c.id) FROM clues c
                     WHERE c.grid_cell_id = g.id AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)} AND ${typeFilter(p.types)}), '[]'::json)::text AS points,
           COALESCE((SELECT json_agg(DISTINCT c.suspected_type) FROM clues c
                     WHERE c.grid_cell_id = g.id AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)} AND ${typeFilter(p.types)}), '[]'::json)::text AS types
    FROM grid_cells g
    WHERE g.id IN (${sql.join(p.cellIds.map((id) => sql`${id}`), sql`, `)}) AND ${districtFilter(sql`g.district_code`, p.scope, p.district)}
    ORDER BY g.id`);
}

// ---- stored plans ----

export interface CampaignPlanRow {
  campaignId: number;
  campaignVersion: number;
  plan: unknown;
  drawRecord: unknown;
  createdAt: Date;
  updatedAt: Date;
}

const planRow = z.object({
  campaignId: col.int,
  campaignVersion: col.int,
  plan: col.json(z.unknown()),
  drawRecord: col.json(z.unknown()),
  createdAt: col.timestamp,
  updatedAt: col.timestamp,
});

export async function campaignPlanOf(q: Queryable, p: { campaignId: number; version: number }): Promise<CampaignPlanRow | null> {
  const [row] = await parsedRows(q, planRow, sql`
    SELECT campaign_id AS "campaignId", campaign_version AS "campaignVersion", plan, draw_record AS "drawRecord",
           created_at AS "createdAt", updated_at AS "updatedAt"
    FROM campaign_plans WHERE campaign_id = ${p.campaignId} AND campaign_version = ${p.version}`);
  return row ?? null;
}

/** Stores the plan of a campaign version, replacing the one there was; a null draw record keeps the stored one. */
export async function saveCampaignPlan(
  tx: Queryable,
  p: { campaignId: number; version: number; plan: unknown; drawRecord: unknown; userId: number; at: Date },
): Promise<void> {
  if (p.drawRecord === null) {
    const rows = await tx.rows(sql`
      UPDATE campaign_plans SET plan = ${jsonParam(p.plan)}, created_by = ${p.userId}, updated_at = ${instant(p.at)}
      WHERE campaign_id = ${p.campaignId} AND campaign_version = ${p.version}
      RETURNING campaign_id`);
    if (rows.length !== 1) throw new Error(`no stored plan of campaign ${p.campaignId} version ${p.version} to update`);
    return;
  }
  await tx.rows(sql`
    INSERT INTO campaign_plans (campaign_id, campaign_version, plan, draw_record, created_by, created_at, updated_at)
    VALUES (${p.campaignId}, ${p.version}, ${jsonParam(p.plan)}, ${jsonParam(p.drawRecord)}, ${p.userId}, ${instant(p.at)}, ${instant(p.at)})
    ON CONFLICT (campaign_id, campaign_version) DO UPDATE
      SET plan = EXCLUDED.plan, draw_record = EXCLUDED.draw_record, created_by = EXCLUDED.created_by, updated_at = EXCLUDED.updated_at`);
}

// ---- past inspections (回避) ----

/** The campaigns whose plans were carried out or are about to be: their stops count as inspections. */
const inspectingStatuses = ['approved', 'active', 'closed'] as const;

const pastInspectionRow = z.object({
  officerId: col.int,
  targetKind: z.enum(['institution', 'gridCell']),
  targetId: col.int,
  campaignId: col.int,
  inspectedOn: z.string(),
});
export type PastInspectionRow = z.output<typeof pastInspectionRow>;

/**
 * The stops of the district's officers in the stored plans (each campaign's current version) of the other approved,
 * active or closed campaigns: a team member inspected each stop of the team on its date. Scoped by the officer's
 * district; the teams are read from plan_team_shifts (kept by the database from the stored plans).
 */
export async function pastInspectionsOf(q: Queryable, p: PlanReadScope & { exceptCampaignId: number }): Promise<PastInspectionRow[]> {
  return parsedRows(q, pastInspectionRow, sql`
    SELECT DISTINCT o.id AS "officerId", split_part(s.stop->>'targetKey', ':', 1) AS "targetKind",
           split_part(s.stop->>'targetKey', ':', 2)::int AS "targetId", c.id AS "campaignId", t.date AS "inspectedOn"
    FROM plan_team_shifts t
    JOIN campaigns c ON c.id = t.campaign_id AND c.current_version = t.campaign_version
    CROSS JOIN LATERAL unnest(t.officer_ids) AS m(officer_id)
    CROSS JOIN LATERAL jsonb_array_elements(t.team->'stops') AS s(stop)
    JOIN officers o ON o.id = m.officer_id
    WHERE c.id <> ${p.exceptCampaignId} AND ${anyOf(sql`c.status::text`, inspectingStatuses)}
      AND split_part(s.stop->>'targetKey', ':', 1) IN ('institution', 'gridCell')
      AND ${districtFilter(sql`o.district_code`, p.scope, p.district)}
    ORDER BY "campaignId", "inspectedOn", "officerId", "targetKind", "targetId"`);
}

import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { stepLengthMs, type TimeStep } from '../../server/domain/time-steps.js';
import { clueStatuses, institutionStatuses, listStatuses, type ClueStatus, type InstitutionStatus, type ListStatus } from '../../server/domain/vocabulary.js';
import { col, districtFilter, instant, jsonBody, parsedRows, type Queryable, type Scope } from './queryable.js';

// The SQL behind hotspot analytics: cell identity and geometry (for spatial weights), clue counts per cell
// and per cell × time step (one GROUP BY each), and the inputs of the institution risk score.

export interface CellScopeParams {
  scope: Scope;
  district?: string;
}

/**
 * What identifies the cell set of a scope: their number and a digest of ids and geometries. Weights built from
 * the cells stay valid while it is unchanged, so the server caches them under it.
 */
export async function gridCellFingerprint(q: Queryable, p: CellScopeParams): Promise<{ count: number; digest: string }> {
  const [row] = await parsedRows(q, z.object({ count: col.int, digest: z.string().nullable() }), sql`
    SELECT count(*) AS count,
           md5(string_agg(g.id::text || ':' || md5(ST_AsBinary(g.geom)), ',' ORDER BY g.id)) AS digest
    FROM grid_cells g
    WHERE ${districtFilter(sql`g.district_code`, p.scope, p.district)}`);
  return { count: row.count, digest: row.digest ?? 'empty' };
}

export interface CellGeometryRow {
  id: number;
  code: string;
  districtCode: string;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

// The coordinates are not parsed element by element: a city's cells have hundreds of thousands of them.
const cellGeometry = z.custom<CellGeometryRow['geometry']>((value) => {
  const { type, coordinates } = (value ?? {}) as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}, 'expected a GeoJSON Polygon or MultiPolygon');
const cellGeometryRows = z.object({
  body: col.json(z.array(z.object({ id: z.int(), code: z.string(), districtCode: z.string(), geometry: cellGeometry }))).nullable(),
});

/** Cells of a scope in id order with their exact (unsimplified) geometry, for contiguity. */
export async function gridCellGeometries(q: Queryable, p: CellScopeParams): Promise<CellGeometryRow[]> {
  const [row] = await parsedRows(q, cellGeometryRows, sql`
    SELECT json_agg(json_build_object('id', g.id, 'code', g.code, 'districtCode', g.district_code,
                                      'geometry', ST_AsGeoJSON(g.geom, 15)::json) ORDER BY g.id)::text AS body
    FROM grid_cells g
    WHERE ${districtFilter(sql`g.district_code`, p.scope, p.district)}`);
  return row.body ?? [];
}

/**
 * Cells of a scope as FeatureCollection text (6 decimals ≈ 0.1 m), built in SQL like the other GeoJSON answers. Each
 * cell carries its 街镇 code; the names of those 街镇 and 区县 come once each as the foreign members `streets` and
 * `districts` (a district has hundreds of cells but a few dozen streets), so that a list of cells can show names.
 */
export async function gridCellShapes(q: Queryable, p: CellScopeParams): Promise<string> {
  const inScope = districtFilter(sql`g.district_code`, p.scope, p.district);
  return jsonBody(q, sql`
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE((
        SELECT json_agg(json_build_object(
          'type', 'Feature', 'id', g.id, 'geometry', ST_AsGeoJSON(g.geom, 6)::json,
          'properties', json_build_object('id', g.id, 'code', g.code, 'districtCode', g.district_code, 'streetCode', g.street_code)) ORDER BY g.id)
        FROM grid_cells g
        WHERE ${inScope}), '[]'::json),
      'streets', COALESCE((
        SELECT json_object_agg(s.code, json_build_object('name', s.name, 'districtCode', s.district_code) ORDER BY s.code)
        FROM streets s
        WHERE s.code IN (SELECT g.street_code FROM grid_cells g WHERE ${inScope})), '{}'::json),
      'districts', COALESCE((
        SELECT json_object_agg(d.code, json_build_object('name', d.name, 'nameEn', d.name_en) ORDER BY d.code)
        FROM districts d
        WHERE d.code IN (SELECT g.district_code FROM grid_cells g WHERE ${inScope})), '{}'::json)
    )::text AS body`);
}

export interface RangeParams extends CellScopeParams {
  from: Date;
  to: Date;
}

/** The aggregation itself: clues in [from, to) per grid cell, one GROUP BY over (grid_cell_id, reported_at). */
export function clueCountsPerCellSql(p: RangeParams): SQL {
  return sql`
    SELECT c.grid_cell_id AS cell_id, count(*)::int AS n
    FROM clues c
    WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
      AND c.grid_cell_id IS NOT NULL
      AND ${districtFilter(sql`c.district_code`, p.scope, p.district)}
    GROUP BY c.grid_cell_id`;
}

export async function clueCountsPerCell(q: Queryable, p: RangeParams): Promise<Map<number, number>> {
  const rows = await parsedRows(q, z.object({ cell_id: col.int, n: col.int }), clueCountsPerCellSql(p));
  return new Map(rows.map((r) => [r.cell_id, r.n]));
}

export type CountStep = TimeStep;

/** Shanghai has had no daylight saving since 1991, so local time is UTC + 8 h (no time zone database needed). */
const shanghaiLocal = (column: SQL) => sql`((${column} AT TIME ZONE 'UTC') + interval '8 hours')`;

/**
 * Index of the time step of each clue: days and weeks are fixed lengths counted from `from`; months are calendar
 * months in Shanghai time, the first one starting at `from`.
 */
function stepIndexSql(step: CountStep, from: Date): SQL {
  if (step === 'month') {
    const fromLocal = shanghaiLocal(instant(from));
    return sql`((extract(year FROM ${shanghaiLocal(sql`c.reported_at`)}) - extract(year FROM ${fromLocal})) * 12
               + extract(month FROM ${shanghaiLocal(sql`c.reported_at`)}) - extract(month FROM ${fromLocal}))::int`;
  }
  const seconds = stepLengthMs(step) / 1000;
  return sql`floor(extract(epoch FROM (c.reported_at - ${instant(from)})) / ${seconds}::float8)::int`;
}

/** Non-zero counts of one time step: cell ids ascending and their counts. */
export interface StepCounts {
  step: number;
  cellIds: number[];
  counts: number[];
}

/**
 * Clues in [from, to) per grid cell and time step, one row per step with the step's cells and counts as JSON arrays
 * (a million (cell, day) pairs travel as a few hundred rows instead of a million), steps ascending.
 */
export function clueCountsPerCellStepSql(p: RangeParams & { step: CountStep }): SQL {
  return sql`
    SELECT s.step, json_agg(s.cell_id ORDER BY s.cell_id)::text AS cells, json_agg(s.n ORDER BY s.cell_id)::text AS counts
    FROM (
      SELECT c.grid_cell_id AS cell_id, ${stepIndexSql(p.step, p.from)} AS step, count(*)::int AS n
      FROM clues c
      WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
        AND c.grid_cell_id IS NOT NULL
        AND ${districtFilter(sql`c.district_code`, p.scope, p.district)}
      GROUP BY 1, 2
    ) s
    GROUP BY s.step
    ORDER BY s.step`;
}

const stepCountsRow = z.object({ step: col.int, cells: col.json(col.intArray), counts: col.json(col.intArray) });

export async function clueCountsPerCellStep(q: Queryable, p: RangeParams & { step: CountStep }): Promise<StepCounts[]> {
  const rows = await parsedRows(q, stepCountsRow, clueCountsPerCellStepSql(p));
  return rows.map((r) => ({ step: r.step, cellIds: r.cells, counts: r.counts }));
}

export interface RiskInputRow {
  id: number;
  name: string;
  address: string;
  districtCode: string;
  status: InstitutionStatus;
  listStatus: ListStatus;
  gridCellId: number | null;
  /** Dates (YYYY-MM-DD) of the recorded violations in the window before asOf. */
  violationDates: string[];
  lastInspectedOn: string | null;
  /** Clues linked to the institution or within the radius, in the window before asOf: report time (ISO UTC), status. */
  clues: { reportedAt: string; status: ClueStatus }[];
}

// Thousands of institutions with a few dates each: small enough to check every entry.
const riskInputRows = z.object({
  body: col
    .json(
      z.array(
        z.object({
          id: z.int(),
          name: z.string(),
          address: z.string(),
          districtCode: z.string(),
          status: z.enum(institutionStatuses),
          listStatus: z.enum(listStatuses),
          gridCellId: z.int().nullable(),
          violationDates: z.array(z.string()),
          lastInspectedOn: z.string().nullable(),
          clues: z.array(z.object({ reportedAt: z.string(), status: z.enum(clueStatuses) })),
        }),
      ),
    )
    .nullable(),
});

export interface RiskInputParams {
  scope: Scope;
  asOf: Date;
  /** Clues count from this instant on. */
  clueWindowStart: Date;
  /** Violations count after this Shanghai date up to asOfDate. */
  violationWindowStart: string;
  asOfDate: string;
  radiusMetres: number;
  /** One institution, or all of a district / the scope. */
  id?: number;
  district?: string;
}

/**
 * What the risk score needs per institution, gathered in one statement. Nearby clues are found with the GiST index
 * (a degree envelope around the point) and then the exact spherical distance; clues outside the scope never count.
 */
export async function riskInputs(q: Queryable, p: RiskInputParams): Promise<RiskInputRow[]> {
  // 1° of latitude ≈ 111 km; at Shanghai's latitude (≈31°) 1° of longitude ≈ 95 km: the envelope is a little larger.
  const envelopeDegrees = (p.radiusMetres / 90_000) * 1.05;
  const [row] = await parsedRows(q, riskInputRows, sql`
    SELECT json_agg(json_build_object(
      'id', i.id, 'name', i.name, 'address', i.address, 'districtCode', i.district_code, 'status', i.status, 'listStatus', i.list_status,
      'gridCellId', i.grid_cell_id, 'lastInspectedOn', i.last_inspected_on,
      'violationDates', COALESCE((
        SELECT json_agg(to_char(v.occurred_on, 'YYYY-MM-DD') ORDER BY v.occurred_on)
        FROM violations v
        WHERE v.institution_id = i.id AND v.occurred_on > ${p.violationWindowStart}::date AND v.occurred_on <= ${p.asOfDate}::date
      ), '[]'::json),
      'clues', COALESCE((
        SELECT json_agg(json_build_object('reportedAt', to_char(c.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'status', c.status) ORDER BY c.reported_at)
        FROM clues c
        WHERE c.reported_at >= ${instant(p.clueWindowStart)} AND c.reported_at <= ${instant(p.asOf)}
          AND ${districtFilter(sql`c.district_code`, p.scope)}
          AND (c.institution_id = i.id
               OR (c.geom && ST_Expand(i.geom, ${envelopeDegrees}::float8)
                   AND ST_DistanceSphere(c.geom, i.geom) <= ${p.radiusMetres}::float8))
      ), '[]'::json)
    ) ORDER BY i.id)::text AS body
    FROM institutions i
    WHERE ${districtFilter(sql`i.district_code`, p.scope, p.district)}
      AND ${p.id === undefined ? sql`TRUE` : sql`i.id = ${p.id}`}`);
  return row.body ?? [];
}

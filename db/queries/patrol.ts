/**
 * What a patrol plan reads for one district: its officers (certified or not), the offices they are based at, and
 * the institutions and grid cells that may be patrolled with their recent clues. Every query is district-scoped.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { institutionStatuses, listStatuses, type InstitutionStatus, type ListStatus } from '../../server/domain/vocabulary.js';
import { col, districtFilter, instant, parsedRows, type Queryable, type Scope } from './queryable.js';

export interface PatrolScope {
  scope: Scope;
  district: string;
}

const inDistrict = (column: ReturnType<typeof sql>, p: PatrolScope) => districtFilter(column, p.scope, p.district);

export async function districtName(q: Queryable, p: PatrolScope): Promise<{ name: string; nameEn: string } | null> {
  const [row] = await parsedRows(q, z.object({ name: z.string(), nameEn: z.string() }), sql`
    SELECT name, name_en AS "nameEn" FROM districts d WHERE ${inDistrict(sql`d.code`, p)}`);
  return row ?? null;
}

export interface PatrolOfficerRow {
  id: number;
  name: string;
  departmentCode: string;
  departmentName: string;
  certificateExpiresOn: string;
}

const patrolOfficerRow = z.object({
  id: col.int,
  name: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  certificateExpiresOn: z.string(),
});

export async function patrolOfficers(q: Queryable, p: PatrolScope): Promise<PatrolOfficerRow[]> {
  return parsedRows(q, patrolOfficerRow, sql`
    SELECT o.id, o.name, o.department_code AS "departmentCode", dep.name AS "departmentName",
           to_char(o.certificate_expires_on, 'YYYY-MM-DD') AS "certificateExpiresOn"
    FROM officers o JOIN departments dep ON dep.code = o.department_code
    WHERE ${inDistrict(sql`o.district_code`, p)}
    ORDER BY o.id`);
}

export interface PatrolBaseRow {
  /** The department whose office it is. */
  id: string;
  name: string;
  nameEn: string;
  lon: number;
  lat: number;
  officers: number;
}

const patrolBaseRow = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), lon: z.number(), lat: z.number(), officers: col.int });

/** The offices officers of the district are based at, one per department, the education bureau first. */
export async function patrolBases(q: Queryable, p: PatrolScope): Promise<PatrolBaseRow[]> {
  return parsedRows(q, patrolBaseRow, sql`
    SELECT dep.code AS id, dep.name, dep.name_en AS "nameEn",
           ST_X(ST_Centroid(ST_Collect(o.base))) AS lon, ST_Y(ST_Centroid(ST_Collect(o.base))) AS lat,
           count(*)::int AS officers
    FROM officers o JOIN departments dep ON dep.code = o.department_code
    WHERE ${inDistrict(sql`o.district_code`, p)}
    GROUP BY dep.code, dep.name, dep.name_en
    ORDER BY (dep.code <> 'education'), count(*) DESC, dep.code`);
}

export interface InstitutionCandidateRow {
  id: number;
  name: string;
  lon: number;
  lat: number;
  status: InstitutionStatus;
  listStatus: ListStatus;
  recentClueCount: number;
}

const institutionCandidateRow = z.object({
  id: col.int,
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  status: z.enum(institutionStatuses),
  listStatus: z.enum(listStatuses),
  recentClueCount: col.int,
});

/** Institutions of the district with the clues reported about them since `since`. */
export async function patrolInstitutions(q: Queryable, p: PatrolScope & { since: Date }): Promise<InstitutionCandidateRow[]> {
  return parsedRows(q, institutionCandidateRow, sql`
    SELECT i.id, i.name, ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat, i.status, i.list_status AS "listStatus",
           (SELECT count(*) FROM clues c WHERE c.institution_id = i.id AND c.reported_at >= ${instant(p.since)})::int AS "recentClueCount"
    FROM institutions i
    WHERE ${inDistrict(sql`i.district_code`, p)}
    ORDER BY i.id`);
}

export interface GridCellCandidateRow {
  id: number;
  code: string;
  lon: number;
  lat: number;
  recentClueCount: number;
}

const gridCellCandidateRow = z.object({ id: col.int, code: z.string(), lon: z.number(), lat: z.number(), recentClueCount: col.int });

/**
 * Every grid cell of the district with its clues since `since`, none included: a hot spot (Gi*) can lie in a cell of
 * few clues whose neighbours have many, and an area patrol may be sent to any cell. The point is on the cell
 * (ST_PointOnSurface).
 */
export async function patrolGridCells(q: Queryable, p: PatrolScope & { since: Date }): Promise<GridCellCandidateRow[]> {
  return parsedRows(q, gridCellCandidateRow, sql`
    WITH counts AS (
      SELECT c.grid_cell_id, count(*) AS n FROM clues c
      WHERE c.reported_at >= ${instant(p.since)} AND c.grid_cell_id IS NOT NULL AND ${inDistrict(sql`c.district_code`, p)}
      GROUP BY c.grid_cell_id
    )
    SELECT g.id, g.code, ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat, COALESCE(counts.n, 0)::int AS "recentClueCount"
    FROM grid_cells g LEFT JOIN counts ON counts.grid_cell_id = g.id
    WHERE ${inDistrict(sql`g.district_code`, p)}
    ORDER BY g.id`);
}

/**
 * A cheap fingerprint of the stored road network (edge count and highest id; a re-import restarts the ids), so
 * that a server can keep the routable network in memory and reload it only after an import.
 */
export async function roadNetworkVersion(q: Queryable): Promise<string> {
  const [row] = await parsedRows(q, z.object({ edges: col.int, maxId: col.int.nullable() }), sql`
    SELECT count(*) AS edges, max(id) AS "maxId" FROM road_edges`);
  return `${row.edges}:${row.maxId ?? 0}`;
}

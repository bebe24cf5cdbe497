/** SQL of the demo data build. Rows travel as one JSON parameter per batch (see jsonParam). */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, jsonParam as json, parsedRows, type Queryable } from './queryable.js';

/** Splits rows into batches so that no single JSON parameter grows without bound. */
async function inBatches<T>(items: readonly T[], size: number, insert: (batch: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await insert(items.slice(start, start + size));
}

/** True when none of the tables the build fills holds a row. */
export async function seededTablesEmpty(executor: Queryable): Promise<boolean> {
  const [row] = await parsedRows(executor, z.object({ any_rows: z.boolean() }), sql`
    SELECT EXISTS (SELECT 1 FROM districts) OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM institutions)
        OR EXISTS (SELECT 1 FROM clues) OR EXISTS (SELECT 1 FROM departments) AS any_rows`);
  return !row.any_rows;
}

export interface DistrictRow {
  code: string;
  name: string;
  name_en: string;
  /** GeoJSON Polygon or MultiPolygon, WGS84. */
  geometry: unknown;
  /** 常住人口, null when unknown. */
  population: number | null;
}

/** Source polygons may self-intersect: they are made valid and kept as their polygonal part. */
export async function insertDistricts(executor: Queryable, districts: readonly DistrictRow[]): Promise<void> {
  await executor.rows(sql`
    INSERT INTO districts (code, name, name_en, geom, synthetic, population)
    SELECT r.code, r.name, r.name_en,
           ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326)), 3)),
           false, r.population
    FROM json_to_recordset(${json(districts)}) AS r(code text, name text, name_en text, geometry json, population integer)`);
}

export async function districtGeometries(executor: Queryable): Promise<{ code: string; geojson: string }[]> {
  return parsedRows(executor, z.object({ code: z.string(), geojson: z.string() }), sql`SELECT code, ST_AsGeoJSON(geom, 15) AS geojson FROM districts ORDER BY code`);
}

export interface StreetRow {
  code: string;
  name: string;
  district_code: string;
}

/** Names and codes are real; their geometry is generated later from the grid cells, hence synthetic. */
export async function insertStreets(executor: Queryable, streets: readonly StreetRow[]): Promise<void> {
  await executor.rows(sql`
    INSERT INTO streets (code, name, district_code, geom, synthetic)
    SELECT r.code, r.name, r.district_code, NULL, true
    FROM json_to_recordset(${json(streets)}) AS r(code text, name text, district_code text)`);
}

export interface BorderSquare {
  district_code: string;
  i: number;
  j: number;
  lon_deg: number;
  lat_deg: number;
}

export interface ClippedCell {
  district_code: string;
  i: number;
  j: number;
  /** A point inside the clipped cell. */
  lon: number;
  lat: number;
  /** Planar area in square degrees. */
  area_deg2: number;
}

const clippedCell = z.object({ district_code: z.string(), i: z.int(), j: z.int(), lon: z.number(), lat: z.number(), area_deg2: z.number() });

/**
 * Clips the lattice squares on district borders to their district into a temporary table (dropped at
 * commit, so call inside a transaction) and answers the non-empty ones. Square (i, j) spans
 * [i·lon_deg, (i+1)·lon_deg] × [j·lat_deg, (j+1)·lat_deg].
 */
export async function clipBorderSquares(executor: Queryable, squares: readonly BorderSquare[]): Promise<ClippedCell[]> {
  await executor.rows(sql`
    CREATE TEMP TABLE seed_cells (district_code text, i int, j int, geom geometry(MultiPolygon, 4326)) ON COMMIT DROP`);
  await inBatches(squares, 5000, (batch) =>
    executor.rows(sql`
      INSERT INTO seed_cells (district_code, i, j, geom)
      SELECT * FROM (
        SELECT s.district_code, s.i, s.j,
               ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(
                 ST_MakeEnvelope(s.i * s.lon_deg, s.j * s.lat_deg, (s.i + 1) * s.lon_deg, (s.j + 1) * s.lat_deg, 4326), d.geom)), 3)) AS geom
        FROM json_to_recordset(${json(batch)}) AS s(district_code text, i int, j int, lon_deg float8, lat_deg float8)
        JOIN districts d ON d.code = s.district_code
      ) clipped
      WHERE NOT ST_IsEmpty(geom) AND ST_Area(geom) > 0`),
  );
  return parsedRows(executor, clippedCell, sql`
    SELECT district_code, i, j, ST_X(c) AS lon, ST_Y(c) AS lat, ST_Area(geom) AS area_deg2
    FROM (SELECT *, ST_PointOnSurface(geom) AS c FROM seed_cells) s
    ORDER BY district_code, j DESC, i`);
}

export interface GridCellRow {
  id: number;
  code: string;
  district_code: string;
  i: number;
  j: number;
  /** Whole lattice square (built from i, j and the sizes) or a clipped cell from clipBorderSquares. */
  whole: boolean;
  lon_deg: number;
  lat_deg: number;
  street_code: string;
  worker_name: string;
}

export async function insertGridCells(executor: Queryable, cells: readonly GridCellRow[]): Promise<void> {
  await inBatches(cells, 5000, (batch) =>
    executor.rows(sql`
      INSERT INTO grid_cells (id, code, district_code, street_code, worker_name, geom, synthetic)
      SELECT r.id, r.code, r.district_code, r.street_code, r.worker_name,
             CASE WHEN r.whole
                  THEN ST_Multi(ST_MakeEnvelope(r.i * r.lon_deg, r.j * r.lat_deg, (r.i + 1) * r.lon_deg, (r.j + 1) * r.lat_deg, 4326))
                  ELSE c.geom END,
             true
      FROM json_to_recordset(${json(batch)}) AS r(id int, code text, district_code text, i int, j int, whole boolean,
        lon_deg float8, lat_deg float8, street_code text, worker_name text)
      LEFT JOIN seed_cells c ON NOT r.whole AND c.district_code = r.district_code AND c.i = r.i AND c.j = r.j`),
  );
}

/**
 * Districts whose grid cells do not add up to the district's area (relative difference above 1e-6). A failed
 * clip would show up here instead of as a silently missing cell.
 */
export async function gridCoverageGaps(executor: Queryable): Promise<{ code: string; ratio: number }[]> {
  return parsedRows(executor, z.object({ code: z.string(), ratio: z.number() }), sql`
    SELECT d.code, COALESCE(cells.area, 0) / ST_Area(d.geom) AS ratio
    FROM districts d LEFT JOIN (SELECT district_code, sum(ST_Area(geom)) AS area FROM grid_cells GROUP BY district_code) cells
      ON cells.district_code = d.code
    WHERE abs(1 - COALESCE(cells.area, 0) / ST_Area(d.geom)) > 1e-6
    ORDER BY d.code`);
}

export interface StreetStrip {
  street_code: string;
  /** Whole lattice squares i0..i1 of row j, merged into one rectangle. */
  i0: number;
  i1: number;
  j: number;
  lon_deg: number;
  lat_deg: number;
}

/**
 * A street's geometry is the union of its grid cells. The whole squares arrive merged into row strips
 * (far fewer, larger rectangles to union), the clipped border cells are taken from grid_cells by id.
 */
export async function updateStreetGeometries(
  executor: Queryable,
  strips: readonly StreetStrip[],
  clipped: readonly { street_code: string; cell_id: number }[],
): Promise<void> {
  await executor.rows(sql`
    UPDATE streets s SET geom = u.geom
    FROM (
      SELECT street_code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(geom)), 3)) AS geom
      FROM (
        SELECT r.street_code, ST_MakeEnvelope(r.i0 * r.lon_deg, r.j * r.lat_deg, (r.i1 + 1) * r.lon_deg, (r.j + 1) * r.lat_deg, 4326) AS geom
        FROM json_to_recordset(${json(strips)}) AS r(street_code text, i0 int, i1 int, j int, lon_deg float8, lat_deg float8)
        UNION ALL
        SELECT r.street_code, g.geom
        FROM json_to_recordset(${json(clipped)}) AS r(street_code text, cell_id int)
        JOIN grid_cells g ON g.id = r.cell_id
      ) parts
      GROUP BY street_code
    ) u
    WHERE s.code = u.street_code`);
}

export interface InstitutionRow {
  id: number;
  name: string;
  credit_code: string | null;
  licence_no: string | null;
  category: string;
  nature: string;
  status: string;
  list_status: string;
  address: string;
  lon: number;
  lat: number;
  district_code: string;
  grid_cell_id: number;
  last_inspected_on: string | null;
  weekday_opens: string | null;
  weekday_closes: string | null;
  weekend_opens: string | null;
  weekend_closes: string | null;
  created_at: string;
  updated_at: string;
}

export async function insertInstitutions(executor: Queryable, institutions: readonly InstitutionRow[]): Promise<void> {
  await inBatches(institutions, 3000, (batch) =>
    executor.rows(sql`
      INSERT INTO institutions (id, name, credit_code, licence_no, category, nature, status, list_status, address, geom,
                                district_code, grid_cell_id, last_inspected_on, weekday_opens, weekday_closes, weekend_opens,
                                weekend_closes, synthetic, created_at, updated_at)
      SELECT r.id, r.name, r.credit_code, r.licence_no, r.category::institution_category, r.nature::institution_nature,
             r.status::institution_status, r.list_status::list_status, r.address, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326),
             r.district_code, r.grid_cell_id, r.last_inspected_on, r.weekday_opens, r.weekday_closes, r.weekend_opens,
             r.weekend_closes, true, r.created_at, r.updated_at
      FROM json_to_recordset(${json(batch)}) AS r(id int, name text, credit_code text, licence_no text, category text, nature text,
        status text, list_status text, address text, lon float8, lat float8, district_code text, grid_cell_id int,
        last_inspected_on date, weekday_opens time, weekday_closes time, weekend_opens time, weekend_closes time,
        created_at timestamptz, updated_at timestamptz)`),
  );
}

export interface ViolationRow {
  institution_id: number;
  occurred_on: string;
  kind: string;
  description: string;
}

export async function insertViolations(executor: Queryable, violations: readonly ViolationRow[]): Promise<void> {
  await inBatches(violations, 5000, (batch) =>
    executor.rows(sql`
      INSERT INTO violations (institution_id, occurred_on, kind, description, synthetic)
      SELECT r.institution_id, r.occurred_on, r.kind::violation_kind, r.description, true
      FROM json_to_recordset(${json(batch)}) AS r(institution_id int, occurred_on date, kind text, description text)`),
  );
}

export interface ClueRow {
  id: number;
  source: string;
  reported_at: string;
  lon: number;
  lat: number;
  address: string;
  description: string;
  suspected_type: string;
  status: string;
  institution_id: number | null;
  district_code: string;
  grid_cell_id: number;
  due_at: string | null;
  closed_at: string | null;
  lead_department: string | null;
  co_departments: string[];
  matrix_rule_id: string | null;
  dispatch_reason: string | null;
  whistle: boolean;
  dispatched_at: string | null;
}

export async function insertClues(executor: Queryable, clues: readonly ClueRow[]): Promise<void> {
  await inBatches(clues, 5000, (batch) =>
    executor.rows(sql`
      INSERT INTO clues (id, source, reported_at, geom, address, description, suspected_type, status, institution_id,
                         district_code, grid_cell_id, due_at, closed_at, synthetic, lead_department, co_departments,
                         matrix_rule_id, matrix_version, dispatch_reason, whistle, dispatched_at)
      SELECT r.id, r.source::clue_source, r.reported_at, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.address, r.description,
             r.suspected_type::suspected_type, r.status::clue_status, r.institution_id, r.district_code, r.grid_cell_id,
             r.due_at, r.closed_at, true, r.lead_department, r.co_departments, r.matrix_rule_id,
             CASE WHEN r.matrix_rule_id IS NULL THEN NULL ELSE 1 END, r.dispatch_reason, r.whistle, r.dispatched_at
      FROM json_to_recordset(${json(batch)}) AS r(id int, source text, reported_at timestamptz, lon float8, lat float8,
        address text, description text, suspected_type text, status text, institution_id int, district_code text,
        grid_cell_id int, due_at timestamptz, closed_at timestamptz, lead_department text, co_departments jsonb,
        matrix_rule_id text, dispatch_reason text, whistle boolean, dispatched_at timestamptz)`),
  );
}

export interface DepartmentRow {
  code: string;
  name: string;
  name_en: string;
  responsibilities: string;
}

export async function insertDepartments(executor: Queryable, departments: readonly DepartmentRow[]): Promise<void> {
  await executor.rows(sql`
    INSERT INTO departments (code, name, name_en, responsibilities)
    SELECT r.code, r.name, r.name_en, r.responsibilities
    FROM json_to_recordset(${json(departments)}) AS r(code text, name text, name_en text, responsibilities text)`);
}

export interface OfficerRow {
  id: number;
  name: string;
  department_code: string;
  district_code: string;
  home_street_code: string | null;
  certificate_no: string;
  certificate_expires_on: string;
  lon: number;
  lat: number;
}

export async function insertOfficers(executor: Queryable, officers: readonly OfficerRow[]): Promise<void> {
  await executor.rows(sql`
    INSERT INTO officers (id, name, department_code, district_code, home_street_code, certificate_no, certificate_expires_on, base, synthetic)
    SELECT r.id, r.name, r.department_code, r.district_code, r.home_street_code, r.certificate_no, r.certificate_expires_on,
           ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), true
    FROM json_to_recordset(${json(officers)}) AS r(id int, name text, department_code text, district_code text,
      home_street_code text, certificate_no text, certificate_expires_on date, lon float8, lat float8)`);
}

export interface OfficerRelationRow {
  id: number;
  officer_id: number;
  institution_id: number;
  kind: string;
  note: string;
  registered_on: string;
}

export async function insertOfficerRelations(executor: Queryable, relations: readonly OfficerRelationRow[]): Promise<void> {
  await executor.rows(sql`
    INSERT INTO officer_relations (id, officer_id, institution_id, kind, note, registered_on, synthetic)
    SELECT r.id, r.officer_id, r.institution_id, r.kind::officer_relation_kind, r.note, r.registered_on, true
    FROM json_to_recordset(${json(relations)}) AS r(id int, officer_id int, institution_id int, kind text, note text, registered_on date)`);
}

export interface UserRow {
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  district_code: string | null;
  /** The registry officer of a field account; null (or absent) for every other role. */
  officer_id?: number | null;
}

export async function insertUsers(executor: Queryable, users: readonly UserRow[]): Promise<void> {
  await executor.rows(sql`
    INSERT INTO users (username, display_name, password_hash, role, district_code, officer_id)
    SELECT r.username, r.display_name, r.password_hash, r.role::user_role, r.district_code, r.officer_id
    FROM json_to_recordset(${json(users)}) AS r(username text, display_name text, password_hash text, role text, district_code text, officer_id int)`);
}

/** Rows were inserted with explicit ids: move each serial sequence past them so later inserts do not collide. */
export async function syncSerialSequences(executor: Queryable): Promise<void> {
  for (const table of ['grid_cells', 'institutions', 'clues', 'officers', 'officer_relations']) {
    await executor.rows(
      sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), GREATEST((SELECT max(id) FROM ${sql.identifier(table)}), 1))`,
    );
  }
}

export const SEEDED_TABLES = [
  'districts',
  'streets',
  'grid_cells',
  'institutions',
  'violations',
  'clues',
  'departments',
  'officers',
  'officer_relations',
  'users',
  'school_vacations',
  'audit_log',
] as const;
export type SeededTable = (typeof SEEDED_TABLES)[number];

export async function countRows(executor: Queryable): Promise<Record<SeededTable, number>> {
  const counts = {} as Record<SeededTable, number>;
  for (const table of SEEDED_TABLES) {
    const [row] = await parsedRows(executor, z.object({ n: col.int }), sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
    counts[table] = row.n;
  }
  return counts;
}

/**
 * A digest of every generated row (password hashes, which are salted, and the audit log, which records the
 * real time of the build, left out): two builds with the same seed and asOf give the same digest.
 */
export async function seedChecksum(executor: Queryable): Promise<string> {
  const [row] = await parsedRows(executor, z.object({ digest: z.string() }), sql`
    SELECT md5(concat_ws('#',
      (SELECT md5(string_agg(t::text, '|' ORDER BY code)) FROM districts t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY code)) FROM streets t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM grid_cells t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM institutions t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM clues t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY code)) FROM departments t),
      (SELECT md5(string_agg(t.rules::text, '|' ORDER BY version)) FROM responsibility_matrices t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM officers t),
      (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM officer_relations t),
      (SELECT md5(string_agg(concat_ws(',', username, display_name, role, district_code, officer_id), '|' ORDER BY username)) FROM users),
      (SELECT md5(string_agg(concat_ws(',', city_code, school_year, kind, starts_on, ends_on, status, source), '|' ORDER BY city_code, school_year, kind))
       FROM school_vacations)
    )) AS digest`);
  return row.digest;
}

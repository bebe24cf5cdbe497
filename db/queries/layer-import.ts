import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { placementColumns } from './placement.js';
import { col, jsonParam, parsedRows, type Queryable } from './queryable.js';

// The database side of importing a layer's file: where each record falls (district and grid cell, placed as every write places them, and
// so whether it lies inside Shanghai at all), what is already stored, and the inserts, each over a batch of rows
// handed over as one JSON array so that a file of 100,000 records takes a hundred statements, not 100,000.

export interface PointPlace {
  i: number;
  districtCode: string | null;
  gridCellId: number | null;
}

const pointPlace = z.object({ i: col.int, districtCode: z.string().nullable(), gridCellId: col.int.nullable() });

/** The district and grid cell of each point (WGS84), placed as every write places; a point in no district is outside Shanghai. */
export async function placePoints(q: Queryable, points: readonly { i: number; lon: number; lat: number }[]): Promise<PointPlace[]> {
  if (points.length === 0) return [];
  return parsedRows(q, pointPlace, sql`
    WITH input AS (
      SELECT t.i, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) AS geom
      FROM json_to_recordset(${jsonParam(points)}) AS t(i int, lon float8, lat float8))
    SELECT input.i, ${placementColumns(sql`input.geom`)}
    FROM input`);
}

export interface PolygonPlace {
  i: number;
  valid: boolean;
  reason: string;
  /** The district and street that contain the polygon's point on its surface; null = outside Shanghai. */
  districtCode: string | null;
  streetCode: string | null;
  /** Whether the whole polygon lies within the districts' union. */
  inside: boolean;
}

const polygonPlace = z.object({
  i: col.int,
  valid: z.boolean(),
  reason: z.string(),
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  inside: z.boolean().nullable().transform((v) => v ?? false),
});

/** Validity (ST_IsValid) and place of each polygon; an invalid one is not placed. */
export async function placePolygons(q: Queryable, polygons: readonly { i: number; geometry: unknown }[]): Promise<PolygonPlace[]> {
  if (polygons.length === 0) return [];
  return parsedRows(q, polygonPlace, sql`
    WITH input AS (
      SELECT t.i, ST_SetSRID(ST_GeomFromGeoJSON(t.geometry::text), 4326) AS geom
      FROM json_to_recordset(${jsonParam(polygons)}) AS t(i int, geometry json)),
    checked AS (SELECT i, geom, ST_IsValid(geom) AS valid, ST_IsValidReason(geom) AS reason FROM input),
    city AS (SELECT ST_Buffer(ST_Union(geom), 0.00001) AS geom FROM districts)
    SELECT c.i, c.valid, c.reason,
           CASE WHEN c.valid THEN (SELECT d.code FROM districts d WHERE ST_Contains(d.geom, ST_PointOnSurface(c.geom)) ORDER BY d.code LIMIT 1) END AS "districtCode",
           CASE WHEN c.valid THEN (SELECT s.code FROM streets s WHERE s.geom IS NOT NULL AND ST_Contains(s.geom, ST_PointOnSurface(c.geom)) ORDER BY s.code LIMIT 1) END AS "streetCode",
           CASE WHEN c.valid THEN ST_CoveredBy(c.geom, (SELECT geom FROM city)) END AS inside
    FROM checked c`);
}

const textValue = z.object({ value: z.string() });

/** Which of these 统一社会信用代码 an institution already has. */
export async function storedCreditCodes(q: Queryable, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await parsedRows(q, textValue, sql`
    SELECT DISTINCT i.credit_code AS value
    FROM json_array_elements_text(${jsonParam(codes)}) AS c(code) JOIN institutions i ON i.credit_code = c.code`);
  return new Set(rows.map((r) => r.value));
}

/** Which of these grid cell codes are taken. */
export async function storedGridCellCodes(q: Queryable, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await parsedRows(q, textValue, sql`
    SELECT code AS value FROM grid_cells WHERE code = ANY(ARRAY(SELECT json_array_elements_text(${jsonParam(codes)})))`);
  return new Set(rows.map((r) => r.value));
}

/** The district of each of these street codes that exists. */
export async function streetDistricts(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await parsedRows(q, z.object({ code: z.string(), districtCode: z.string() }), sql`
    SELECT code, district_code AS "districtCode" FROM streets WHERE code = ANY(ARRAY(SELECT json_array_elements_text(${jsonParam(codes)})))`);
  return new Map(rows.map((r) => [r.code, r.districtCode]));
}

/** Which (source, external id) pairs a clue already came with, as `source|id`. */
export async function storedClueExternalIds(q: Queryable, pairs: readonly { source: string; externalId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await parsedRows(q, textValue, sql`
    SELECT c.source::text || '|' || c.external_id AS value
    FROM clues c JOIN json_to_recordset(${jsonParam(pairs)}) AS t(source text, "externalId" text)
      ON c.source::text = t.source AND c.external_id = t."externalId"`);
  return new Set(rows.map((r) => r.value));
}

export interface ImportedInstitution {
  name: string;
  creditCode: string | null;
  licenceNo: string | null;
  category: string;
  nature: string;
  status: string;
  address: string;
  lon: number;
  lat: number;
  districtCode: string;
  gridCellId: number | null;
}

/** Inserts a batch of real (not synthetic) institutions; answers their ids. */
export async function insertInstitutions(tx: Queryable, rows: readonly ImportedInstitution[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO institutions (name, credit_code, licence_no, category, nature, status, address, geom, district_code, grid_cell_id, synthetic)
    SELECT t.name, t."creditCode", t."licenceNo", t.category::institution_category, t.nature::institution_nature,
           t.status::institution_status, t.address, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t."districtCode", t."gridCellId", FALSE
    FROM json_to_recordset(${jsonParam(rows)}) AS t(name text, "creditCode" text, "licenceNo" text, category text,
         nature text, status text, address text, lon float8, lat float8, "districtCode" text, "gridCellId" int)
    RETURNING id`);
  return ids.map((r) => r.id);
}

export interface ImportedClue {
  source: string;
  reportedAt: Date;
  lon: number;
  lat: number;
  address: string;
  description: string;
  suspectedType: string;
  kind: string;
  externalId: string | null;
  districtCode: string;
  gridCellId: number | null;
  dueAt: Date;
}

export async function insertClues(tx: Queryable, rows: readonly ImportedClue[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const payload = rows.map((r) => ({ ...r, reportedAt: r.reportedAt.toISOString(), dueAt: r.dueAt.toISOString() }));
  const ids = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO clues (source, reported_at, geom, address, description, suspected_type, status, district_code, grid_cell_id,
                       due_at, synthetic, kind, external_id)
    SELECT t.source::clue_source, t."reportedAt", ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.address, t.description,
           t."suspectedType"::suspected_type, 'received', t."districtCode", t."gridCellId", t."dueAt", FALSE, t.kind::clue_kind, t."externalId"
    FROM json_to_recordset(${jsonParam(payload)}) AS t(source text, "reportedAt" timestamptz, lon float8, lat float8,
         address text, description text, "suspectedType" text, kind text, "externalId" text, "districtCode" text, "gridCellId" int, "dueAt" timestamptz)
    RETURNING id`);
  return ids.map((r) => r.id);
}

export interface ImportedGridCell {
  code: string;
  workerName: string;
  districtCode: string;
  streetCode: string;
  geometry: unknown;
}

export async function insertGridCells(tx: Queryable, rows: readonly ImportedGridCell[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO grid_cells (code, district_code, street_code, worker_name, geom, synthetic)
    SELECT t.code, t."districtCode", t."streetCode", t."workerName", ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(t.geometry::text), 4326)), FALSE
    FROM json_to_recordset(${jsonParam(rows)}) AS t(code text, "workerName" text, "districtCode" text, "streetCode" text, geometry json)
    RETURNING id`);
  return ids.map((r) => r.id);
}

/** How many real (not synthetic) rows each importable layer holds: what an import added is the difference. */
export async function realRowCounts(q: Queryable): Promise<{ institutions: number; clues: number; gridCells: number }> {
  const [row] = await parsedRows(q, z.object({ institutions: col.int, clues: col.int, gridCells: col.int }), sql`
    SELECT (SELECT count(*) FROM institutions WHERE NOT synthetic) AS institutions,
           (SELECT count(*) FROM clues WHERE NOT synthetic) AS clues,
           (SELECT count(*) FROM grid_cells WHERE NOT synthetic) AS "gridCells"`);
  return row;
}


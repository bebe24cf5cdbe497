import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { tileBuffer, tileExtent, tileLayers, type TileLayerName } from '../../server/domain/tile-layers.js';
import { col, districtFilter, instant, isoUtc, parsedPreparedRows, parsedRows, type Queryable, type RenderedStatement, type Scope } from './queryable.js';

export interface TileParams {
  layer: TileLayerName;
  z: number;
  x: number;
  y: number;
  scope: Scope;
  /** The one district asked for, within the scope (services/access.ts#allowedDistrict has checked it). */
  district?: string;
  from?: Date;
  to?: Date;
}

/** An instant bound as text: a Date, or the placeholder of a statement built once for many tiles (mvtTileStatement). */
const bound = (at: Date): SQL => (at instanceof Date ? instant(at) : sql`${at}::timestamptz`);

/** A numeric code as the feature id (MVT ids are unsigned integers); none for a code that is not all digits. */
const codeId = (column: SQL) => sql`CASE WHEN ${column} ~ '^[0-9]{1,15}$' THEN ${column}::bigint END`;

/**
 * The layer's features near the tile as (id, the layer's fields, geom in EPSG:3857). `near` is the tile with its
 * buffer in EPSG:4326, so the GiST index on geom does the search; Web Mercator keeps the box a box.
 */
function layerSource(p: TileParams, near: SQL): SQL {
  switch (p.layer) {
    case 'districts':
      return sql`SELECT ${codeId(sql`d.code`)} AS id, d.code, d.name, d.name_en AS "nameEn", ST_Transform(d.geom, 3857) AS geom
        FROM districts d WHERE d.geom && ${near} AND ${districtFilter(sql`d.code`, p.scope, p.district)}`;
    case 'streets':
      return sql`SELECT ${codeId(sql`s.code`)} AS id, s.code, s.name, s.district_code AS "districtCode", ST_Transform(s.geom, 3857) AS geom
        FROM streets s WHERE s.geom && ${near} AND ${districtFilter(sql`s.district_code`, p.scope, p.district)}`;
    case 'grid-cells': {
      const inPeriod = p.from && p.to ? sql`c.reported_at >= ${bound(p.from)} AND c.reported_at < ${bound(p.to)}` : sql`FALSE`;
      return sql`SELECT g.id, g.code, g.district_code AS "districtCode", g.street_code AS "streetCode",
          (SELECT count(*)::int FROM clues c WHERE c.grid_cell_id = g.id AND ${inPeriod}
             AND ${districtFilter(sql`c.district_code`, p.scope)}) AS "clueCount",
          ST_Transform(g.geom, 3857) AS geom
        FROM grid_cells g WHERE g.geom && ${near} AND ${districtFilter(sql`g.district_code`, p.scope, p.district)}`;
    }
    case 'institutions':
      return sql`SELECT i.id, i.name, i.category::text AS category, i.status::text AS status,
          i.list_status::text AS "listStatus", i.district_code AS "districtCode", ST_Transform(i.geom, 3857) AS geom
        FROM institutions i WHERE i.geom && ${near} AND ${districtFilter(sql`i.district_code`, p.scope, p.district)}`;
    case 'clues': {
      const inPeriod = p.from && p.to ? sql`c.reported_at >= ${bound(p.from)} AND c.reported_at < ${bound(p.to)}` : sql`TRUE`;
      return sql`SELECT c.id, c.status::text AS status, c.source::text AS source, c.suspected_type::text AS "suspectedType",
          c.district_code AS "districtCode", ${isoUtc(sql`c.reported_at`)} AS "reportedAt", ST_Transform(c.geom, 3857) AS geom
        FROM clues c WHERE c.geom && ${near} AND ${inPeriod} AND ${districtFilter(sql`c.district_code`, p.scope, p.district)}`;
    }
  }
}

const fieldNames = (layer: TileLayerName) => Object.keys(tileLayers[layer].fields);
const envelope = (p: TileParams) => sql`ST_TileEnvelope(${p.z}::int, ${p.x}::int, ${p.y}::int)`;
/** The tile's box grown by the buffer, in EPSG:3857. */
const bufferedEnvelope = (p: TileParams) => sql`ST_Expand(${envelope(p)}, ${tileBuffer / tileExtent}::float8 * (ST_XMax(${envelope(p)}) - ST_XMin(${envelope(p)})))`;
const near = (p: TileParams) => sql`ST_Transform(${bufferedEnvelope(p)}, 4326)`;

/** The whole tile built by PostGIS (ST_AsMVTGeom + ST_AsMVT): the engines that have protobuf support. */
export function mvtTileSql(p: TileParams): SQL {
  const fields = sql.join(fieldNames(p.layer).map((name) => sql`src.${sql.identifier(name)}`), sql`, `);
  return sql`
    SELECT ST_AsMVT(t, ${p.layer}::text, ${tileExtent}::int, 'geom', 'feature_id') AS tile FROM (
      SELECT src.id AS feature_id, ${fields}, ST_AsMVTGeom(src.geom, ${envelope(p)}, ${tileExtent}::int, ${tileBuffer}::int, true) AS geom
      FROM (${layerSource(p, near(p))}) src ORDER BY src.id
    ) t WHERE t.geom IS NOT NULL`;
}

const dialect = new PgDialect();
const statements = new Map<string, RenderedStatement>();
// Placeholders stand in for the values in the one statement built per shape; drizzle binds them as any other value.
const slot = <T>(name: string) => sql.placeholder(name) as unknown as T;

/**
 * mvtTileSql's text and values without building it: the text is built once per shape (layer, and whether there is a
 * scope, a district, a period), the values filled in per tile. Building and rendering the statement each time cost
 * about as much of the server's time as sending it.
 */
export function mvtTileStatement(p: TileParams): RenderedStatement {
  const shape = [p.layer, p.scope.districtCode !== null, p.district !== undefined, p.from !== undefined, p.to !== undefined].join('/');
  let statement = statements.get(shape);
  if (!statement) {
    statement = dialect.sqlToQuery(mvtTileSql({
      layer: p.layer, z: slot('z'), x: slot('x'), y: slot('y'),
      scope: { districtCode: p.scope.districtCode === null ? null : slot('scope') },
      district: p.district === undefined ? undefined : slot('district'),
      from: p.from === undefined ? undefined : slot('from'),
      to: p.to === undefined ? undefined : slot('to'),
    }));
    statements.set(shape, statement);
  }
  const values = { z: p.z, x: p.x, y: p.y, scope: p.scope.districtCode, district: p.district, from: p.from?.toISOString(), to: p.to?.toISOString() };
  return { sql: statement.sql, params: fillPlaceholders(statement.params, values) };
}

const tileRow = z.object({ tile: z.instanceof(Uint8Array).nullable() });

export async function mvtTile(q: Queryable, p: TileParams): Promise<Uint8Array> {
  const [row] = await parsedPreparedRows(q, tileRow, mvtTileStatement(p), () => mvtTileSql(p));
  return row?.tile ?? new Uint8Array();
}

/**
 * The tile's features clipped to the buffered tile and in tile coordinates (x right, y down, 0 … 4096), snapped to
 * whole units, as ST_AsMVTGeom makes them, for engines without ST_AsMVTGeom: the server encodes them. Polygons are
 * made valid after snapping and wound as MVT wants (positive area in tile coordinates); what collapses is dropped.
 */
export function clippedFeaturesSql(p: TileParams): SQL {
  const env = envelope(p);
  const scale = sql`(${tileExtent}::float8 / (ST_XMax(${env}) - ST_XMin(${env})))`;
  const fields = sql.join(fieldNames(p.layer).map((name) => sql`${name}::text, src.${sql.identifier(name)}`), sql`, `);
  const clipped = sql`CASE WHEN ST_Dimension(src.geom) = 0 THEN ST_Intersection(src.geom, ${bufferedEnvelope(p)})
    ELSE ST_ClipByBox2D(src.geom, ${bufferedEnvelope(p)}) END`;
  const inTileUnits = sql`ST_SnapToGrid(ST_Affine(${clipped}, ${scale}, 0, 0, -${scale}, -${scale} * ST_XMin(${env}), ${scale} * ST_YMax(${env})), 1)`;
  return sql`
    SELECT id, properties, ST_AsGeoJSON(tg, 0) AS geometry FROM (
      SELECT src.id, json_strip_nulls(json_build_object(${fields}))::text AS properties,
        CASE WHEN ST_Dimension(src.geom) = 2
          THEN ST_ForcePolygonCCW(ST_CollectionExtract(ST_MakeValid(ST_RemoveRepeatedPoints(${inTileUnits})), 3))
          ELSE ST_RemoveRepeatedPoints(${inTileUnits}) END AS tg
      FROM (${layerSource(p, near(p))}) src
    ) t WHERE tg IS NOT NULL AND NOT ST_IsEmpty(tg) AND (ST_Dimension(tg) < 2 OR ST_Area(tg) > 0)
    ORDER BY id`;
}

export interface ClippedFeatureRow {
  id: number | null;
  properties: Record<string, string | number | boolean>;
  /** GeoJSON geometry in tile units. */
  geometry: { type: string; coordinates: unknown };
}

const clippedRow = z.object({
  id: col.int.nullable(),
  properties: col.json(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  geometry: col.json(z.object({ type: z.string(), coordinates: z.unknown() })),
});

export async function clippedFeatures(q: Queryable, p: TileParams): Promise<ClippedFeatureRow[]> {
  return parsedRows(q, clippedRow, clippedFeaturesSql(p));
}

/** Whether this engine builds tiles itself: PGlite's PostGIS lacks protobuf, so ST_AsMVT(Geom) raise there. */
export async function engineHasAsMvt(q: Queryable): Promise<boolean> {
  try {
    const [row] = await parsedRows(q, tileRow, sql`
      SELECT ST_AsMVT(t, 'probe') AS tile FROM (
        SELECT 1 AS id, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(0, 0), 3857), ST_TileEnvelope(0, 0, 0)) AS geom) t`);
    return (row?.tile?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** The layer's extent in degrees within the scope, for its TileJSON (null when it has no features). */
export async function layerBounds(q: Queryable, layer: TileLayerName, scope: Scope, district?: string): Promise<[number, number, number, number] | null> {
  const table = { districts: 'districts', streets: 'streets', 'grid-cells': 'grid_cells', institutions: 'institutions', clues: 'clues' }[layer];
  const districtColumn = sql`${sql.identifier(layer === 'districts' ? 'code' : 'district_code')}`;
  const [row] = await parsedRows(q, z.object({ minx: z.number().nullable(), miny: z.number().nullable(), maxx: z.number().nullable(), maxy: z.number().nullable() }), sql`
    SELECT ST_XMin(e) AS minx, ST_YMin(e) AS miny, ST_XMax(e) AS maxx, ST_YMax(e) AS maxy
    FROM (SELECT ST_Extent(geom)::geometry AS e FROM ${sql.identifier(table)} WHERE ${districtFilter(districtColumn, scope, district)}) x`);
  if (!row || row.minx === null || row.miny === null || row.maxx === null || row.maxy === null) return null;
  return [row.minx, row.miny, row.maxx, row.maxy];
}

/**
 * SQL of the road network (OpenStreetMap import): replace it as a whole, read it back for the router. Rows travel
 * as one JSON parameter per batch unpacked with json_to_recordset, fast on PGlite and PostgreSQL alike.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../client.js';
import { col, inBbox, inTransaction, jsonParam as json, parsedRows, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

// These rows mirror RoadNodeRecord / RoadEdgeRecord of server/routing/network/types.ts on purpose: db/ may not
// import server/, and the pure routing module may not import db/. TypeScript's structural typing keeps the two in
// step: server/routing-jobs/network-source.ts and scripts/import-osm.ts pass one where the other is expected, so
// a field that drifts fails `tsc`.

/** A graph vertex (OSM node id, WGS84). */
export interface StoredRoadNode {
  id: number;
  lon: number;
  lat: number;
}

/** A road segment between two vertices; one-way edges run from source to target. */
export interface StoredRoadEdge {
  osmWayId: number;
  source: number;
  target: number;
  highway: string;
  name: string | null;
  oneway: boolean;
  lengthMetres: number;
  speedKmh: number;
  /** [lon, lat] from source to target. */
  coordinates: [number, number][];
}

export interface StoredRoadNetwork {
  nodes: StoredRoadNode[];
  edges: StoredRoadEdge[];
}

const NODE_BATCH = 5000;
const EDGE_BATCH = 1000;

async function insertNodes(tx: Queryable, nodes: readonly StoredRoadNode[]): Promise<void> {
  await tx.rows(sql`
    INSERT INTO road_nodes (id, geom)
    SELECT r.id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)
    FROM json_to_recordset(${json(nodes)}) AS r(id bigint, lon float8, lat float8)`);
}

async function insertEdges(tx: Queryable, edges: readonly StoredRoadEdge[]): Promise<void> {
  const rows = edges.map((edge) => ({
    osm_way_id: edge.osmWayId,
    source: edge.source,
    target: edge.target,
    highway: edge.highway,
    name: edge.name,
    oneway: edge.oneway,
    length_m: edge.lengthMetres,
    speed_kmh: edge.speedKmh,
    geometry: { type: 'LineString', coordinates: edge.coordinates },
  }));
  await tx.rows(sql`
    INSERT INTO road_edges (osm_way_id, source, target, highway, name, oneway, length_m, speed_kmh, geom)
    SELECT r.osm_way_id, r.source, r.target, r.highway, r.name, r.oneway, r.length_m, r.speed_kmh,
           ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326)
    FROM json_to_recordset(${json(rows)})
      AS r(osm_way_id bigint, source bigint, target bigint, highway text, name text, oneway boolean,
           length_m float8, speed_kmh float8, geometry json)`);
}

/**
 * Replaces the stored road network by `network` in one transaction: readers see the old network or the new one,
 * never a mix. `onProgress(done, total)` counts rows written.
 */
export async function replaceRoadNetwork(
  database: Database,
  network: StoredRoadNetwork,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = network.nodes.length + network.edges.length;
  let done = 0;
  await inTransaction(database, async (tx) => {
    await tx.rows(sql`TRUNCATE road_edges, road_nodes RESTART IDENTITY`);
    onProgress?.(done, total);
    for (let start = 0; start < network.nodes.length; start += NODE_BATCH) {
      const batch = network.nodes.slice(start, start + NODE_BATCH);
      await insertNodes(tx, batch);
      onProgress?.((done += batch.length), total);
    }
    for (let start = 0; start < network.edges.length; start += EDGE_BATCH) {
      const batch = network.edges.slice(start, start + EDGE_BATCH);
      await insertEdges(tx, batch);
      onProgress?.((done += batch.length), total);
    }
  });
}

// The shape is checked for its type only: a city's network has millions of coordinates.
const lineString = z.custom<{ type: 'LineString'; coordinates: [number, number][] }>((value) => {
  const { type, coordinates } = (value ?? {}) as { type?: unknown; coordinates?: unknown };
  return type === 'LineString' && Array.isArray(coordinates);
}, 'expected a GeoJSON LineString');

const edgeRow = z.object({
  osm_way_id: z.int(),
  source: z.int(),
  target: z.int(),
  highway: z.string(),
  name: z.string().nullable(),
  oneway: z.boolean(),
  length_m: z.number(),
  speed_kmh: z.number(),
  geojson: col.json(lineString),
});

const nodeRow = z.object({ id: z.int(), lon: z.number(), lat: z.number() });

/**
 * The stored network, or the part of it whose edges meet `bbox` (with the vertices they need). Ids come back as
 * float8 so that both drivers return numbers; OSM ids are far below 2^53.
 */
export async function loadRoadNetwork(database: Database, bbox?: BboxDegrees): Promise<StoredRoadNetwork> {
  const edgeRows = await parsedRows(database, edgeRow, sql`
    SELECT osm_way_id::float8 AS osm_way_id, source::float8 AS source, target::float8 AS target, highway, name, oneway,
           length_m, speed_kmh, ST_AsGeoJSON(geom, 9) AS geojson
    FROM road_edges
    WHERE ${inBbox(sql`geom`, bbox)}
    ORDER BY id`);
  const nodes = await parsedRows(database, nodeRow, sql`
    SELECT id::float8 AS id, ST_X(geom) AS lon, ST_Y(geom) AS lat
    FROM road_nodes
    WHERE ${bbox ? sql`id IN (SELECT source FROM road_edges WHERE ${inBbox(sql`geom`, bbox)}
                              UNION SELECT target FROM road_edges WHERE ${inBbox(sql`geom`, bbox)})` : sql`TRUE`}
    ORDER BY id`);
  const edges = edgeRows.map((row) => ({
    osmWayId: row.osm_way_id,
    source: row.source,
    target: row.target,
    highway: row.highway,
    name: row.name,
    oneway: row.oneway,
    lengthMetres: row.length_m,
    speedKmh: row.speed_kmh,
    coordinates: row.geojson.coordinates,
  }));
  return { nodes, edges };
}

export interface RoadNetworkCounts {
  nodes: number;
  edges: number;
  kilometres: number;
}

/** Size of the stored network, measured by PostGIS on the spheroid (a check independent of the importer). */
export async function roadNetworkCounts(database: Database): Promise<RoadNetworkCounts> {
  const [row] = await parsedRows(database, z.object({ nodes: z.number(), edges: z.number(), kilometres: z.number().nullable() }), sql`
    SELECT (SELECT count(*) FROM road_nodes)::float8 AS nodes,
           count(*)::float8 AS edges,
           sum(ST_Length(geom::geography)) / 1000 AS kilometres
    FROM road_edges`);
  return { nodes: row.nodes, edges: row.edges, kilometres: row.kilometres ?? 0 };
}

const roadMatchRow = z
  .object({
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    streetCode: z.string().nullable(),
    streetName: z.string().nullable(),
  })
  .transform(({ lon, lat, ...m }) => ({ ...m, position: [lon, lat] as [number, number] }));
export type RoadMatchRow = z.output<typeof roadMatchRow>;

/**
 * Road names containing `text`, one row a name, placed at the middle of its longest edge with the district and 街镇
 * there. The name itself first, then names that begin with it, then the shorter ones; strpos, not LIKE, so `%` and
 * `_` are characters. A district's user sees a road only when one of its edges runs into the district (touching the
 * border is not enough), placed at the middle of that edge's part inside: a road across the border is put on their
 * side, where the district's own lookup would be ambiguous on the border line itself.
 */
export async function searchRoads(q: Queryable, p: { scope: Scope; text: string; limit: number }): Promise<RoadMatchRow[]> {
  const folded = /[A-Za-z]/.test(p.text);
  const text = folded ? p.text.toLowerCase() : p.text;
  const key = (column: SQL) => (folded ? sql`lower(${column})` : column);
  const rank = (column: SQL) => sql`${key(column)} = ${text} DESC, strpos(${key(column)}, ${text}) = 1 DESC, char_length(${column}), ${column}`;
  const scoped = p.scope.districtCode !== null;
  return parsedRows(q, roadMatchRow, sql`
    WITH named AS (
      SELECT DISTINCT ON (e.name) e.name,
             ${scoped
               ? sql`ST_LineInterpolatePoint(ST_GeometryN(ST_CollectionExtract(ST_Intersection(e.geom, sd.geom), 2), 1), 0.5)`
               : sql`ST_LineInterpolatePoint(e.geom, 0.5)`} AS point
      FROM road_edges e
      ${scoped ? sql`JOIN districts sd ON sd.code = ${p.scope.districtCode} AND ST_Intersects(sd.geom, e.geom) AND NOT ST_Touches(sd.geom, e.geom)` : sql``}
      WHERE e.name IS NOT NULL AND strpos(${key(sql`e.name`)}, ${text}) > 0
      ORDER BY e.name, e.length_m DESC, e.id
    ), chosen AS (
      SELECT name, point FROM named ORDER BY ${rank(sql`name`)} LIMIT ${p.limit}
    )
    SELECT c.name, ST_X(c.point) AS lon, ST_Y(c.point) AS lat,
           d.code AS "districtCode", d.name AS "districtName", s.code AS "streetCode", s.name AS "streetName"
    FROM chosen c
    LEFT JOIN LATERAL (SELECT code, name FROM districts
                       WHERE ${scoped ? sql`code = ${p.scope.districtCode}` : sql`ST_Intersects(geom, c.point)`}
                       ORDER BY code LIMIT 1) d ON TRUE
    LEFT JOIN LATERAL (SELECT code, name FROM streets WHERE geom IS NOT NULL AND ST_Intersects(geom, c.point)
                       ORDER BY district_code = d.code DESC, code LIMIT 1) s ON TRUE
    ORDER BY ${rank(sql`c.name`)}`);
}

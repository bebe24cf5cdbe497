import { bigint, boolean, check, doublePrecision, index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';

/** Road network imported from OpenStreetMap (ODbL): nodes are graph vertices, edges are directed-or-not segments. */
export const roadNodes = pgTable(
  'road_nodes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    geom: geometry('geom', 'Point').notNull(),
  },
  (t) => [index('road_nodes_geom_gist').using('gist', t.geom)],
);

export const roadEdges = pgTable(
  'road_edges',
  {
    id: serial('id').primaryKey(),
    osmWayId: bigint('osm_way_id', { mode: 'number' }).notNull(),
    source: bigint('source', { mode: 'number' }).notNull().references(() => roadNodes.id),
    target: bigint('target', { mode: 'number' }).notNull().references(() => roadNodes.id),
    highway: text('highway').notNull(),
    name: text('name'),
    oneway: boolean('oneway').notNull().default(false),
    lengthMetres: doublePrecision('length_m').notNull(),
    speedKmh: doublePrecision('speed_kmh').notNull(),
    geom: geometry('geom', 'LineString').notNull(),
  },
  (t) => [
    index('road_edges_geom_gist').using('gist', t.geom),
    index('road_edges_source_idx').on(t.source),
    index('road_edges_target_idx').on(t.target),
    check('road_edges_geom_valid', sql`ST_IsValid(${t.geom})`),
  ],
);

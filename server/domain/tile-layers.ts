// The vector tile layers of the map (docs/interop.md#vector-tiles): their names, zoom range and fields, which writes
// change which layer, and the tile arithmetic both engines share.
import type { AuditEntity } from './vocabulary.js';

export const tileLayerNames = ['districts', 'streets', 'grid-cells', 'institutions', 'clues'] as const;
export type TileLayerName = (typeof tileLayerNames)[number];

/** The extent and buffer of every tile (PostGIS's ST_AsMVT defaults), in tile units. */
export const tileExtent = 4096;
export const tileBuffer = 64;

export const tileMinZoom = 0;
export const tileMaxZoom = 16;

export type TileFieldType = 'Number' | 'String' | 'Boolean';

export interface TileLayerSpec {
  description: string;
  /** Layers of numbered records carry the id as a field too: a binary tile client finds properties only. */
  fields: Record<string, TileFieldType>;
  /** Whether the layer counts clues in a period (`from`, `to` required). */
  needsPeriod: boolean;
  /** Whether the layer may be narrowed to a period (`from`, `to` optional). */
  acceptsPeriod: boolean;
}

export const tileLayers: Record<TileLayerName, TileLayerSpec> = {
  districts: {
    description: '区 boundaries; feature id = GB/T 2260 code',
    fields: { code: 'String', name: 'String', nameEn: 'String' },
    needsPeriod: false,
    acceptsPeriod: false,
  },
  streets: {
    description: '街镇 boundaries; feature id = the street code',
    fields: { code: 'String', name: 'String', districtCode: 'String' },
    needsPeriod: false,
    acceptsPeriod: false,
  },
  'grid-cells': {
    description: '网格 cells with the clues reported in [from, to); feature id = the cell id',
    fields: { id: 'Number', code: 'String', districtCode: 'String', streetCode: 'String', clueCount: 'Number' },
    needsPeriod: true,
    acceptsPeriod: false,
  },
  institutions: {
    description: 'training institutions; feature id = the institution id (GET /api/institutions/{id} for details)',
    fields: { id: 'Number', name: 'String', category: 'String', status: 'String', listStatus: 'String', districtCode: 'String' },
    needsPeriod: false,
    acceptsPeriod: false,
  },
  clues: {
    description: 'clues (线索), optionally those reported in [from, to); feature id = the clue id (GET /api/clues/{id})',
    fields: { id: 'Number', status: 'String', source: 'String', suspectedType: 'String', districtCode: 'String', reportedAt: 'String' },
    needsPeriod: false,
    acceptsPeriod: true,
  },
};

/**
 * The layers an audited write of `entity` may change. A check-in's flow-back updates its institution and may open a
 * clue; a 黑白名单 publication sets institutions' list status; a rebuild or an import of a file changes everything. Entities absent here
 * (plans, campaigns, photos, sessions…) draw nothing on these layers.
 */
const layersByEntity: Partial<Record<AuditEntity, readonly TileLayerName[]>> = {
  clue: ['clues', 'grid-cells'],
  check_in: ['institutions', 'clues', 'grid-cells'],
  list_publication: ['institutions'],
  database: tileLayerNames,
  layer_import: tileLayerNames,
};

export const layersChangedBy = (entity: AuditEntity): readonly TileLayerName[] => layersByEntity[entity] ?? [];

/** A tile address exists: x and y within 0 … 2^z − 1. */
export function isTileInRange(z: number, x: number, y: number): boolean {
  const n = 2 ** z;
  return x < n && y < n;
}

/** The Web Mercator tile that holds a position at zoom z. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

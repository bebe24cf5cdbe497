import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GeoJsonFeatureCollection } from '../../../server/analytics/geojson.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/hotspot/', import.meta.url));

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURE_DIR}${name}`, 'utf8')) as T;
}

export type SpdepCase = {
  name: string;
  weights: string;
  planar: boolean;
  value_property: string;
  geojson: GeoJsonFeatureCollection;
  values: number[];
  spdep_neighbours: number[][];
  gi_star_z: number[];
  gi_star_p: number[];
  gi_star_p_bh: number[];
  gi_star_row_z: number[];
  gi_z?: number[];
  centroids?: number[][];
};

export const SPDEP_CASES = [
  'columbus_queen',
  'columbus_rook',
  'columbus_distance',
  'columbus_knn4',
  'lonlat_distance',
  'lonlat_knn5',
  'grid_queen',
  'grid_rook',
  'grid_distance',
  'nc_queen',
  'nc_rook',
] as const;

export function readSpdepCase(name: (typeof SPDEP_CASES)[number]): SpdepCase {
  return readFixture<SpdepCase>(`spdep_${name}.json`);
}

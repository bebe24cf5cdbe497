/**
 * Screen-space grid clustering of points for a zoom level: points whose Web-Mercator pixel positions fall in the
 * same `cellPixels` square form one cluster at their mean position. Deterministic and pure, so it is tested
 * without a browser and gives the same picture for the same data.
 */
import { operatesWithoutLicence } from '../../server/domain/institution.js';
import type { InstitutionStatus } from '../../server/domain/vocabulary.js';

export interface ClusterInput {
  longitude: number;
  latitude: number;
  status: InstitutionStatus;
  listStatus: string;
}

export interface Cluster {
  id: string;
  longitude: number;
  latitude: number;
  count: number;
  /** Count per institution status. */
  byStatus: Record<string, number>;
  blackListed: number;
  /** Share (0–1) of members that need enforcement attention: unlicensed, suspended, revoked or black-listed. */
  problemShare: number;
}

const TILE_SIZE = 512;

export function mercatorPixels(longitude: number, latitude: number, zoom: number): [number, number] {
  const world = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, latitude)) * Math.PI) / 180);
  const x = ((longitude + 180) / 360) * world;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  return [x, y];
}

export function clusterPoints(points: readonly ClusterInput[], zoom: number, cellPixels = 64): Cluster[] {
  if (!(cellPixels > 0)) throw new Error(`cellPixels must be positive, got ${cellPixels}`);
  // Integer zoom keeps clusters stable while the user zooms smoothly between levels.
  const z = Math.floor(zoom);
  const cells = new Map<string, { sumLon: number; sumLat: number; count: number; byStatus: Record<string, number>; black: number; problems: number }>();
  for (const p of points) {
    if (!Number.isFinite(p.longitude) || !Number.isFinite(p.latitude)) continue;
    const [x, y] = mercatorPixels(p.longitude, p.latitude, z);
    const key = `${z}:${Math.floor(x / cellPixels)}:${Math.floor(y / cellPixels)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { sumLon: 0, sumLat: 0, count: 0, byStatus: {}, black: 0, problems: 0 };
      cells.set(key, cell);
    }
    cell.sumLon += p.longitude;
    cell.sumLat += p.latitude;
    cell.count += 1;
    cell.byStatus[p.status] = (cell.byStatus[p.status] ?? 0) + 1;
    const black = p.listStatus === 'black';
    if (black) cell.black += 1;
    if (black || operatesWithoutLicence(p.status)) cell.problems += 1;
  }
  return [...cells.entries()]
    .map(([id, c]) => ({
      id,
      longitude: c.sumLon / c.count,
      latitude: c.sumLat / c.count,
      count: c.count,
      byStatus: c.byStatus,
      blackListed: c.black,
      problemShare: c.problems / c.count,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Circle radius in pixels: area grows with the count, bounded so one cluster never hides a district. */
export function clusterRadiusPixels(count: number): number {
  return Math.min(28, 6 + 2.4 * Math.sqrt(Math.max(1, count)));
}

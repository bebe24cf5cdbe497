/**
 * Screen-space grid clustering of points for a zoom level: points whose Web-Mercator pixel positions fall in the
 * same `cellPixels` square form one cluster at their mean position. Deterministic and pure, so it is tested
 * without a browser and gives the same picture for the same data.
 */
import { operatesWithoutLicence } from '../../server/domain/institution.js';
import { institutionStatuses, type InstitutionStatus } from '../../server/domain/vocabulary.js';

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
  /** minLon, minLat, maxLon, maxLat of the members. */
  bounds: [number, number, number, number];
}

/** Side of a cluster's square in pixels at its integer zoom, unless a caller asks for another. */
export const CLUSTER_CELL_PIXELS = 64;

const TILE_SIZE = 512;

export function mercatorPixels(longitude: number, latitude: number, zoom: number): [number, number] {
  const world = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, latitude)) * Math.PI) / 180);
  const x = ((longitude + 180) / 360) * world;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  return [x, y];
}

export function clusterPoints(points: readonly ClusterInput[], zoom: number, cellPixels = CLUSTER_CELL_PIXELS): Cluster[] {
  if (!(cellPixels > 0)) throw new Error(`cellPixels must be positive, got ${cellPixels}`);
  // Integer zoom keeps clusters stable while the user zooms smoothly between levels.
  const z = Math.floor(zoom);
  const cells = new Map<
    string,
    { sumLon: number; sumLat: number; count: number; byStatus: Record<string, number>; black: number; problems: number; bounds: [number, number, number, number] }
  >();
  for (const p of points) {
    if (!Number.isFinite(p.longitude) || !Number.isFinite(p.latitude)) continue;
    const [x, y] = mercatorPixels(p.longitude, p.latitude, z);
    const key = `${z}:${Math.floor(x / cellPixels)}:${Math.floor(y / cellPixels)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { sumLon: 0, sumLat: 0, count: 0, byStatus: {}, black: 0, problems: 0, bounds: [p.longitude, p.latitude, p.longitude, p.latitude] };
      cells.set(key, cell);
    }
    const b = cell.bounds;
    b[0] = Math.min(b[0], p.longitude);
    b[1] = Math.min(b[1], p.latitude);
    b[2] = Math.max(b[2], p.longitude);
    b[3] = Math.max(b[3], p.latitude);
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
      bounds: c.bounds,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Circle radius in pixels: area grows with the count, bounded so one cluster never hides a district. */
export function clusterRadiusPixels(count: number): number {
  return Math.min(28, 6 + 2.4 * Math.sqrt(Math.max(1, count)));
}

/**
 * Where "zoom to" takes a cluster: the centre of its members at the first integer zoom above the one it was drawn at
 * where its members fall into more than one cell, i.e. where it splits (clusters of one zoom nest in those of the
 * zoom below, so the corners of the members' bounds tell), and at least one level in from `drawnAtZoom`, so that the
 * step is seen (clusters stay the same within an integer level). Never beyond `maxZoom`, where single points are
 * drawn: a cluster of one, or of members at the same spot, goes straight there.
 */
export function clusterExpansion(
  cluster: Pick<Cluster, 'bounds'>,
  drawnAtZoom: number,
  maxZoom: number,
  cellPixels = CLUSTER_CELL_PIXELS,
): { longitude: number; latitude: number; zoom: number } {
  const [minLon, minLat, maxLon, maxLat] = cluster.bounds;
  const cellOf = (lon: number, lat: number, z: number) => mercatorPixels(lon, lat, z).map((v) => Math.floor(v / cellPixels));
  let zoom = Math.floor(drawnAtZoom) + 1;
  for (; zoom < maxZoom; zoom++) {
    const [x0, y0] = cellOf(minLon, maxLat, zoom);
    const [x1, y1] = cellOf(maxLon, minLat, zoom);
    if (x0 !== x1 || y0 !== y1) break;
  }
  return { longitude: (minLon + maxLon) / 2, latitude: (minLat + maxLat) / 2, zoom: Math.min(Math.max(zoom, drawnAtZoom + 1), maxZoom) };
}

export interface StatusShare {
  status: InstitutionStatus;
  count: number;
  /** Whole per cent of the cluster. */
  percent: number;
}

/** A cluster's members per status in the order of the value list (as the legend lists them), statuses it lacks left out. */
export function statusBreakdown(byStatus: Readonly<Record<string, number>>): StatusShare[] {
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return institutionStatuses
    .filter((status) => (byStatus[status] ?? 0) > 0)
    .map((status) => ({ status, count: byStatus[status], percent: Math.round((100 * byStatus[status]) / total) }));
}

// The tiles a map view needs: the Web Mercator tiles of one zoom that cover a box, at the zoom whose tiles are drawn
// at 512 to 1024 pixels (maplibre's zoom is that of 512-pixel tiles), and coarser while that would take too many.
import { tileMaxZoom, tileMinZoom, tileOf } from './tile-layers.js';

export interface TileCover {
  z: number;
  /** Inclusive tile ranges. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export type Box = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** More tiles than a 4K wall needs (≈ 45 at its zoom): beyond, a coarser zoom holds the same features in fewer. */
export const MAX_COVER_TILES = 64;

export const coverSize = (c: TileCover) => (c.xMax - c.xMin + 1) * (c.yMax - c.yMin + 1);

export function tileCover(box: Box, mapZoom: number, maxTiles = MAX_COVER_TILES): TileCover {
  const [minLon, minLat, maxLon, maxLat] = box;
  if (![minLon, minLat, maxLon, maxLat, mapZoom].every(Number.isFinite)) throw new Error(`tileCover needs finite numbers, got ${box.join(',')} at ${mapZoom}`);
  if (minLon > maxLon || minLat > maxLat) throw new Error(`tileCover needs min ≤ max, got ${box.join(',')}`);
  if (!(maxTiles >= 1)) throw new Error(`maxTiles must be at least 1, got ${maxTiles}`);
  for (let z = Math.min(tileMaxZoom, Math.max(tileMinZoom, Math.floor(mapZoom))); ; z--) {
    const nw = tileOf(minLon, maxLat, z);
    const se = tileOf(maxLon, minLat, z);
    const cover = { z, xMin: nw.x, xMax: se.x, yMin: nw.y, yMax: se.y };
    if (coverSize(cover) <= maxTiles || z === tileMinZoom) return cover;
  }
}

/** The cover's tiles, row by row from the north-west. */
export function coverTiles(c: TileCover): { z: number; x: number; y: number }[] {
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let y = c.yMin; y <= c.yMax; y++) for (let x = c.xMin; x <= c.xMax; x++) tiles.push({ z: c.z, x, y });
  return tiles;
}

export const coverKey = (c: TileCover) => `${c.z}/${c.xMin}-${c.xMax}/${c.yMin}-${c.yMax}`;

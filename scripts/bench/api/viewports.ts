import type { BboxDegrees } from '../../../db/queries/queryable.js';

/** The whole of Shanghai, as the dashboard asks for it when zoomed out. */
export const cityBbox: BboxDegrees = { minLon: 120.85, minLat: 30.67, maxLon: 122.2, maxLat: 31.88 };

/**
 * mulberry32: a small seeded PRNG so every run asks for the same viewports. Not server/analytics/prng.ts: that
 * stream would draw other viewports, and the figures in docs/api.md were measured on these.
 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Street-level viewports (about 8 × 7 km, a tablet at zoom 13) around the centre of Shanghai. */
export function streetViewports(count: number, seed = 7): BboxDegrees[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const lon = 121.47 + (random() - 0.5) * 0.3;
    const lat = 31.23 + (random() - 0.5) * 0.24;
    return { minLon: lon - 0.04, minLat: lat - 0.03, maxLon: lon + 0.04, maxLat: lat + 0.03 };
  });
}

export const bboxText = (b: BboxDegrees) => [b.minLon, b.minLat, b.maxLon, b.maxLat].map((v) => v.toFixed(5)).join(',');

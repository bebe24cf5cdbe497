import type { Rgba } from './theme.js';

// The conventional cold-to-hot diverging scheme of Gi* hot spot maps (ArcGIS Hot Spot Analysis, ColorBrewer RdYlBu):
// 99/95/90 % cold #4575b4 #91bfdb #e0f3f8, not significant, 90/95/99 % hot #fee090 #fc8d59 #d73027.
// On the dark basemap "not significant" is a faint veil instead of white, so that only significant cells draw the eye.

export type HotspotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export const HOTSPOT_BINS: readonly HotspotBin[] = [-3, -2, -1, 0, 1, 2, 3];

const FILL_ALPHA = 205;

export const HOTSPOT_COLOURS: Record<HotspotBin, Rgba> = {
  [-3]: [69, 117, 180, FILL_ALPHA],
  [-2]: [145, 191, 219, FILL_ALPHA],
  [-1]: [224, 243, 248, FILL_ALPHA],
  0: [200, 210, 225, 22],
  1: [254, 224, 144, FILL_ALPHA],
  2: [252, 141, 89, FILL_ALPHA],
  3: [215, 48, 39, FILL_ALPHA],
};

/** Fill of a cell from its confidence bin; anything out of −3…+3 (no data) is transparent. */
export function hotspotColour(bin: number): Rgba {
  return Number.isInteger(bin) && bin >= -3 && bin <= 3 ? HOTSPOT_COLOURS[bin as HotspotBin] : [0, 0, 0, 0];
}

export interface HotspotLegendEntry {
  bin: HotspotBin;
  /** i18n key of the label. */
  key: 'hotspot.cold99' | 'hotspot.cold95' | 'hotspot.cold90' | 'hotspot.notSignificant' | 'hotspot.hot90' | 'hotspot.hot95' | 'hotspot.hot99';
  colour: Rgba;
}

const LEGEND_KEYS: Record<HotspotBin, HotspotLegendEntry['key']> = {
  [-3]: 'hotspot.cold99',
  [-2]: 'hotspot.cold95',
  [-1]: 'hotspot.cold90',
  0: 'hotspot.notSignificant',
  1: 'hotspot.hot90',
  2: 'hotspot.hot95',
  3: 'hotspot.hot99',
};

/** Legend rows hot first (top) to cold (bottom), as ArcGIS lists them. */
export function hotspotLegend(): HotspotLegendEntry[] {
  return [...HOTSPOT_BINS].reverse().map((bin) => ({ bin, key: LEGEND_KEYS[bin], colour: HOTSPOT_COLOURS[bin] }));
}

/** Number of cells in each bin, for the legend counts. */
export function binCounts(bins: ArrayLike<number>): Record<HotspotBin, number> {
  const counts = { [-3]: 0, [-2]: 0, [-1]: 0, 0: 0, 1: 0, 2: 0, 3: 0 } as Record<HotspotBin, number>;
  for (let i = 0; i < bins.length; i++) if (bins[i] in counts) counts[bins[i] as HotspotBin]++;
  return counts;
}

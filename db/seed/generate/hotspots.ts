/**
 * Hidden-tutoring hotspots (隐形变异培训 clusters) with a life cycle over the 24 months, so that
 * emerging-hotspot analysis has real patterns to find: some persist, some emerge recently, some fade,
 * some flare up only in the vacations.
 */
import type { Random } from '../../../server/domain/random.js';
import { vacationOn } from './seasonality.js';
import type { ResidentialCentre } from './residential.js';

export type HotspotPattern = 'persistent' | 'emerging' | 'fading' | 'vacation';

export interface Hotspot {
  index: number;
  districtCode: string;
  lon: number;
  lat: number;
  sigmaMetres: number;
  pattern: HotspotPattern;
  /** Relative clue intensity at full strength. */
  strength: number;
  /** Start (emerging) or end (fading) of activity, as a fraction 0..1 of the window. */
  turningPoint: number;
}

const PATTERNS: HotspotPattern[] = ['persistent', 'emerging', 'fading', 'vacation'];
const PATTERN_WEIGHTS = [0.3, 0.3, 0.22, 0.18];

export function generateHotspots(random: Random, centres: readonly ResidentialCentre[], count: number, centralDistricts: ReadonlySet<string>): Hotspot[] {
  // Hotspots favour big residential clusters and central districts.
  const weights = centres.map((c) => c.weight * (centralDistricts.has(c.districtCode) ? 2 : 1));
  const hotspots: Hotspot[] = [];
  for (let index = 0; index < count; index++) {
    const centre = centres[random.weightedIndex(weights)];
    const pattern = PATTERNS[random.weightedIndex(PATTERN_WEIGHTS)];
    hotspots.push({
      index,
      districtCode: centre.districtCode,
      lon: centre.lon,
      lat: centre.lat,
      sigmaMetres: random.between(120, 300),
      pattern,
      strength: Math.exp(0.5 * random.normal()),
      // Emerging ones start in the last 9 months; fading ones die out in the first 40–70 % of the window.
      turningPoint: pattern === 'emerging' ? random.between(0.62, 0.85) : pattern === 'fading' ? random.between(0.4, 0.7) : 0,
    });
  }
  return hotspots;
}

/** Activity 0..1 of a hotspot at `fraction` (0 = start of the window, 1 = asOf) on a day of the given month/day. */
export function hotspotActivity(hotspot: Hotspot, fraction: number, month: number, day: number): number {
  switch (hotspot.pattern) {
    case 'persistent':
      return 1;
    case 'emerging':
      // Ramps up from its start to full strength at asOf.
      return fraction < hotspot.turningPoint ? 0 : Math.min(1, 0.25 + (fraction - hotspot.turningPoint) / (1 - hotspot.turningPoint));
    case 'fading':
      return fraction >= hotspot.turningPoint ? 0 : Math.min(1, 1.2 * (1 - fraction / hotspot.turningPoint) + 0.2);
    case 'vacation':
      return vacationOn(month, day) ? 1.6 : 0.1;
  }
}

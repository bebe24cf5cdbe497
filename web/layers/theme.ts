/** Colours of the command-centre look. RGBA tuples (0–255) as deck.gl takes them; `css()` for maplibre and React. */
import type { CampaignDayType, InstitutionStatus } from '../../server/domain/vocabulary.js';
export type Rgba = [number, number, number, number];

export interface Theme {
  name: string;
  background: Rgba;
  land: Rgba;
  districtFill: Rgba;
  districtBorder: Rgba;
  districtBorderCasing: Rgba;
  districtSelected: Rgba;
  label: Rgba;
  labelHalo: Rgba;
  gridOutline: Rgba;
  /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
  status: Record<InstitutionStatus, Rgba>;
  blackListRing: Rgba;
  pointOutline: Rgba;
  highlight: Rgba;
  /** Sequential ramp for counts (viridis, 5 classes), low → high. */
  choropleth: Rgba[];
  /** The same ramp, fainter: districts are large, and clusters are drawn on top of them. */
  districtChoropleth: Rgba[];
  /** Heatmap ramp (magma), transparent low end so the map shows through. */
  heatmap: Rgba[];
  /**
   * The campaign calendar's day types: Okabe–Ito hues like the institution statuses, each a different lightness too,
   * and the two days of the State Council's notice also carry a mark (休, 班), so no type rests on hue alone.
   */
  dayType: Record<CampaignDayType, Rgba>;
  fontFamily: string;
}

export const darkTheme: Theme = {
  name: 'command-dark',
  background: [7, 13, 24, 255],
  land: [13, 22, 38, 255],
  districtFill: [18, 32, 54, 255],
  districtBorder: [86, 180, 233, 255],
  districtBorderCasing: [7, 13, 24, 255],
  districtSelected: [255, 209, 102, 255],
  label: [230, 237, 247, 255],
  labelHalo: [7, 13, 24, 230],
  gridOutline: [120, 150, 190, 60],
  status: {
    licensed: [0, 158, 115, 255],
    registered: [86, 180, 233, 255],
    unlicensed: [230, 159, 0, 255],
    suspended: [240, 228, 66, 255],
    revoked: [204, 121, 167, 255],
  },
  blackListRing: [255, 255, 255, 255],
  pointOutline: [7, 13, 24, 255],
  highlight: [255, 255, 255, 90],
  choropleth: [
    [68, 1, 84, 150],
    [59, 82, 139, 165],
    [33, 145, 140, 180],
    [94, 201, 98, 190],
    [253, 231, 37, 200],
  ],
  districtChoropleth: [
    [68, 1, 84, 60],
    [59, 82, 139, 64],
    [33, 145, 140, 68],
    [94, 201, 98, 72],
    [253, 231, 37, 76],
  ],
  heatmap: [
    [81, 18, 124, 0],
    [150, 45, 140, 170],
    [200, 60, 125, 205],
    [245, 100, 90, 230],
    [254, 165, 105, 245],
    [252, 253, 191, 255],
  ],
  dayType: {
    school_day: [30, 46, 70, 255],
    weekend: [86, 180, 233, 255],
    holiday: [213, 94, 0, 255],
    vacation_day: [0, 158, 115, 255],
    makeup_workday: [240, 228, 66, 255],
  },
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
};

export function css(colour: Rgba): string {
  const [r, g, b, a] = colour;
  return a >= 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Number((a / 255).toFixed(3))})`;
}

export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  const k = Math.min(1, Math.max(0, t));
  return a.map((v, i) => Math.round(v + (b[i] - v) * k)) as Rgba;
}

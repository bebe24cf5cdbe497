import { TextLayer } from '@deck.gl/layers';
import { centroid, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Language } from '../i18n/index.js';
import type { DistrictProperties } from '../../server/contract/index.js';
import { choroplethColour } from './choropleth.js';
import { polygonLayer, type PolygonLayer } from './polygon-layer.js';
import type { Theme } from './theme.js';
import type { DistrictFeature } from './types.js';

export interface DistrictLabel {
  code: string;
  text: string;
  position: [number, number];
}

/** A label position inside the district: its centroid when that lies inside, else a point guaranteed on the surface. */
export function labelPosition(feature: DistrictFeature): [number, number] {
  const [x, y] = centroid(feature).geometry.coordinates;
  if (booleanPointInPolygon([x, y], feature)) return [x, y];
  const [px, py] = pointOnFeature(feature).geometry.coordinates;
  return [px, py];
}

export function districtLabels(districts: readonly DistrictFeature[], language: Language): DistrictLabel[] {
  return districts.map((f) => ({
    code: f.properties.code,
    text: language === 'en' ? f.properties.nameEn : f.properties.name,
    position: labelPosition(f),
  }));
}

/** The glyphs the labels need, so the font atlas holds every Chinese character shown and nothing more. */
export function characterSetOf(texts: readonly string[]): string[] {
  const set = new Set<string>();
  for (const text of texts) for (const ch of text) set.add(ch);
  return [...set].sort();
}

export const DISTRICT_LABEL_LAYER_ID = 'district-labels';

export function districtLabelLayer(labels: readonly DistrictLabel[], theme: Theme, selectedDistrict: string | null): TextLayer<DistrictLabel> {
  return new TextLayer<DistrictLabel>({
    id: DISTRICT_LABEL_LAYER_ID,
    data: labels,
    characterSet: characterSetOf(labels.map((l) => l.text)),
    fontFamily: theme.fontFamily,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    getText: (d) => d.text,
    getPosition: (d) => d.position,
    getSize: (d) => (d.code === selectedDistrict ? 19 : 15),
    sizeUnits: 'pixels',
    getColor: (d) => (d.code === selectedDistrict ? theme.districtSelected : theme.label),
    outlineWidth: 4,
    outlineColor: theme.labelHalo,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getSize: selectedDistrict, getColor: selectedDistrict },
    parameters: { depthCompare: 'always' },
  });
}

export const DISTRICT_CHOROPLETH_LAYER_ID = 'district-choropleth';

/** Low-zoom choropleth: districts filled by their clue count for the selected period (grid cells are too small there). */
export function districtChoroplethLayer(
  districts: readonly DistrictFeature[],
  countsByDistrict: ReadonlyMap<string, number>,
  breaks: readonly number[],
  theme: Theme,
  beforeId: string | undefined,
): PolygonLayer<DistrictProperties> {
  return polygonLayer({
    id: DISTRICT_CHOROPLETH_LAYER_ID,
    features: districts,
    highlightColor: theme.highlight,
    getFillColor: (f) => choroplethColour(countsByDistrict.get(f.properties.code) ?? 0, breaks, theme.districtChoropleth, [0, 0, 0, 0]),
    fillVersion: [breaks.join(','), [...countsByDistrict.entries()].join(';')],
    beforeId,
  });
}

import { GeoJsonLayer } from '@deck.gl/layers';
import { hotspotColour } from './hotspot-colours.js';
import type { Theme } from './theme.js';
import type { AnalysisCellCollection } from '../../server/contract/index.js';

/** A 网格 as the analysis layers draw it: polygon, id, code, district. */
export type HotspotCellFeature = AnalysisCellCollection['features'][number];

export interface HotspotLayerInput {
  cells: readonly HotspotCellFeature[];
  /** Confidence bin (FDR-corrected by default) of a cell id; undefined when the cell is outside the analysis. */
  binOf: (cellId: number) => number | undefined;
  /** Changes whenever the bins change (each live recompute), so deck.gl re-reads only the colours. */
  version: number | string;
  theme: Theme;
  beforeId?: string;
}

export const HOTSPOT_LAYER_ID = 'hotspot-cells';

/** 网格 coloured by Gi* confidence bin. Geometry stays on the GPU while the range is dragged; only colours update. */
export function hotspotLayer(input: HotspotLayerInput): GeoJsonLayer {
  return new GeoJsonLayer({
    id: HOTSPOT_LAYER_ID,
    data: input.cells as never,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: input.theme.highlight,
    getFillColor: (f: unknown) => hotspotColour(input.binOf((f as HotspotCellFeature).properties.id) ?? Number.NaN),
    getLineColor: input.theme.gridOutline,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    updateTriggers: { getFillColor: input.version },
    beforeId: input.beforeId,
  } as never);
}

import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, PolygonalGeometry } from '../../server/contract/index.js';
import type { Rgba } from './theme.js';

/**
 * The prop by which the interleaved MapLibreOverlay draws a layer under a maplibre layer. @deck.gl/maplibre declares it
 * (as `MapLibreLayerProps`) but does not export it, and GeoJsonLayer's own props do not know it.
 */
export interface InterleavedProps {
  beforeId?: string;
}

/** Feature properties as GeoJSON allows them: deck.gl's GeoJsonLayer takes nothing else. */
export type FeatureProperties = Record<string, unknown>;

export type PolygonFeature<P extends FeatureProperties> = Feature<PolygonalGeometry, P>;

/** The props of the filter that drops features not drawn (see `isDrawn`). */
type DrawnFilterProps<P> = Partial<DataFilterExtensionProps<WithProperties<P>>>;

export type PolygonLayer<P extends FeatureProperties> = GeoJsonLayer<P, InterleavedProps & DrawnFilterProps<P>>;

/** What an accessor may read: deck.gl passes it the feature given in `data`, but types it by its properties alone. */
export interface WithProperties<P> {
  properties: P;
}

export interface PolygonLayerSpec<P extends FeatureProperties> {
  id: string;
  features: readonly PolygonFeature<P>[];
  getFillColor: (feature: WithProperties<P>) => Rgba;
  /** Changes whenever `getFillColor` would answer differently, so that deck.gl re-reads the colours and only them. */
  fillVersion: unknown;
  highlightColor: Rgba;
  /**
   * Which features are drawn at all; re-read with the colours. The others are dropped on the GPU (DataFilterExtension):
   * no fragments, no re-tessellation when the choice changes, and no pick. Absent: every feature is drawn.
   */
  isDrawn?: (feature: WithProperties<P>) => boolean;
  /** A pixel-wide outline of every polygon; none when absent. */
  outline?: { colour: Rgba; widthPixels: number };
  /** The maplibre layer to draw under (see InterleavedProps). */
  beforeId: string | undefined;
}

/** A pickable, highlighted polygon layer (districts, 网格) coloured per feature. */
export function polygonLayer<P extends FeatureProperties>(spec: PolygonLayerSpec<P>): PolygonLayer<P> {
  const { outline, isDrawn } = spec;
  return new GeoJsonLayer<P, InterleavedProps & DrawnFilterProps<P>>({
    id: spec.id,
    data: unchangedArray(spec.features),
    filled: true,
    stroked: outline !== undefined,
    pickable: true,
    autoHighlight: true,
    highlightColor: spec.highlightColor,
    getFillColor: spec.getFillColor,
    ...(outline && { getLineColor: outline.colour, lineWidthUnits: 'pixels', getLineWidth: outline.widthPixels }),
    updateTriggers: { getFillColor: spec.fillVersion, ...(isDrawn && { getFilterValue: spec.fillVersion }) },
    ...(isDrawn && {
      extensions: [DRAWN_FILTER],
      getFilterValue: (feature: WithProperties<P>) => (isDrawn(feature) ? 1 : 0),
      filterRange: [0.5, 1.5] as [number, number],
    }),
    beforeId: spec.beforeId,
  });
}

/** One instance for every layer: deck.gl compares extensions by identity. */
const DRAWN_FILTER = new DataFilterExtension({ filterSize: 1 });

/**
 * GeoJsonLayer types `data` as a mutable array, yet only reads it. The caller's own array is passed, not a copy:
 * deck.gl compares `data` by identity, and a copy on every render would re-tessellate every polygon when only the
 * colours change.
 */
function unchangedArray<T>(items: readonly T[]): T[] {
  return items as T[];
}

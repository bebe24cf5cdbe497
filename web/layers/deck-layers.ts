import type { Layer } from '@deck.gl/core';
import type { Language } from '../i18n/index.js';
import type { LayerId, Selection } from '../state/dashboard.js';
import { choroplethLevel, GRID_CELLS_MIN_ZOOM, INSTITUTION_POINTS_MIN_ZOOM, institutionMode } from '../state/selectors.js';
import { DISTRICT_CASING_LAYER } from './basemap-style.js';
import { choroplethBreaks } from './choropleth.js';
import { CLUE_POINTS_MIN_ZOOM, clueHeatmapLayer, cluePointLayer } from './clue-layers.js';
import { districtChoroplethLayer, districtLabelLayer, districtLabels } from './district-layers.js';
import { gridChoroplethLayer } from './grid-layer.js';
import { institutionClusterLayers, institutionClusters, institutionPointLayer } from './institution-layers.js';
import { institutionTileLayer } from './institution-tile-layer.js';
import type { Theme } from './theme.js';
import type { ClueFeature, DistrictFeature, GridCellFeature, InstitutionFeature } from './types.js';

export interface MapData {
  districts: readonly DistrictFeature[];
  gridCells: readonly GridCellFeature[];
  institutions: readonly InstitutionFeature[];
  clues: readonly ClueFeature[];
}

export interface LayerInput extends MapData {
  theme: Theme;
  language: Language;
  zoom: number;
  visible: Record<LayerId, boolean>;
  selectedDistrict: string | null;
  selection: Selection | null;
  /** Whether our own district layers exist in the maplibre style (so the choropleth can slide under the borders). */
  hasDistrictLayers: boolean;
  /** What the hot spot analysis asks of the layers beneath it (see `analysisMode`); default none. */
  analysis?: AnalysisMode;
  /** The institutions' vector tiles (web/api tileUrl): drawn at the city zoom instead of clusters of the GeoJSON. */
  institutionTilesUrl?: string;
}

/**
 * How the layers beneath a hot spot analysis behave. `shown`: the analysis reads first — the count choropleth, which
 * would colour the same cells, is not drawn, the heatmap and the institutions recede. A drag of the analysis range
 * changes nothing beneath (they show the committed range and follow the release), so the map's own canvas is not
 * redrawn during it (see live-layers).
 */
export type AnalysisMode = 'none' | 'shown';
/** Opacity of the heatmap and of the institutions while an analysis layer is shown. */
export const RECEDED_OPACITY = 0.35;

/** The layers that an analysis in this mode keeps from being drawn, for the layer panel to say why. */
export const hiddenUnderAnalysis = (mode: AnalysisMode): readonly LayerId[] => (mode === 'none' ? [] : ['grid']);

/** What the legend needs to say about the choropleth: at which level it is drawn and its class breaks. */
export interface ChoroplethModel {
  level: 'districts' | 'gridCells';
  breaks: number[];
  countsByDistrict: Map<string, number>;
}

export function cluesPerDistrict(clues: readonly ClueFeature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const clue of clues) counts.set(clue.properties.districtCode, (counts.get(clue.properties.districtCode) ?? 0) + 1);
  return counts;
}

export function choroplethModel(data: Pick<MapData, 'districts' | 'gridCells' | 'clues'>, zoom: number): ChoroplethModel {
  const level = choroplethLevel(zoom);
  const countsByDistrict = cluesPerDistrict(data.clues);
  const breaks =
    level === 'gridCells'
      ? choroplethBreaks(data.gridCells.map((c) => c.properties.clueCount))
      : choroplethBreaks(data.districts.map((d) => countsByDistrict.get(d.properties.code) ?? 0));
  return { level, breaks, countsByDistrict };
}

/**
 * The zoom the layers are built for: the map's zoom lowered to the last level at which a layer changes form (each
 * integer level regroups the clusters; the grid, institution-point and clue-point thresholds switch layers).
 * buildDeckLayers draws the same for both, so zooming within a level can keep the layers.
 */
export function layerZoom(zoom: number): number {
  const thresholds = [GRID_CELLS_MIN_ZOOM, INSTITUTION_POINTS_MIN_ZOOM, CLUE_POINTS_MIN_ZOOM].filter((t) => t <= zoom);
  return Math.max(Math.floor(zoom), ...thresholds);
}

/** Every deck.gl layer of the map, rebuilt from data on each render; deck.gl matches them to their GPU state by id. */
export function buildDeckLayers(input: LayerInput, model: ChoroplethModel = choroplethModel(input, input.zoom)): Layer[] {
  const { theme, zoom } = input;
  const { visible } = input;
  const mode = input.analysis ?? 'none';
  const hidden = hiddenUnderAnalysis(mode);
  // A layer kept from being drawn stays in the list, hidden, so that deck.gl keeps its GPU buffers for the moment the
  // analysis ends or the drag is released; receding layers are drawn fainter.
  const under = (id: LayerId) => <L extends Layer>(layer: L): L =>
    hidden.includes(id)
      ? (layer.clone({ visible: false }) as L)
      : mode === 'shown' && id !== 'grid'
        ? (layer.clone({ opacity: RECEDED_OPACITY * (layer.props.opacity ?? 1) }) as L)
        : layer;
  const recede = under('heatmap');
  const recedeInstitutions = under('institutions');
  const underBorders = input.hasDistrictLayers ? DISTRICT_CASING_LAYER : undefined;
  const layers: Layer[] = [];
  if (visible.grid) {
    layers.push(
      under('grid')(
        model.level === 'gridCells'
          ? gridChoroplethLayer(input.gridCells, model.breaks, theme, underBorders)
          : districtChoroplethLayer(input.districts, model.countsByDistrict, model.breaks, theme, underBorders),
      ),
    );
  }
  if (visible.heatmap) {
    // Present, hidden, before the clues arrive: deck.gl compiles a layer's shaders when it first meets it, and under a
    // software renderer the heatmap's four programs took a second of the frame in which the clues were first drawn.
    const heatmap = clueHeatmapLayer(input.clues, theme);
    layers.push(recede(input.clues.length > 0 ? heatmap : (heatmap.clone({ visible: false }) as typeof heatmap)));
    if (zoom >= CLUE_POINTS_MIN_ZOOM && input.clues.length > 0) layers.push(recede(cluePointLayer(input.clues, theme)));
  }
  if (visible.institutions) {
    const selectedId = input.selection?.kind === 'institution' ? input.selection.id : null;
    if (institutionMode(zoom) === 'points') layers.push(recedeInstitutions(institutionPointLayer(input.institutions, theme, selectedId)));
    else if (input.institutionTilesUrl) layers.push(recedeInstitutions(institutionTileLayer(input.institutionTilesUrl, theme)));
    else layers.push(...institutionClusterLayers(institutionClusters(input.institutions, zoom), theme).map(recedeInstitutions));
  }
  if (visible.districts && input.districts.length > 0) {
    layers.push(districtLabelLayer(districtLabels(input.districts, input.language), theme, input.selectedDistrict));
  }
  return layers;
}

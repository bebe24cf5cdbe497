import type { CellsDiff } from '../analysis/review-diff.js';
import type { HotspotCellFeature, HotspotCellProperties } from './hotspot-layer.js';
import { polygonLayer, type PolygonLayer } from './polygon-layer.js';
import type { Rgba, Theme } from './theme.js';

// The review's change map: more clues than in the period compared in red, fewer in blue (ColorBrewer RdBu, the usual
// diverging scheme, kept apart from the Gi* classes' yellow-to-red); a cell whose Gi* class moved is outlined — gold
// when it became or grew hotter, cyan when it cooled.

const RED: Rgba = [214, 96, 77, 215];
const BLUE: Rgba = [67, 147, 195, 215];

/** Fill of a change `delta` on a scale ending at ±`maxAbs`; no change is not drawn. */
export function diffColour(delta: number, maxAbs: number): Rgba {
  if (!Number.isFinite(delta) || delta === 0) return [0, 0, 0, 0];
  const t = Math.min(1, Math.abs(delta) / Math.max(1, maxAbs));
  const [r, g, b] = delta > 0 ? RED : BLUE;
  // Faint for a change of one clue, full at the largest: the strong changes read first.
  return [r, g, b, Math.round(70 + 150 * Math.sqrt(t))];
}

export const CHANGE_OUTLINE: { warmer: Rgba; cooler: Rgba } = { warmer: [255, 209, 102, 255], cooler: [0, 209, 193, 255] };

export interface DiffLayerInput {
  cells: readonly HotspotCellFeature[];
  /** Index of a cell id in the diff's arrays; undefined outside the analysis. */
  indexOf: (cellId: number) => number | undefined;
  diff: CellsDiff;
  version: string;
  theme: Theme;
}

export function reviewDiffLayers(input: DiffLayerInput): PolygonLayer<HotspotCellProperties>[] {
  const at = (id: number) => input.indexOf(id);
  const warmer = (i: number) => input.diff.change[i] === 'newHot' || input.diff.change[i] === 'hotter' || input.diff.change[i] === 'goneCold';
  const moved = (i: number | undefined) => i !== undefined && input.diff.change[i] !== 'same';
  const fill = polygonLayer({
    id: 'review-diff-cells',
    features: input.cells,
    highlightColor: input.theme.highlight,
    getFillColor: (f) => {
      const i = at(f.properties.id);
      return i === undefined ? [0, 0, 0, 0] : diffColour(input.diff.delta[i], input.diff.maxAbs);
    },
    isDrawn: (f) => {
      const i = at(f.properties.id);
      return i !== undefined && input.diff.delta[i] !== 0;
    },
    fillVersion: input.version,
    beforeId: undefined,
  });
  // Two outlined layers rather than one with per-cell line colours: polygonLayer keeps one outline colour a layer.
  const outlined = (id: string, colour: Rgba, which: (i: number) => boolean) =>
    polygonLayer({
      id,
      features: input.cells,
      highlightColor: input.theme.highlight,
      getFillColor: () => [0, 0, 0, 0],
      isDrawn: (f) => {
        const i = at(f.properties.id);
        return moved(i) && which(i!);
      },
      fillVersion: input.version,
      outline: { colour, widthPixels: 2 },
      beforeId: undefined,
    });
  return [fill, outlined('review-class-warmer', CHANGE_OUTLINE.warmer, warmer), outlined('review-class-cooler', CHANGE_OUTLINE.cooler, (i) => !warmer(i))];
}

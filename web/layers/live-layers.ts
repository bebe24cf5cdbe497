import type { Layer } from '@deck.gl/core';
import { DISTRICT_LABEL_LAYER_ID } from './district-layers.js';

// While an analysis is shown, it (and the labels above it) is drawn on the live canvas (MapView's `liveLayers`), over
// the map's own canvas with the layers beneath: a drag of its range then repaints a canvas of a few hundred cells and
// leaves the map's frame alone, which under a software GPU costs ~0.4 s at 1920×1080.

/** Layers drawn above the analysis, which therefore move to the live canvas with it. */
const ABOVE_ANALYSIS = new Set([DISTRICT_LABEL_LAYER_ID]);

const isAbove = (layer: Layer) => ABOVE_ANALYSIS.has(layer.id);

/**
 * The map canvas's layers: all of them without an analysis; with one, those above it are kept hidden (deck.gl keeps
 * their buffers for the moment the analysis ends). Depends on whether an analysis is shown, not on its steps.
 */
export function mapCanvasLayers(beneath: readonly Layer[], analysisShown: boolean): Layer[] {
  return analysisShown ? beneath.map((layer): Layer => (isAbove(layer) ? (layer.clone({ visible: false, pickable: false }) as Layer) : layer)) : [...beneath];
}

/** The live canvas's layers: the analysis, then the layers above it; none without an analysis. */
export function liveCanvasLayers(analysis: readonly Layer[], beneath: readonly Layer[]): Layer[] {
  return analysis.length === 0 ? [] : [...analysis, ...beneath.filter(isAbove)];
}

import type { Layer } from '@deck.gl/core';
import type { DistrictFeature } from '../layers/types.js';
import { darkTheme } from '../layers/theme.js';
import { DEFAULT_VIEW } from '../state/dashboard.js';
import { MapView, type ViewRequest } from './MapView.js';
import type { ScreenPick } from '../layers/picking.js';

export interface OverlayMapProps {
  viewRequest: ViewRequest | null;
  layers: Layer[];
  districts: readonly DistrictFeature[];
  selectedDistrict: string | null;
  label: string;
  onClick?: (pick: ScreenPick) => void;
  pixelRatio?: number;
  onReady?: () => void;
}

const ignore = () => {};

/**
 * The map of a working view (the planner, a campaign plan, the board, the phone page): its own layers over the
 * district borders on the dark offline style, framed by the view's requests. Unlike the dashboard it keeps no view in
 * the URL and shows no hover tooltips, so those callbacks are not its users' concern.
 */
export function OverlayMap({ viewRequest, layers, districts, selectedDistrict, label, onClick = ignore, pixelRatio, onReady }: OverlayMapProps) {
  return (
    <MapView
      theme={darkTheme}
      basemapUrl={null}
      initialView={DEFAULT_VIEW}
      viewRequest={viewRequest}
      layers={layers}
      districts={districts}
      showDistricts
      selectedDistrict={selectedDistrict}
      label={label}
      onViewChange={ignore}
      onHover={ignore}
      onClick={onClick}
      pixelRatio={pixelRatio}
      onReady={onReady}
    />
  );
}

import { MVTLayer } from '@deck.gl/geo-layers';
import { MVTLoader } from '@loaders.gl/mvt';
import { institutionColour } from './institution-layers.js';
import type { Theme } from './theme.js';

export const INSTITUTION_TILES_LAYER_ID = 'institution-tiles';

/** What a tile's institution feature holds (server/domain/tile-layers.ts): enough to colour it and to ask for its detail. */
export interface InstitutionTileFeature {
  properties: { id: number; name: string; status: string; listStatus: string; category: string; districtCode: string };
}

/**
 * Every institution of the scope at the city zoom, from the server's vector tiles (binary, straight into GPU
 * buffers) instead of paging the GeoJSON of the whole city; a click hands over the id and the detail is asked for.
 */
export function institutionTileLayer(url: string, theme: Theme): MVTLayer {
  return new MVTLayer({
    id: INSTITUTION_TILES_LAYER_ID,
    data: url,
    binary: true,
    minZoom: 0,
    maxZoom: 16,
    // Parsed on the main thread: loaders.gl's worker would be fetched from a CDN, and the app works offline.
    loaders: [MVTLoader],
    loadOptions: { worker: false, fetch: { credentials: 'same-origin' } },
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 160],
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: 3.5,
    getFillColor: (f: InstitutionTileFeature) => institutionColour(f.properties.status, theme),
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: (f: InstitutionTileFeature) => (f.properties.listStatus === 'black' ? 1.6 : 0.6),
    getLineColor: (f: InstitutionTileFeature) => (f.properties.listStatus === 'black' ? theme.blackListRing : theme.pointOutline),
  });
}

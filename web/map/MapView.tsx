import { useEffect, useLayoutEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
// @deck.gl/maplibre's overlay (re-exported by deck.gl) follows maplibre 6's internals; @deck.gl/mapbox's does not.
import { MapLibreOverlay } from 'deck.gl';
import type { Layer, PickingInfo } from '@deck.gl/core';
import 'maplibre-gl/dist/maplibre-gl.css';
// maplibre finds its worker next to its own module, which a bundle breaks: hand it the emitted file instead.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  buildBasemapStyle,
  DISTRICT_SELECTED_LAYER,
  DISTRICT_SOURCE,
  districtLayers,
  districtSource,
  selectedDistrictFilter,
  DISTRICT_CASING_LAYER,
  DISTRICT_LINE_LAYER,
} from '../layers/basemap-style.js';
import type { Bounds } from '../layers/bounds.js';
import { screenPick, type ScreenPick } from '../layers/picking.js';
import type { Theme } from '../layers/theme.js';
import type { DistrictFeature } from '../layers/types.js';
import { freeAreaPadding } from './free-area.js';
import { MAX_ZOOM, MIN_ZOOM, type MapView as View } from '../state/dashboard.js';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

/** How far from a small dot (a clue, an institution) a click still picks it. */
const CLICK_RADIUS_PX = 4;

export type ViewRequest =
  | { kind: 'view'; view: View; seq: number }
  /** Fits the bounds into the part of the map no panel covers; `instant` skips the animation (the first view). */
  | { kind: 'bounds'; bounds: Bounds; seq: number; instant?: boolean };

let lastViewRequest = 0;
/** A fresh sequence number, so that asking for the same view twice still moves the map. */
export const nextViewRequestSeq = (): number => ++lastViewRequest;

export interface MapViewProps {
  theme: Theme;
  /** An external maplibre style URL; null = the offline style built from our own layers. */
  basemapUrl: string | null;
  initialView: View;
  viewRequest: ViewRequest | null;
  layers: Layer[];
  districts: readonly DistrictFeature[];
  showDistricts: boolean;
  selectedDistrict: string | null;
  label: string;
  onViewChange: (view: View, bounds: Bounds) => void;
  /** Picks of the layers that have a datum to show (see layers/picking); null when the pointer leaves them. */
  onHover: (pick: ScreenPick | null) => void;
  onClick: (pick: ScreenPick) => void;
  onReady?: () => void;
}

/** The map: a maplibre basemap with deck.gl drawn into the same WebGL context (interleaved). It holds no data logic. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  // The map's own event handlers read the latest props; they are set once, when the map is made.
  const propsRef = useRef(props);
  useLayoutEffect(() => {
    propsRef.current = props;
  });
  const { layers, districts, showDistricts, selectedDistrict, viewRequest } = props;

  useEffect(() => {
    const p = propsRef.current;
    const style: StyleSpecification | string =
      p.basemapUrl ?? buildBasemapStyle(p.theme, visibilityOf(p));
    const map = new maplibregl.Map({
      container: container.current!,
      style,
      center: [p.initialView.longitude, p.initialView.latitude],
      zoom: p.initialView.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.enable();
    mapRef.current = map;
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onHover: (info: PickingInfo) => propsRef.current.onHover(screenPick(info)),
      getCursor: ({ isHovering, isDragging }: { isHovering: boolean; isDragging: boolean }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(overlay);
    overlayRef.current = overlay;
    // Clicks come from maplibre, not from deck.gl's tap recogniser: deck picks synchronously on pointerdown, and on a
    // slow GPU (SwiftShader, a wall display's integrated chip) that pick outlasts the recogniser's 250 ms tap window,
    // so deck never reports the click. maplibre's own click has no time limit and already tells a click from a drag.
    let loaded = false;
    map.on('click', (event) => {
      if (!loaded) return;
      const info = overlay.pickObject({ x: event.point.x, y: event.point.y, radius: CLICK_RADIUS_PX });
      const pick = info && screenPick(info);
      if (pick) propsRef.current.onClick(pick);
    });

    const report = () => {
      const centre = map.getCenter();
      const b = map.getBounds();
      propsRef.current.onViewChange({ longitude: centre.lng, latitude: centre.lat, zoom: map.getZoom() }, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    map.on('moveend', report);
    map.on('load', () => {
      loaded = true;
      if (!map.getSource(DISTRICT_SOURCE)) {
        // An external style: add our districts on top of it.
        map.addSource(DISTRICT_SOURCE, districtSource());
        for (const layer of districtLayers(propsRef.current.theme, { ...visibilityOf(propsRef.current), ownBasemap: false })) map.addLayer(layer);
      }
      syncDistricts(map, propsRef.current);
      overlay.setProps({ layers: propsRef.current.layers });
      report();
      propsRef.current.onReady?.();
    });
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
    // The map is created once; a new basemap URL needs a new map.
  }, [props.basemapUrl]);

  useEffect(() => {
    overlayRef.current?.setProps({ layers });
  }, [layers]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.isStyleLoaded() && map.getSource(DISTRICT_SOURCE)) syncDistricts(map, { districts, showDistricts, selectedDistrict });
  }, [districts, showDistricts, selectedDistrict]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !viewRequest) return;
    if (viewRequest.kind === 'view') {
      map.flyTo({ center: [viewRequest.view.longitude, viewRequest.view.latitude], zoom: viewRequest.view.zoom, duration: 600 });
    } else {
      map.fitBounds(
        [
          [viewRequest.bounds[0], viewRequest.bounds[1]],
          [viewRequest.bounds[2], viewRequest.bounds[3]],
        ],
        { padding: panelPadding(map.getContainer()), duration: viewRequest.instant ? 0 : 600, maxZoom: 13 },
      );
    }
    // A request is a new object with a new sequence number each time: asking twice moves the map twice.
  }, [viewRequest]);

  return <div ref={container} className="map" role="application" aria-label={props.label} data-testid="map" />;
}

/** Panels floating over the map say so with `data-map-overlay`; the fitted extent stays clear of them. */
function panelPadding(container: HTMLElement) {
  const panels = container.parentElement?.querySelectorAll('[data-map-overlay]') ?? [];
  return freeAreaPadding(container.getBoundingClientRect(), Array.from(panels, (panel) => panel.getBoundingClientRect()));
}

function visibilityOf(p: MapViewProps) {
  return { showDistricts: p.showDistricts, selectedDistrict: p.selectedDistrict };
}


function syncDistricts(map: maplibregl.Map, p: Pick<MapViewProps, 'districts' | 'showDistricts' | 'selectedDistrict'>): void {
  void map.getSource<GeoJSONSource>(DISTRICT_SOURCE)?.setData({ type: 'FeatureCollection', features: [...p.districts] });
  const visibility = p.showDistricts ? 'visible' : 'none';
  for (const id of [DISTRICT_CASING_LAYER, DISTRICT_LINE_LAYER]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility);
  if (map.getLayer(DISTRICT_SELECTED_LAYER)) {
    map.setFilter(DISTRICT_SELECTED_LAYER, selectedDistrictFilter(p.selectedDistrict));
    map.setLayoutProperty(DISTRICT_SELECTED_LAYER, 'visibility', p.selectedDistrict ? 'visible' : 'none');
  }
}

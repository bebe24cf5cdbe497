import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
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
  /** `instant` jumps without a flight: a map following another one's moves (the review's synchronised pair). */
  | { kind: 'view'; view: View; seq: number; instant?: boolean }
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
  /**
   * Layers drawn on a canvas of their own above the map, for layers that change many times a second (a dragged time
   * range): a change repaints only that canvas, not the basemap and the layers beneath. Picked before `layers`.
   * The canvas is made on first use.
   */
  liveLayers?: Layer[];
  /** Make the live canvas now, before it has layers (its WebGL context costs seconds on a software GPU). */
  prepareLive?: boolean;
  districts: readonly DistrictFeature[];
  showDistricts: boolean;
  selectedDistrict: string | null;
  label: string;
  onViewChange: (view: View, bounds: Bounds) => void;
  /** Picks of the layers that have a datum to show (see layers/picking); null when the pointer leaves them. */
  onHover: (pick: ScreenPick | null) => void;
  onClick: (pick: ScreenPick) => void;
  /** A click that picks nothing, with where on the earth it fell (the clue desk's pick of a reported place). */
  onMapClick?: (lngLat: [number, number]) => void;
  onReady?: () => void;
  /** Device pixels per CSS pixel of the canvases; default the device's (the wall caps it: web/state/wall.ts). */
  pixelRatio?: number;
}

/**
 * The map: a maplibre basemap with deck.gl drawn into the same WebGL context (interleaved), and a second, overlaid
 * deck.gl canvas above it for the layers that change many times a second. It holds no data logic.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const liveOverlayRef = useRef<MapLibreOverlay | null>(null);
  // The map's own event handlers read the latest props; they are set once, when the map is made.
  const propsRef = useRef(props);
  const hoverRef = useRef<ReturnType<typeof hoverMerger> | null>(null);
  useLayoutEffect(() => {
    propsRef.current = props;
  });
  const { layers, liveLayers, prepareLive, districts, showDistricts, selectedDistrict, viewRequest } = props;
  const [refs] = useState<MapRefs>(() => ({ container, props: propsRef, hover: hoverRef, map: mapRef, overlay: overlayRef, live: liveOverlayRef }));

  useEffect(() => {
    let map: maplibregl.Map | null = null;
    // Made in a task of its own: the dashboard's requests (sent from effects that run after this one) go out first,
    // and the server answers them while the WebGL context is made (half a second and more on a software GPU).
    const timer = setTimeout(() => {
      map = createMap(refs);
    }, 0);
    return () => {
      clearTimeout(timer);
      map?.remove();
      mapRef.current = null;
      overlayRef.current = null;
      liveOverlayRef.current = null;
    };
    // The map is created once; a new basemap URL needs a new map.
  }, [props.basemapUrl, refs]);

  useEffect(() => {
    overlayRef.current?.setProps({ layers });
  }, [layers]);

  useEffect(() => {
    if (props.pixelRatio === undefined || !mapRef.current) return;
    mapRef.current.setPixelRatio(props.pixelRatio);
    overlayRef.current?.setProps({ useDevicePixels: props.pixelRatio });
  }, [props.pixelRatio]);

  useEffect(() => {
    if (refs.map.current) syncLiveLayers(refs, refs.map.current, liveLayers, prepareLive);
  }, [liveLayers, prepareLive, refs]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.isStyleLoaded() && map.getSource(DISTRICT_SOURCE)) syncDistricts(map, { districts, showDistricts, selectedDistrict });
  }, [districts, showDistricts, selectedDistrict]);

  useEffect(() => {
    if (mapRef.current && viewRequest) applyViewRequest(mapRef.current, viewRequest);
    // A request is a new object with a new sequence number each time: asking twice moves the map twice.
  }, [viewRequest]);

  return <div ref={container} className="map" role="application" aria-label={props.label} data-testid="map" />;
}

/** What the map's own handlers reach: the latest props and the objects made with the map. */
interface MapRefs {
  container: RefObject<HTMLDivElement | null>;
  props: RefObject<MapViewProps>;
  hover: RefObject<ReturnType<typeof hoverMerger> | null>;
  map: RefObject<maplibregl.Map | null>;
  overlay: RefObject<MapLibreOverlay | null>;
  live: RefObject<MapLibreOverlay | null>;
}

function createMap(refs: MapRefs): maplibregl.Map {
  const p = refs.props.current;
  const hover = hoverMerger((pick) => refs.props.current.onHover(pick));
  refs.hover.current = hover;
  const style: StyleSpecification | string =
    p.basemapUrl ?? buildBasemapStyle(p.theme, visibilityOf(p));
  const map = new maplibregl.Map({
    container: refs.container.current!,
    style,
    center: [p.initialView.longitude, p.initialView.latitude],
    zoom: p.initialView.zoom,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    fadeDuration: 0,
    // An opaque canvas: the compositor then skips the page beneath it and draws it without blending, which on a
    // software GPU is a good part of every frame (each full-window layer costs ~30 ms at 1920×1080 under SwiftShader).
    canvasContextAttributes: { alpha: false },
    pixelRatio: p.pixelRatio,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.enable();
  refs.map.current = map;
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    useDevicePixels: p.pixelRatio ?? true,
    onHover: (info: PickingInfo) => hover.fromMap(screenPick(info)),
    getCursor: ({ isHovering, isDragging }: { isHovering: boolean; isDragging: boolean }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
  });
  map.addControl(overlay);
  refs.overlay.current = overlay;
  // Clicks come from maplibre, not from deck.gl's tap recogniser: deck picks synchronously on pointerdown, and on a
  // slow GPU (SwiftShader, a wall display's integrated chip) that pick outlasts the recogniser's 250 ms tap window,
  // so deck never reports the click. maplibre's own click has no time limit and already tells a click from a drag.
  let loaded = false;
  map.on('click', (event) => {
    if (!loaded) return;
    const at = { x: event.point.x, y: event.point.y, radius: CLICK_RADIUS_PX };
    const liveInfo = refs.live.current?.pickObject(at);
    const info = overlay.pickObject(at);
    const pick = (liveInfo && screenPick(liveInfo)) ?? (info && screenPick(info));
    if (pick) refs.props.current.onClick(pick);
    else refs.props.current.onMapClick?.([event.lngLat.lng, event.lngLat.lat]);
  });

  const report = () => {
    const centre = map.getCenter();
    const b = map.getBounds();
    refs.props.current.onViewChange({ longitude: centre.lng, latitude: centre.lat, zoom: map.getZoom() }, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
  };
  map.on('moveend', report);
  map.on('load', () => {
    loaded = true;
    if (!map.getSource(DISTRICT_SOURCE)) {
      // An external style: add our districts on top of it.
      map.addSource(DISTRICT_SOURCE, districtSource());
      for (const layer of districtLayers(refs.props.current.theme, { ...visibilityOf(refs.props.current), ownBasemap: false })) map.addLayer(layer);
    }
    syncDistricts(map, refs.props.current);
    overlay.setProps({ layers: refs.props.current.layers });
    syncLiveLayers(refs, map, refs.props.current.liveLayers, refs.props.current.prepareLive);
    report();
    refs.props.current.onReady?.();
  });
  // A view asked for before the map existed (the first framing) is applied now.
  if (p.viewRequest) applyViewRequest(map, p.viewRequest);
  return map;
}

function syncLiveLayers(refs: MapRefs, map: maplibregl.Map, live: Layer[] | undefined, prepare = false) {
  if (!refs.live.current && !live?.length && !prepare) return;
  if (!refs.live.current) {
    // Overlaid, not interleaved: this deck has its own WebGL canvas, so its redraw leaves maplibre's frame alone.
    const overlay = new MapLibreOverlay({
      interleaved: false,
      layers: [],
      onHover: (info: PickingInfo) => refs.hover.current?.fromLive(screenPick(info)),
    });
    map.addControl(overlay, 'top-left');
    refs.live.current = overlay;
  }
  refs.live.current.setProps({ layers: live ?? [] });
}

function applyViewRequest(map: maplibregl.Map, request: ViewRequest): void {
  if (request.kind === 'view' && request.instant) {
    map.jumpTo({ center: [request.view.longitude, request.view.latitude], zoom: request.view.zoom });
  } else if (request.kind === 'view') {
    map.flyTo({ center: [request.view.longitude, request.view.latitude], zoom: request.view.zoom, duration: 600 });
  } else {
    map.fitBounds(
      [
        [request.bounds[0], request.bounds[1]],
        [request.bounds[2], request.bounds[3]],
      ],
      { padding: panelPadding(map.getContainer()), duration: request.instant ? 0 : 600, maxZoom: 13 },
    );
  }
}

/**
 * Each deck reports its own hover on every pointer move; the live canvas lies above the map's, so its pick wins and the
 * map's is shown where the live canvas has nothing. Only a change is reported.
 */
function hoverMerger(report: (pick: ScreenPick | null) => void) {
  let live: ScreenPick | null = null;
  let map: ScreenPick | null = null;
  let shown: ScreenPick | null = null;
  const update = () => {
    const next = live ?? map;
    if (next !== shown) report((shown = next));
  };
  return {
    fromLive: (pick: ScreenPick | null) => {
      live = pick;
      update();
    },
    fromMap: (pick: ScreenPick | null) => {
      map = pick;
      update();
    },
  };
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

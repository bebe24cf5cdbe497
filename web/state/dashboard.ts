import { DEFAULT_LANGUAGE, type Language } from '../i18n/index.js';
import { addDays, isIsoDate } from '../../server/domain/time.js';
import type { Cluster } from '../layers/clusters.js';

/** The dashboard's state. Everything a shared link restores lives here; server data does not. */
export const LAYER_IDS = ['districts', 'grid', 'institutions', 'heatmap'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface MapView {
  longitude: number;
  latitude: number;
  zoom: number;
}

/** Inclusive calendar dates, YYYY-MM-DD, in the dashboard's local (Asia/Shanghai) sense. */
export interface TimeRange {
  from: string;
  to: string;
}

export type Selection =
  | { kind: 'institution'; id: number }
  | { kind: 'clue'; id: number }
  | { kind: 'gridCell'; id: number }
  | { kind: 'district'; code: string }
  | ({
      kind: 'cluster';
      /** The map's zoom when the cluster was picked. */
      zoom: number;
    } & Omit<Cluster, 'id'>);

export interface DashboardState {
  view: MapView;
  /** minLon, minLat, maxLon, maxLat of the visible map, reported by the map; not part of the URL. */
  bounds: [number, number, number, number] | null;
  timeRange: TimeRange;
  layers: Record<LayerId, boolean>;
  /** GB/T 2260 code of the selected district, null = all. */
  district: string | null;
  language: Language;
  selection: Selection | null;
}

/** Central Shanghai (人民广场) at a zoom that shows the central districts. */
export const DEFAULT_VIEW: MapView = { longitude: 121.4737, latitude: 31.2304, zoom: 9.6 };
export const DEFAULT_RANGE_DAYS = 90;
export const MIN_ZOOM = 7;
export const MAX_ZOOM = 18;

export function defaultTimeRange(today: string, days = DEFAULT_RANGE_DAYS): TimeRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

export function initialState(today: string): DashboardState {
  return {
    view: DEFAULT_VIEW,
    bounds: null,
    timeRange: defaultTimeRange(today),
    layers: { districts: true, grid: true, institutions: true, heatmap: true },
    district: null,
    language: DEFAULT_LANGUAGE,
    selection: null,
  };
}

export type DashboardAction =
  | { type: 'viewChanged'; view: MapView; bounds?: [number, number, number, number] }
  | { type: 'timeRangeSet'; range: TimeRange }
  | { type: 'timePresetChosen'; days: number; today: string }
  | { type: 'layerToggled'; layer: LayerId }
  | { type: 'districtSelected'; code: string | null }
  | { type: 'languageSet'; language: Language }
  | { type: 'featureSelected'; selection: Selection }
  | { type: 'selectionCleared' }
  | { type: 'stateRestored'; state: Partial<DashboardState> };

// Named updaters: each takes the state and returns the next one; the reducer only dispatches.

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function updateView(state: DashboardState, view: MapView, bounds?: [number, number, number, number]): DashboardState {
  const next: MapView = {
    longitude: Math.min(180, Math.max(-180, view.longitude)),
    latitude: Math.min(85, Math.max(-85, view.latitude)),
    zoom: clampZoom(view.zoom),
  };
  return { ...state, view: next, bounds: bounds ?? state.bounds };
}

/** Rejects malformed or reversed ranges by keeping the old one: the UI shows the problem, the map keeps working. */
export function setTimeRange(state: DashboardState, range: TimeRange): DashboardState {
  if (!isIsoDate(range.from) || !isIsoDate(range.to) || range.from > range.to) return state;
  return { ...state, timeRange: { from: range.from, to: range.to } };
}

export function chooseTimePreset(state: DashboardState, days: number, today: string): DashboardState {
  if (!Number.isInteger(days) || days < 1) return state;
  return setTimeRange(state, defaultTimeRange(today, days));
}

export function toggleLayer(state: DashboardState, layer: LayerId): DashboardState {
  return { ...state, layers: { ...state.layers, [layer]: !state.layers[layer] } };
}

export function selectDistrict(state: DashboardState, code: string | null): DashboardState {
  const selection: Selection | null = code ? { kind: 'district', code } : null;
  return { ...state, district: code, selection };
}

export function setLanguage(state: DashboardState, language: Language): DashboardState {
  return { ...state, language };
}

export function selectFeature(state: DashboardState, selection: Selection): DashboardState {
  return { ...state, selection };
}

export function clearSelection(state: DashboardState): DashboardState {
  return state.selection ? { ...state, selection: null } : state;
}

export function restoreState(state: DashboardState, restored: Partial<DashboardState>): DashboardState {
  return { ...state, ...restored, layers: { ...state.layers, ...restored.layers } };
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'viewChanged':
      return updateView(state, action.view, action.bounds);
    case 'timeRangeSet':
      return setTimeRange(state, action.range);
    case 'timePresetChosen':
      return chooseTimePreset(state, action.days, action.today);
    case 'layerToggled':
      return toggleLayer(state, action.layer);
    case 'districtSelected':
      return selectDistrict(state, action.code);
    case 'languageSet':
      return setLanguage(state, action.language);
    case 'featureSelected':
      return selectFeature(state, action.selection);
    case 'selectionCleared':
      return clearSelection(state);
    case 'stateRestored':
      return restoreState(state, action.state);
  }
}

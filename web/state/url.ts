import { isLanguage, DEFAULT_LANGUAGE } from '../i18n/index.js';
import { isIsoDate } from '../../server/domain/time.js';
import { clampZoom, LAYER_IDS, type DashboardState, type LayerId, type Selection } from './dashboard.js';

/**
 * The shareable part of the dashboard state as URL search parameters:
 *   c=lon,lat  z=zoom  from=YYYY-MM-DD  to=YYYY-MM-DD  layers=districts,grid,…  d=district code
 *   lang=zh-CN|en  sel=institution:12|clue:34  basemap=<style URL, passed through untouched>
 * Parsing is forgiving: a malformed value is dropped (the default applies), never thrown, because links are typed by hand.
 */
export type UrlState = Partial<Pick<DashboardState, 'view' | 'timeRange' | 'layers' | 'district' | 'language' | 'selection'>>;

const DISTRICT_CODE = /^\d{6}$/;

function roundTo(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

export function serialiseUrlState(state: DashboardState, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  params.set('c', `${roundTo(state.view.longitude, 5)},${roundTo(state.view.latitude, 5)}`);
  params.set('z', roundTo(state.view.zoom, 2));
  params.set('from', state.timeRange.from);
  params.set('to', state.timeRange.to);
  params.set('layers', LAYER_IDS.filter((id) => state.layers[id]).join(','));
  if (state.district) params.set('d', state.district);
  if (state.language !== DEFAULT_LANGUAGE) params.set('lang', state.language);
  if (state.selection?.kind === 'institution' || state.selection?.kind === 'clue') {
    params.set('sel', `${state.selection.kind}:${state.selection.id}`);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params.toString();
}

function parseCentre(value: string | null): { longitude: number; latitude: number } | null {
  if (!value) return null;
  const parts = value.split(',');
  if (parts.length !== 2) return null;
  const [longitude, latitude] = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return null;
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > 85) return null;
  return { longitude, latitude };
}

function parseLayers(value: string | null): Record<LayerId, boolean> | null {
  if (value === null) return null;
  const named = new Set(value.split(',').map((part) => part.trim()));
  return Object.fromEntries(LAYER_IDS.map((id) => [id, named.has(id)])) as Record<LayerId, boolean>;
}

function parseSelection(value: string | null): Selection | null {
  const match = value ? /^(institution|clue):(\d{1,9})$/.exec(value) : null;
  return match ? { kind: match[1] as 'institution' | 'clue', id: Number(match[2]) } : null;
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: UrlState = {};
  const centre = parseCentre(params.get('c'));
  const zoom = params.get('z') === null || params.get('z') === '' ? NaN : Number(params.get('z'));
  if (centre && Number.isFinite(zoom)) state.view = { ...centre, zoom: clampZoom(zoom) };
  const from = params.get('from');
  const to = params.get('to');
  if (isIsoDate(from) && isIsoDate(to) && from <= to) state.timeRange = { from, to };
  const layers = parseLayers(params.get('layers'));
  if (layers) state.layers = layers;
  const district = params.get('d');
  if (district && DISTRICT_CODE.test(district)) state.district = district;
  const language = params.get('lang');
  if (isLanguage(language)) state.language = language;
  const selection = parseSelection(params.get('sel'));
  if (selection) state.selection = selection;
  return state;
}

/** An external basemap style URL from `?basemap=`; only http(s) or same-origin paths are accepted. */
export function parseBasemapUrl(search: string): string | null {
  const value = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('basemap');
  if (!value) return null;
  if (/^https?:\/\//i.test(value) || value.startsWith('/')) return value;
  return null;
}

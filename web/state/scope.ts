import type { UrlState } from './url.js';

/** A shared link asked for another district than the account may see: which it asked for, and where it went instead. */
export interface ScopeRedirect {
  requested: string;
  own: string;
}

/**
 * Fits a link's state to the district an account is scoped to (null = city-wide), before anything is fetched: a link
 * to another district goes to the account's own instead, and the view and the selection of that link go with it (the
 * view framed another district, the selected feature lies there), so the map starts framed on the own district.
 */
export function scopeUrlState(restored: UrlState, scopeDistrict: string | null): { state: UrlState; redirect: ScopeRedirect | null } {
  if (scopeDistrict === null || restored.district === undefined || restored.district === null || restored.district === scopeDistrict) {
    return { state: restored, redirect: null };
  }
  const { view: _view, selection: _selection, ...kept } = restored;
  return { state: { ...kept, district: scopeDistrict }, redirect: { requested: restored.district, own: scopeDistrict } };
}

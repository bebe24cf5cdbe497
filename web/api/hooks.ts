import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { Selection, TimeRange } from '../state/dashboard.js';
import { bboxParam, type Bbox } from '../state/selectors.js';
import * as analysis from './analysis.js';
import * as endpoints from './endpoints.js';
import * as tiles from './tiles.js';
import { coverKey, type TileCover } from '../../server/domain/tile-cover.js';
import { ApiError } from './errors.js';
import { onUnauthenticated } from './transport.js';
import { clearResourceCache, useResource } from './use-resource.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; user: Me };

export function useSession() {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    endpoints.me(controller.signal).then(
      (user) => setSession({ status: 'authenticated', user }),
      () => !controller.signal.aborted && setSession({ status: 'anonymous', expired: false }),
    );
    const unsubscribe = onUnauthenticated(() => {
      clearResourceCache();
      setSession((s) => (s.status === 'authenticated' ? { status: 'anonymous', expired: true } : s));
    });
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const user = await endpoints.login(username, password);
    clearResourceCache();
    setSession({ status: 'authenticated', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await endpoints.logout();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    clearResourceCache();
    setSession({ status: 'anonymous', expired: false });
  }, []);

  return { session, login, logout };
}

const rangeKey = (range: TimeRange) => `${range.from}/${range.to}`;

export const useDistricts = () => useResource('districts', endpoints.districts);

/** 街镇 of one district, for naming a selected grid cell's street; null = not wanted. */
export function useStreets(district: string | null) {
  return useResource(district === null ? null : `streets:${district}`, (signal) => endpoints.streets(district, signal));
}

export function useGridCells(bbox: Bbox | null, range: TimeRange, district: string | null, enabled: boolean) {
  const key = enabled && bbox ? `grid:${bboxParam(bbox)}:${rangeKey(range)}:${district ?? ''}` : null;
  return useResource(key, (signal) => endpoints.gridCells(bbox!, range, district, signal));
}

/** The institutions of the tiles that cover the view (web/api/tiles.ts). */
export function useInstitutions(cover: TileCover | null, district: string | null, enabled: boolean) {
  const key = enabled && cover ? `institutions:${coverKey(cover)}:${district ?? ''}` : null;
  return useResource(key, (signal) => tiles.institutionTiles(cover!, district, signal));
}

/** The clues of the period in the tiles that cover the view. */
export function useClues(cover: TileCover | null, range: TimeRange, district: string | null, enabled: boolean) {
  const key = enabled && cover ? `clues:${coverKey(cover)}:${rangeKey(range)}:${district ?? ''}` : null;
  return useResource(key, (signal) => tiles.clueTiles(cover!, range, district, signal));
}

export function useSummary(range: TimeRange, district: string | null) {
  return useResource(`summary:${rangeKey(range)}:${district ?? ''}`, (signal) => endpoints.summary(range, district, signal));
}

export function useInstitutionDetail(selection: Selection | null) {
  const id = selection?.kind === 'institution' ? selection.id : null;
  return useResource(id === null ? null : `institution:${id}`, (signal) => endpoints.institution(id!, signal));
}

export function useClueDetail(selection: Selection | null) {
  const id = selection?.kind === 'clue' ? selection.id : null;
  return useResource(id === null ? null : `clue:${id}`, (signal) => endpoints.clue(id!, signal));
}

export function useCellCounts(window: TimeRange, district: string | null, enabled: boolean) {
  return useResource(enabled ? `cell-counts:${rangeKey(window)}:${district ?? ''}` : null, (signal) => analysis.cellCounts(window, district, signal));
}

export function useHotspotCells(district: string | null, enabled: boolean) {
  return useResource(enabled ? `hotspot-cells:${district ?? ''}` : null, (signal) => analysis.hotspotCells(district, signal));
}

export function useEmergingHotspots(range: TimeRange, step: 'week' | 'month', district: string | null, enabled: boolean) {
  const key = enabled ? `emerging:${rangeKey(range)}:${step}:${district ?? ''}` : null;
  return useResource(key, (signal) => analysis.emergingHotspots(range, step, district, signal));
}

export function useInstitutionRisk(selection: Selection | null) {
  const id = selection?.kind === 'institution' ? selection.id : null;
  return useResource(id === null ? null : `institution-risk:${id}`, (signal) => analysis.institutionRisk(id!, signal));
}

import type { AnalysisCellCollection, CellCounts, EmergingHotspots, InstitutionRiskBody } from '../../server/contract/index.js';
import type { TimeRange } from '../state/dashboard.js';
import { rangeToInstants } from '../state/dates.js';
import { client, withSignal } from './client.js';
import { readJson } from './transport.js';

// Requests of the hot spot analysis layers and the risk panel.

const optionalDistrict = (district: string | null) => district ?? undefined;

/** Per-cell per-day counts of a window and the cells' neighbours: everything the live recompute needs. */
export const cellCounts = (window: TimeRange, district: string | null, signal?: AbortSignal) =>
  readJson<CellCounts>(
    client.api.analysis['cell-counts'].$get({ query: { ...rangeToInstants(window), step: 'day', district: optionalDistrict(district) } }, withSignal(signal)),
  );

/** Geometry of every cell of the scope (the layers join the live bins to it by id). */
export const hotspotCells = (district: string | null, signal?: AbortSignal) =>
  readJson<AnalysisCellCollection>(client.api.analysis.cells.$get({ query: { district: optionalDistrict(district) } }, withSignal(signal)));

export const emergingHotspots = (range: TimeRange, step: 'week' | 'month', district: string | null, signal?: AbortSignal) =>
  readJson<EmergingHotspots>(
    client.api.analysis['emerging-hotspots'].$get({ query: { ...rangeToInstants(range), step, district: optionalDistrict(district) } }, withSignal(signal)),
  );

export const institutionRisk = (id: number, signal?: AbortSignal) =>
  readJson<InstitutionRiskBody>(client.api.institutions[':id'].risk.$get({ param: { id: String(id) } }, withSignal(signal)));

// The clue desk's requests (工单台): the queue, one clue with its duplicates and timeline, the metrics, the steps, bulk
// dispatch and the 12345 intake. Every answer is checked against the clue loop's contract before the page sees it:
// an operator acts on what the desk shows, so a malformed answer is an error, not a blank row.
import {
  bulkDispatchResultSchema,
  clueLoopDetailSchema,
  clueMetricsSchema,
  clueQueueSchema,
  clueTimelineSchema,
  duplicateCandidatesSchema,
  type ClueIntake,
  type ClueLoopDetail,
  type ClueMetricsAnswer,
  type ClueQueue,
  type ClueStep,
  type ClueTimeline,
  type DuplicateCandidates,
} from '../../server/contract/clue-loop.js';
import { institutionMatchesSchema, type InstitutionMatches } from '../../server/contract/institutions.js';
import { roadMatchesSchema, type RoadMatches } from '../../server/contract/roads.js';
import type { StreetCollection } from '../../server/contract/streets.js';
import * as endpoints from './endpoints.js';
import { checked } from './checked.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const get = (path: string, query: Record<string, string> | null, signal?: AbortSignal) =>
  readJson<unknown>(fetch(`${path}${query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : ''}`, { credentials: 'same-origin', signal }));

const post = (path: string, body: unknown) =>
  readJson<unknown>(fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));

/** A query as a stable key: its parameters sorted. */
const keyOf = (query: Record<string, string>) =>
  Object.keys(query)
    .sort()
    .map((k) => `${k}=${query[k]}`)
    .join('&');

export const clueQueue = (query: Record<string, string>, signal?: AbortSignal) => checked(clueQueueSchema, get('/api/clues/queue', query, signal));
export const clueDetail = (id: number, signal?: AbortSignal) => checked(clueLoopDetailSchema, get(`/api/clues/${id}`, null, signal));
export const clueTimeline = (id: number, signal?: AbortSignal) => checked(clueTimelineSchema, get(`/api/clues/${id}/timeline`, null, signal));
export const clueDuplicates = (id: number, signal?: AbortSignal) => checked(duplicateCandidatesSchema, get(`/api/clues/${id}/duplicates`, null, signal));
export const clueMetrics = (query: Record<string, string>, signal?: AbortSignal) => checked(clueMetricsSchema, get('/api/clues/metrics', query, signal));

/** One step of the loop: `POST /api/clues/{id}/<step with dashes>`; the clue after it. */
export const clueStep = (id: number, step: ClueStep, body: Record<string, unknown>) => checked(clueLoopDetailSchema, post(`/api/clues/${id}/${step.replace(/_/g, '-')}`, body));

/** Dispatches the clues by the matrix, each on its own: per clue, dispatched or why not. */
export const bulkDispatch = (ids: readonly number[]) => checked(bulkDispatchResultSchema, post('/api/clues/dispatch', { ids }));

/** The 12345 operator's form: the registered clue; with the caller's photos, one multipart form (all or nothing). */
export function createClue(intake: ClueIntake, photos: readonly File[] = []): Promise<ClueLoopDetail> {
  if (photos.length === 0) return checked(clueLoopDetailSchema, post('/api/clues', intake));
  const form = new FormData();
  form.set('clue', JSON.stringify(intake));
  for (const photo of photos) form.append('photos', photo);
  return checked(clueLoopDetailSchema, readJson<unknown>(fetch('/api/clues/with-photos', { method: 'POST', credentials: 'same-origin', body: form })));
}

/** Where an `<img>` reads a clue's photo (the display copy) or its thumbnail; the server checks the clue's district. */
export const cluePhotoUrl = (clueId: number, sha256: string, which: 'photo' | 'thumbnail') =>
  `/api/clues/${clueId}/photos/${sha256}${which === 'thumbnail' ? '/thumbnail' : ''}`;

export const searchInstitutions = (q: string, signal?: AbortSignal) =>
  checked(institutionMatchesSchema, get('/api/institutions/search', { q, limit: '8' }, signal));

/** The suspected institution's search of the intake form; null asks nothing. */
export const useInstitutionSearch = (q: string | null) =>
  useResource<InstitutionMatches>(q === null ? null : `desk-institutions:${q}`, (signal) => searchInstitutions(q!, signal));

/** `revision` asks again after a write. */
export const useClueQueue = (query: Record<string, string>, revision: number) =>
  useResource<ClueQueue>(`desk-queue:${keyOf(query)}:${revision}`, (signal) => clueQueue(query, signal));

export const useClueLoopDetail = (id: number | null, revision: number) =>
  useResource<ClueLoopDetail>(id === null ? null : `desk-clue:${id}:${revision}`, (signal) => clueDetail(id!, signal));

export const useClueTimeline = (id: number | null, revision: number) =>
  useResource<ClueTimeline>(id === null ? null : `desk-timeline:${id}:${revision}`, (signal) => clueTimeline(id!, signal));

export const useClueDuplicates = (id: number | null, revision: number) =>
  useResource<DuplicateCandidates>(id === null ? null : `desk-duplicates:${id}:${revision}`, (signal) => clueDuplicates(id!, signal));

export const useClueMetrics = (query: Record<string, string> | null, revision: number) =>
  useResource<ClueMetricsAnswer>(query === null ? null : `desk-metrics:${keyOf(query)}:${revision}`, (signal) => clueMetrics(query!, signal));

/** 街镇 for the intake's search, of one district or of all (null); undefined = not wanted yet. */
export const useAllStreets = (district: string | null | undefined) =>
  useResource<StreetCollection>(district === undefined ? null : `desk-streets:${district ?? 'all'}`, (signal) => endpoints.streets(district ?? null, signal));

export const searchRoads = (q: string, signal?: AbortSignal) => checked(roadMatchesSchema, get('/api/roads/search', { q, limit: '8' }, signal));

/** Road names for the intake's address search; null asks nothing. */
export const useRoadSearch = (q: string | null) =>
  useResource<RoadMatches>(q === null ? null : `desk-roads:${q}`, (signal) => searchRoads(q!, signal));

import type {
  ClueCollection,
  ClueDetail,
  DistrictCollection,
  GridCellCollection,
  InstitutionCollection,
  InstitutionDetail,
  Me,
  StreetCollection,
  Summary,
} from '../../server/contract/index.js';
import type { TimeRange } from '../state/dashboard.js';
import { rangeToInstants } from '../state/dates.js';
import { bboxParam, type Bbox } from '../state/selectors.js';
import { api } from './client.js';
import { readPages, type PagedFeatures } from './paging.js';
import { readJson } from './transport.js';

/** The API's largest page; the map reads at most this many pages per layer and says when it stopped early. */
export const PAGE_LIMIT = 5000;
export const MAX_INSTITUTION_PAGES = 3;
export const MAX_CLUE_PAGES = 4;

const withDistrict = (district: string | null): Record<string, string> => (district ? { district } : {});

export const login = (username: string, password: string, signal?: AbortSignal) =>
  readJson<Me>(api.post('/api/auth/login', { username, password }, signal), { notifyUnauthenticated: false });

export const logout = () => readJson<{ ok: true }>(api.post('/api/auth/logout', {}), { notifyUnauthenticated: false });

export const me = (signal?: AbortSignal) => readJson<Me>(api.get('/api/auth/me', {}, signal), { notifyUnauthenticated: false });

export const districts = (signal?: AbortSignal) => readJson<DistrictCollection>(api.get('/api/districts', {}, signal));

export const streets = (district: string | null, signal?: AbortSignal) =>
  readJson<StreetCollection>(api.get('/api/streets', withDistrict(district), signal));

export const gridCells = (bbox: Bbox, range: TimeRange, district: string | null, signal?: AbortSignal) =>
  readJson<GridCellCollection>(api.get('/api/grid-cells', { bbox: bboxParam(bbox), ...rangeToInstants(range), ...withDistrict(district) }, signal));

export const institutions = (bbox: Bbox, district: string | null, signal?: AbortSignal): Promise<PagedFeatures<InstitutionCollection['features'][number]['geometry'], InstitutionCollection['features'][number]['properties']>> =>
  readPages(
    (cursor) =>
      readJson<InstitutionCollection>(
        api.get('/api/institutions', { bbox: bboxParam(bbox), limit: String(PAGE_LIMIT), ...withDistrict(district), ...(cursor ? { cursor } : ({} as Record<string, string>)) }, signal),
      ),
    MAX_INSTITUTION_PAGES,
  );

export const clues = (bbox: Bbox, range: TimeRange, district: string | null, signal?: AbortSignal): Promise<PagedFeatures<ClueCollection['features'][number]['geometry'], ClueCollection['features'][number]['properties']>> =>
  readPages(
    (cursor) =>
      readJson<ClueCollection>(
        api.get(
          '/api/clues',
          { bbox: bboxParam(bbox), ...rangeToInstants(range), limit: String(PAGE_LIMIT), ...withDistrict(district), ...(cursor ? { cursor } : ({} as Record<string, string>)) },
          signal,
        ),
      ),
    MAX_CLUE_PAGES,
  );

export const summary = (range: TimeRange, district: string | null, signal?: AbortSignal) =>
  readJson<Summary>(api.get('/api/summary', { ...rangeToInstants(range), ...withDistrict(district) }, signal));

export const institution = (id: number, signal?: AbortSignal) => readJson<InstitutionDetail>(api.get(`/api/institutions/${id}`, {}, signal));

export const clue = (id: number, signal?: AbortSignal) => readJson<ClueDetail>(api.get(`/api/clues/${id}`, {}, signal));

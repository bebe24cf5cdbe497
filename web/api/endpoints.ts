import type {
  ClueDetail,
  DistrictCollection,
  GridCellCollection,
  InstitutionDetail,
  Me,
  StreetCollection,
  Summary,
} from '../../server/contract/index.js';
import type { TimeRange } from '../state/dashboard.js';
import { rangeToInstants } from '../state/dates.js';
import { bboxParam, type Bbox } from '../state/selectors.js';
import { client, withSignal } from './client.js';
import { readJson } from './transport.js';

const optionalDistrict = (district: string | null) => district ?? undefined;

export const login = (username: string, password: string) =>
  readJson<Me>(client.api.auth.login.$post({ json: { username, password } }), { notifyUnauthenticated: false });

export const logout = () => readJson<{ ok: true }>(client.api.auth.logout.$post(), { notifyUnauthenticated: false });

export const me = (signal?: AbortSignal) => readJson<Me>(client.api.auth.me.$get(undefined, withSignal(signal)), { notifyUnauthenticated: false });

export const districts = (signal?: AbortSignal) => readJson<DistrictCollection>(client.api.districts.$get(undefined, withSignal(signal)));

export const streets = (district: string | null, signal?: AbortSignal) =>
  readJson<StreetCollection>(client.api.streets.$get({ query: { district: optionalDistrict(district) } }, withSignal(signal)));

export const gridCells = (bbox: Bbox, range: TimeRange, district: string | null, signal?: AbortSignal) =>
  readJson<GridCellCollection>(
    client.api['grid-cells'].$get({ query: { bbox: bboxParam(bbox), ...rangeToInstants(range), district: optionalDistrict(district) } }, withSignal(signal)),
  );

export const summary = (range: TimeRange, district: string | null, signal?: AbortSignal) =>
  readJson<Summary>(client.api.summary.$get({ query: { ...rangeToInstants(range), district: optionalDistrict(district) } }, withSignal(signal)));

export const institution = (id: number, signal?: AbortSignal) =>
  readJson<InstitutionDetail>(client.api.institutions[':id'].$get({ param: { id: String(id) } }, withSignal(signal)));

export const clue = (id: number, signal?: AbortSignal) => readJson<ClueDetail>(client.api.clues[':id'].$get({ param: { id: String(id) } }, withSignal(signal)));

// 黑白名单 (一月一公布): the administrator's preview and publication, the desk's reads, and the public page's reads
// without a login. JSON through the typed client; the CSV is a link (its path).
import { useState } from 'react';
import type { ListPublicationBody, ListPublicationList, PublicListMonths, PublicLists, PublishListsRequest } from '../../server/contract/list-publications.js';
import { client, withSignal } from './client.js';
import { ApiError } from './errors.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

export const publicListsCsvPath = (month: string) => `/api/public/lists/${month}.csv`;
export const publicListsPagePath = (month: string) => `/lists/${month}`;

export const previewOrPublishLists = (body: PublishListsRequest) => readJson<ListPublicationBody>(client.api.lists.publications.$post({ json: body }));

const listPublications = (signal?: AbortSignal) => readJson<ListPublicationList>(client.api.lists.publications.$get({}, withSignal(signal)));

const publicListMonths = (signal?: AbortSignal) => readJson<PublicListMonths>(client.api.public.lists.$get({}, withSignal(signal)));

/** A month's published lists, or null when the month is not published (404). */
async function publicLists(month: string, signal?: AbortSignal): Promise<PublicLists | null> {
  try {
    return await readJson<PublicLists>(client.api.public.lists[':month'].$get({ param: { month } }, withSignal(signal)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

let visits = 0;

export function usePublicListMonths() {
  const [visit] = useState(() => ++visits);
  return useResource(`public-list-months:${visit}`, publicListMonths);
}

export function usePublicLists(month: string | null) {
  const [visit] = useState(() => ++visits);
  return useResource(month === null ? null : `public-lists:${visit}:${month}`, (signal) => publicLists(month!, signal));
}

/** The published versions, read afresh after each publication (`revision`). */
export function useListPublications(revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(`list-publications:${visit}:${revision}`, listPublications);
}

const listPublication = (month: string, signal?: AbortSignal) =>
  readJson<ListPublicationBody>(client.api.lists.publications[':month'].$get({ param: { month } }, withSignal(signal)));

/** A month's latest version as the caller may see it (a district leader: the district's entries). */
export function useListPublication(month: string | null, revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(month === null ? null : `list-publication:${visit}:${month}:${revision}`, (signal) => listPublication(month!, signal));
}

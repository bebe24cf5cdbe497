// The phone page's requests (server/contract/field.ts). The writes are sent by the outbox, which needs the answer's
// status as it is (200/201 done, 4xx kept, 5xx retried), so they are plain fetches that never throw on an HTTP error;
// the day is read through readJson like every other resource.
import type { CheckIn, FieldDay } from '../../server/contract/field.js';
import type { StoredQueueItem } from '../state/field-queue.js';
import { notifyUnauthenticated, readJson } from './transport.js';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** The officer's day (default today). The service worker answers it from its cache when the network is cut. */
export const fieldToday = (signal?: AbortSignal) => readJson<FieldDay>(fetch('/api/field/today', { credentials: 'same-origin', signal }));

export const teamCheckIns = (campaignId: number, teamId: string, signal?: AbortSignal) =>
  readJson<CheckIn[]>(fetch(`/api/field/check-ins?${new URLSearchParams({ campaignId: String(campaignId), teamId })}`, { credentials: 'same-origin', signal }));

/** Where a stored photo's thumbnail is (an <img> source; immutable, so the browser keeps it). */
export const photoThumbnailUrl = (sha256: string) => `/api/field/photos/${sha256}/thumbnail`;

function requestOf(item: StoredQueueItem): [string, RequestInit] {
  switch (item.kind) {
    case 'photo':
      return ['/api/field/photos', { method: 'POST', headers: { 'Content-Type': item.mediaType }, body: item.blob }];
    case 'arrival':
      return ['/api/field/arrivals', json(item.body)];
    case 'checkIn':
      return ['/api/field/check-ins', json(item.body)];
    case 'cosign':
      return [`/api/field/check-ins/${item.checkInId}/cosign`, json(item.body)];
  }
}

/** Sends one queued write; no answer is status 0. The body is the parsed JSON, or null. */
export async function sendQueued(item: StoredQueueItem): Promise<{ status: number; body: unknown }> {
  const [path, init] = requestOf(item);
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    return { status: 0, body: { error: { code: 'network', message: error instanceof Error ? error.message : String(error) } } };
  }
  // A session that ended is no reason to give up a write: the officer signs in again and the queue goes on.
  if (res.status === 401) notifyUnauthenticated();
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { code: 'bad_response', message: text.slice(0, 200) } };
  }
  return { status: res.status, body };
}

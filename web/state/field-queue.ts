import type { ArrivalRequest, CheckInRequest, CosignRequest } from '../../server/contract/field.js';

// The phone page's outbox (未同步): every write the officer makes, kept in the browser until the server has answered
// it. Pure: the item types, what an answer means, the order of sending and the back-off; the store (IndexedDB) and the
// sender (web/api) are parameters of web/field/outbox.ts.

interface QueuedBase {
  /** Order of queueing (IndexedDB's auto-increment key); absent before the item is stored. */
  seq?: number;
  /** The idempotency key, made when the officer acted and kept across every retry. */
  key: string;
  /** The signed-in user who made it: another user signing in on the same phone does not send it as theirs. */
  userId: number;
  queuedAt: string;
  /** What the list of pending writes calls it (the stop's name). */
  label: string;
  state: 'pending' | 'failed';
  attempts: number;
  /** The last refusal or failure: HTTP status (0 = no answer) and the server's message. */
  error: { status: number; code: string; message: string } | null;
}

export type PhotoMediaType = 'image/jpeg' | 'image/png';

export interface QueuedPhoto extends QueuedBase {
  kind: 'photo';
  sha256: string;
  mediaType: PhotoMediaType;
  blob: Blob;
  /** The idempotency key of the check-in that shows it: that check-in is sent only after this photo is stored. */
  forCheckIn: string;
}

export interface QueuedArrival extends QueuedBase {
  kind: 'arrival';
  body: ArrivalRequest;
}

export interface QueuedCheckIn extends QueuedBase {
  kind: 'checkIn';
  body: CheckInRequest;
}

export interface QueuedCosign extends QueuedBase {
  kind: 'cosign';
  checkInId: number;
  /** The stop it confirms, so that the list and the stop show it before the server has it. */
  campaignId: number;
  teamId: string;
  targetKey: string;
  body: CosignRequest;
}

export type QueueItem = QueuedPhoto | QueuedArrival | QueuedCheckIn | QueuedCosign;
export type StoredQueueItem = QueueItem & { seq: number };

/** What to do with an answer: done (forget the item), failed (keep it, visible, until the officer decides), retry later. */
export type Outcome = 'done' | 'failed' | 'retry';

/**
 * 200 (a replay of what was stored) and 201 are done. A refusal (4xx) will be refused again, so it waits for the
 * officer, except 408 (timeout) and 429 (too many requests), which pass, and 401: the session ended (the page asks to
 * sign in again), not the write was wrong. No answer (0) and 5xx are the network's or the server's trouble: retry.
 */
export function classifyAnswer(status: number): Outcome {
  if (status === 200 || status === 201) return 'done';
  if (status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429) return 'failed';
  return 'retry';
}

/** Items in the order they are sent: by queueing order (the photos of a check-in are queued before it). */
export const sendingOrder = <T extends { seq: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.seq - b.seq);

/**
 * The check-ins that may not go yet: one of their photos is still queued (pending or failed), so the server would not
 * know it. Without the rule a check-in could reach the server before its evidence.
 */
export function heldCheckIns(items: readonly QueueItem[]): Set<string> {
  return new Set(items.filter((i): i is QueuedPhoto => i.kind === 'photo').map((p) => p.forCheckIn));
}

/** Back-off after `failures` retries in a row: 2 s, 4 s, 8 s … at most a minute. */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * The check-in after one of its photos was dropped by the officer (删除 of a refused photo): the photo is left out of
 * it. Safe because a check-in is never sent while one of its photos is queued, so its body was never seen.
 */
export function withoutPhoto(checkIn: QueuedCheckIn, sha256: string): QueuedCheckIn {
  return { ...checkIn, body: { ...checkIn.body, photos: checkIn.body.photos.filter((s) => s !== sha256) } };
}

/** How many writes are not on the server yet (the banner's 未同步 N), and how many of them were refused. */
export function queueCounts(items: readonly QueueItem[]): { unsynced: number; failed: number } {
  return { unsynced: items.length, failed: items.filter((i) => i.state === 'failed').length };
}

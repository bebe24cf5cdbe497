import { FAR_FROM_TARGET_METRES, type CheckIn, type CheckInRequest, type DevicePosition, type FieldAssignment, type FieldStop } from '../../server/contract/field.js';
import { distanceMetres } from '../../server/domain/geodesy.js';
import { shanghaiIsoString } from '../../server/domain/time.js';
import type { QueueItem } from './field-queue.js';

// What the phone page shows of a team-shift: the server's day with the officer's own writes that are not on the
// server yet laid over it, so that a check-in made offline shows as done at once. Pure.

/** 待检查 → 已到达 → 待确认 → 已确认. */
export type StopStatus = 'todo' | 'arrived' | 'pending_cosign' | 'confirmed';
export const stopStatuses: readonly StopStatus[] = ['todo', 'arrived', 'pending_cosign', 'confirmed'];

export interface StopView {
  stop: FieldStop;
  status: StopStatus;
  arrivedAt: string | null;
  /** The check-in the server holds. */
  checkIn: CheckIn | null;
  /** The officer's own check-in still in the outbox (null once the server has it). */
  queuedCheckIn: CheckInRequest | null;
  /** Some write of this stop is still in the outbox. */
  unsynced: boolean;
  /** One of them was refused (it waits for 重试 / 删除). */
  refused: boolean;
  /** Device to target, metres, of the check-in (the server's, else the queued one's); null without a position. */
  distanceMetres: number | null;
  /** 距离过远: the check-in was made more than 200 m from the target, or without a position. */
  far: boolean;
  /** The officer may co-sign it: recorded by another member, waiting for a second signature, none queued yet. */
  cosignable: boolean;
  /** The officer's own co-signature is queued. */
  cosignQueued: boolean;
}

const sameStop = (a: { campaignId: number; teamId: string; targetKey: string }, b: { campaignId: number; teamId: string; targetKey: string }) =>
  a.campaignId === b.campaignId && a.teamId === b.teamId && a.targetKey === b.targetKey;

/** Distance from a device position to a place, metres. */
export const distanceTo = (position: Pick<DevicePosition, 'lon' | 'lat'>, place: [number, number]): number => distanceMetres([position.lon, position.lat], place);

export const isFar = (metres: number | null): boolean => metres === null || metres > FAR_FROM_TARGET_METRES;

export function stopViews(assignment: FieldAssignment, queue: readonly QueueItem[], officerId: number): StopView[] {
  const where = (targetKey: string) => ({ campaignId: assignment.campaignId, teamId: assignment.teamId, targetKey });
  return assignment.stops.map((stop) => {
    const here = where(stop.targetKey);
    const arrival = queue.find((i) => i.kind === 'arrival' && sameStop(i.body, here));
    const queuedCheckIn = queue.find((i) => i.kind === 'checkIn' && sameStop(i.body, here));
    const checkIn = stop.checkIn;
    const photoKeys = queuedCheckIn ? new Set([queuedCheckIn.key]) : new Set<string>();
    const cosign = checkIn ? queue.find((i) => i.kind === 'cosign' && i.checkInId === checkIn.id) : undefined;
    const own = queue.filter(
      (i) => i === arrival || i === queuedCheckIn || i === cosign || (i.kind === 'photo' && photoKeys.has(i.forCheckIn)),
    );
    const pendingBody = queuedCheckIn?.kind === 'checkIn' && !checkIn ? queuedCheckIn.body : null;
    const distance = checkIn ? checkIn.distanceMetres : pendingBody?.position ? distanceTo(pendingBody.position, stop.location) : null;
    const status: StopStatus = checkIn
      ? checkIn.status === 'confirmed' || cosign
        ? 'confirmed'
        : 'pending_cosign'
      : pendingBody
        ? 'pending_cosign'
        : stop.arrival || arrival
          ? 'arrived'
          : 'todo';
    return {
      stop,
      status,
      arrivedAt: stop.arrival?.arrivedAt ?? (arrival?.kind === 'arrival' ? arrival.body.arrivedAt : null),
      checkIn,
      queuedCheckIn: pendingBody,
      unsynced: own.length > 0,
      refused: own.some((i) => i.state === 'failed'),
      distanceMetres: distance,
      far: checkIn ? checkIn.farFromTarget : pendingBody ? isFar(distance) : false,
      cosignable: Boolean(checkIn && checkIn.status === 'pending_cosign' && checkIn.recordedBy.officerId !== officerId && !cosign),
      cosignQueued: Boolean(cosign),
    };
  });
}

/** Counts by status, for the team card's progress line. */
export function statusCounts(views: readonly StopView[]): Record<StopStatus, number> {
  const counts: Record<StopStatus, number> = { todo: 0, arrived: 0, pending_cosign: 0, confirmed: 0 };
  for (const v of views) counts[v.status] += 1;
  return counts;
}

/** The next stop to work on: the first in route order not checked in yet. */
export const nextStop = (views: readonly StopView[]): StopView | null => views.find((v) => v.status === 'todo' || v.status === 'arrived') ?? null;

/** An instant's Shanghai time of day, HH:MM. */
export const clockText = (instant: Date): string => shanghaiIsoString(instant).slice(11, 16);

/** An ISO instant as the phone shows it: HH:MM (Shanghai). */
export const instantClock = (iso: string): string => clockText(new Date(iso));

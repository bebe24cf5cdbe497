// How a writer announces its change: the event goes to the outbox inside the change's own transaction, so it commits
// with the change or not at all; the writer then wakes this process's reader (`notifyLiveEvents`) once it committed.
import { appendLiveEvent } from '../../db/queries/live-events.js';
import type { Queryable } from '../../db/queries/queryable.js';
import { liveEventPayloadSchemas, type LiveEventDraft } from '../contract/events.js';
import type { Deps } from './deps.js';

export type LiveEventDeps = Partial<Pick<Deps, 'liveEvents'>>;

/** Appends one event, its payload checked against its kind's schema (a misfit is a bug of the writer, not input). */
export async function announce(tx: Queryable, at: Date, event: LiveEventDraft & { districtCode: string | null; campaignId: number | null }): Promise<number> {
  const payload = liveEventPayloadSchemas[event.kind].parse(event.payload) as Record<string, unknown>;
  return appendLiveEvent(tx, { kind: event.kind, at, districtCode: event.districtCode, campaignId: event.campaignId, payload });
}

/** After the commit: the streams of this process hear of it now, not at the next poll. */
export function notifyLiveEvents(deps: LiveEventDeps): void {
  deps.liveEvents?.notify();
}

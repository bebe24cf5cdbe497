// The live-event stream of one client (`GET /api/events`): its scope's events from the outbox, resumed after the id
// it last saw, a heartbeat while nothing happens, and an end when its session ends or it falls behind.
import type { LiveEventRow } from '../../db/queries/live-events.js';
import type { UserRow } from '../../db/queries/users.js';
import { sessionTokenHash } from '../auth/session-token.js';
import { liveEventSchema, type LiveEvent } from '../contract/events.js';
import { scopeOf } from './access.js';
import { sessionStillOpen } from './auth.js';
import type { Deps } from './deps.js';
import type { SubscriptionEnd } from './live-event-hub.js';

type StreamDeps = Pick<Deps, 'database' | 'now' | 'sessions' | 'liveEvents'>;

export interface LiveEventSink {
  /** The stream knows where it starts: every event committed from now on will be sent. */
  open(): Promise<void>;
  event(event: LiveEvent): Promise<void>;
  /** The heartbeat: a comment line for proxies and an event pages can see; the next is due in `intervalMs`. */
  heartbeat(intervalMs: number): Promise<void>;
  /** The last message before the server closes the stream, saying why. */
  end(reason: SubscriptionEnd): Promise<void>;
}

/**
 * An outbox row as the contract sends it. A row that does not fit its kind's schema is a writer's bug: it is logged and
 * sent as stored, because one bad row must not end every stream that meets it.
 */
export function toLiveEvent(row: LiveEventRow): LiveEvent {
  const parsed = liveEventSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  console.error(`live events: event ${row.id} (${row.kind}) does not fit its schema`, parsed.error.issues);
  return row as unknown as LiveEvent;
}

/**
 * Sends `user`'s events after `afterId` (null: only new ones) to `sink` until the client leaves (`aborted`), the
 * session ends (logout here at once; logout elsewhere or expiry at the next heartbeat) or the client falls behind.
 */
export async function followLiveEvents(
  deps: StreamDeps,
  user: UserRow,
  token: string,
  afterId: number | null,
  sink: LiveEventSink,
  aborted: Promise<void>,
): Promise<void> {
  const subscription = deps.liveEvents.subscribe({ scope: scopeOf(user), sessionKey: sessionTokenHash(token), afterId });
  let beatDue = false;
  const heartbeat = setInterval(() => {
    beatDue = true;
    subscription.poke();
  }, deps.liveEvents.heartbeatMs);
  let left = false;
  void aborted.then(() => {
    left = true;
    subscription.end('closed');
  });
  try {
    await subscription.started;
    if (left) return;
    await sink.open();
    for (;;) {
      const next = await subscription.next(deps.liveEvents.heartbeatMs * 2);
      if (left) return;
      if (typeof next === 'object') await sink.event(toLiveEvent(next));
      else if (next !== 'idle') return await sink.end(next);
      if (beatDue) {
        beatDue = false;
        if (!(await sessionStillOpen(deps, token))) return await sink.end('session_ended');
        await sink.heartbeat(deps.liveEvents.heartbeatMs);
      }
    }
  } finally {
    clearInterval(heartbeat);
    subscription.close();
  }
}

import { streamSSE } from 'hono/streaming';
import { sessionCookie } from '../auth/cookie.js';
import { LIVE_EVENTS_HEARTBEAT, LIVE_EVENTS_RETRY_MS, liveEventsRoute, type LiveEventsHeartbeat } from '../contract/events.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { followLiveEvents } from '../services/live-events.js';

export function eventsRouter(deps: Deps) {
  return createRouter().openapi(liveEventsRoute, (c) => {
    const user = c.get('user');
    // The session middleware let the request in, so the cookie is there; the stream re-checks it at each heartbeat.
    const token = sessionCookie(c) ?? '';
    const afterId = c.req.valid('header')['last-event-id'] ?? c.req.valid('query').lastEventId ?? null;
    c.header('X-Accel-Buffering', 'no'); // a proxy in front must not hold the events back
    return streamSSE(c, async (stream) => {
      const aborted = new Promise<void>((resolve) => stream.onAbort(resolve));
      await followLiveEvents(
        deps,
        user,
        token,
        afterId,
        {
          // The retry hint first, with a comment: the client sees the stream open, and an event it causes from now on
          // is sent (a write that commits while the stream is still finding the outbox's end would not be).
          open: async () => void (await stream.write(`retry: ${LIVE_EVENTS_RETRY_MS}\n: connected\n\n`)),
          event: (e) => stream.writeSSE({ id: String(e.id), event: e.kind, data: JSON.stringify(e) }),
          heartbeat: async (intervalMs) => {
            const beat: LiveEventsHeartbeat = { intervalMs };
            await stream.write(`: heartbeat\nevent: ${LIVE_EVENTS_HEARTBEAT}\ndata: ${JSON.stringify(beat)}\n\n`);
          },
          end: (reason) => stream.writeSSE({ event: 'end', data: JSON.stringify({ reason }) }),
        },
        aborted,
      );
    });
  });
}

// The one reader of the live-event outbox in this process: it follows `live_events` by id and fans every committed
// event out to the open streams that may see it. Every commit of an event wakes it (NOTIFY, from any server on the
// database; a writer of this process also wakes it directly); it polls as well, for when the listening connection is down. Each stream has a bounded
// buffer: one that falls that far behind is dropped and resumes from its Last-Event-ID when its client reconnects.
import type { Database } from '../../db/client.js';
import { lastLiveEventId, LIVE_EVENTS_CHANNEL, liveEventsAfter, type LiveEventRow } from '../../db/queries/live-events.js';
import { cityWide, type Scope } from '../../db/queries/queryable.js';

export interface LiveEventHubOptions {
  /** How often the outbox is read when no writer of this process woke the reader. */
  pollMs?: number;
  /** Events read per query. */
  pageSize?: number;
  /** Events a stream may have waiting; beyond it the stream is dropped. */
  bufferLimit?: number;
  /** The comment line that keeps an idle stream (and the proxies on its way) open. */
  heartbeatMs?: number;
  /** Reports a failed read or listening connection (the reader keeps polling); default: the server log. */
  onError?: (error: unknown) => void;
}

/** Why a subscription ended, besides its client leaving. */
export type SubscriptionEnd = 'behind' | 'session_ended' | 'closed';

export interface Subscription {
  /** The next event to send, or why the subscription ended; waits at most `timeoutMs` (then 'idle'). */
  next(timeoutMs: number): Promise<LiveEventRow | SubscriptionEnd | 'idle'>;
  /** Makes a waiting `next` answer 'idle' now (a heartbeat is due). */
  poke(): void;
  /** Resolves once the subscription knows where it starts; `next` then replays from there and follows live events. */
  started: Promise<void>;
  end(reason: SubscriptionEnd): void;
  close(): void;
}

const visibleTo = (scope: Scope, row: LiveEventRow): boolean =>
  scope.districtCode === null || row.districtCode === null || row.districtCode === scope.districtCode;

class Subscriber {
  private queue: LiveEventRow[] = [];
  /**
   * Live events that arrive while the replay runs (null once it is done): queued after it, without the ones it
   * already queued. The replay itself is read a page at a time as the client takes it, so a long one needs no buffer.
   */
  private pending: LiveEventRow[] | null = [];
  private lastQueuedId = Number.POSITIVE_INFINITY;
  private ended: SubscriptionEnd | null = null;
  private signal: (() => void) | null = null;

  constructor(
    readonly scope: Scope,
    readonly sessionKey: string,
    private readonly bufferLimit: number,
    private readonly replayPage: (afterId: number) => Promise<{ rows: LiveEventRow[]; last: boolean }>,
  ) {}

  /** Where the replay starts; until then every offered event waits in `pending`. */
  startAfter(afterId: number): void {
    this.lastQueuedId = afterId;
  }

  /** An event the reader met: queued, or held while the replay runs. */
  offer(row: LiveEventRow): void {
    if (this.ended || !visibleTo(this.scope, row)) return;
    if (this.pending) {
      if (this.pending.length >= this.bufferLimit) this.end('behind');
      else this.pending.push(row);
      return;
    }
    if (this.queue.length >= this.bufferLimit) return this.end('behind');
    this.enqueue(row);
  }

  private enqueue(row: LiveEventRow): void {
    if (row.id <= this.lastQueuedId) return;
    this.queue.push(row);
    this.lastQueuedId = row.id;
    this.signal?.();
  }

  end(reason: SubscriptionEnd): void {
    if (this.ended) return;
    this.ended = reason;
    this.queue = [];
    this.pending = null;
    this.signal?.();
  }

  async next(timeoutMs: number): Promise<LiveEventRow | SubscriptionEnd | 'idle'> {
    while (!this.ended && this.queue.length === 0 && this.pending) {
      const page = await this.replayPage(this.lastQueuedId);
      if (this.ended) break;
      for (const row of page.rows) this.enqueue(row);
      if (page.last) {
        const held = this.pending ?? [];
        this.pending = null;
        for (const row of held) this.enqueue(row);
      }
    }
    if (this.ended) return this.ended;
    const row = this.queue.shift();
    if (row) return row;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      this.signal = resolve;
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    this.signal = null;
    return this.ended ?? this.queue.shift() ?? 'idle';
  }

  /** Makes a waiting `next` answer now. */
  poke(): void {
    this.signal?.();
  }
}

export class LiveEventHub {
  private readonly subscribers = new Set<Subscriber>();
  readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly pageSize: number;
  private readonly bufferLimit: number;
  private readonly onError: (error: unknown) => void;
  /** The reader's loop while anyone listens; `ready` once it knows where the outbox ends. */
  private reader: { ready: Promise<void> } | null = null;
  private cursor = 0;
  private woken = false;
  private wakeReader: (() => void) | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private readonly database: Database,
    options: LiveEventHubOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1_000;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.pageSize = options.pageSize ?? 500;
    this.bufferLimit = options.bufferLimit ?? 1_000;
    this.onError = options.onError ?? ((error) => console.error('live events:', error));
  }

  /** Open streams (the health of the stream, and tests). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** A writer committed an event: read the outbox now rather than at the next poll. */
  notify(): void {
    this.woken = true;
    this.wakeReader?.();
  }

  /** Ends every stream of a session (logout in this process; another process's logout is seen by the streams' own checks). */
  endSession(sessionKey: string): void {
    for (const s of this.subscribers) if (s.sessionKey === sessionKey) s.end('session_ended');
  }

  /**
   * A stream of the events after `afterId` (null: after the newest) that `scope` may see: first the replay of what the
   * outbox holds, then what the reader meets, with no event twice and none skipped.
   */
  subscribe(p: { scope: Scope; sessionKey: string; afterId: number | null }): Subscription {
    // Registered before anything is read: every event the reader meets from here on reaches this subscriber (held
    // until its replay is queued), and every event it met before is committed and so in the replay.
    const subscriber = new Subscriber(p.scope, p.sessionKey, this.bufferLimit, async (afterId) => {
      const rows = await liveEventsAfter(this.database, { afterId, scope: p.scope, limit: this.pageSize });
      return { rows, last: rows.length < this.pageSize };
    });
    this.subscribers.add(subscriber);
    const ready = this.startReader();
    const start = async (): Promise<void> => {
      const newest = await lastLiveEventId(this.database);
      // An id beyond the outbox (a client of a database since rebuilt) would wait forever: start at the newest.
      subscriber.startAfter(p.afterId === null || p.afterId > newest ? newest : p.afterId);
      // The replay (read by `next`) starts once the reader runs: what it met before is committed, so replayed.
      await ready;
    };
    const started = start();
    started.catch(() => subscriber.end('closed'));
    return {
      started,
      next: (timeoutMs) => subscriber.next(timeoutMs),
      poke: () => subscriber.poke(),
      end: (reason) => subscriber.end(reason),
      close: () => {
        subscriber.end('closed');
        this.subscribers.delete(subscriber);
      },
    };
  }

  /** Runs `task` every `everyMs` and once now, until `stop`; a failure is reported and the next run tried. */
  every(everyMs: number, task: () => Promise<unknown>): void {
    const run = () => void task().catch(this.onError);
    run();
    const timer = setInterval(run, everyMs);
    timer.unref?.();
    this.timers.push(timer);
  }

  /** Ends the periodic tasks and every stream (the server is shutting down). */
  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const s of this.subscribers) s.end('closed');
    this.subscribers.clear();
    this.wakeReader?.(); // it ends, and stops listening, now rather than at its next poll
  }

  private startReader(): Promise<void> {
    if (this.reader) return this.reader.ready;
    let resolveReady: () => void = () => {};
    const reader = { ready: new Promise<void>((resolve) => (resolveReady = resolve)) };
    this.reader = reader;
    void this.readLoop(resolveReady).finally(() => {
      if (this.reader === reader) this.reader = null;
    });
    return reader.ready;
  }

  private async readLoop(ready: () => void): Promise<void> {
    const unlisten = this.listenForCommits();
    try {
      this.cursor = await lastLiveEventId(this.database);
    } catch (error) {
      this.onError(error);
    }
    ready();
    try {
      while (this.subscribers.size > 0) {
        try {
          await this.drain();
        } catch (error) {
          this.onError(error);
        }
        await this.sleep();
        if (this.subscribers.size === 0) break;
      }
    } finally {
      // The reader is gone before the unlisten's round trip: a subscriber arriving meanwhile starts a new one
      // instead of waiting on this one's ready.
      this.reader = null;
      await (await unlisten)?.();
    }
  }

  /**
   * Every server's commit of an event wakes the reader (NOTIFY), not only this process's writers; the poll stays as
   * the fallback while the listening connection is down. On (re)listening the reader reads at once: what was
   * committed while it could not hear.
   */
  private async listenForCommits(): Promise<(() => Promise<void>) | null> {
    try {
      return await this.database.listen(LIVE_EVENTS_CHANNEL, {
        onNotify: () => this.notify(),
        onListening: () => this.notify(),
        onError: (error) => this.onError(new Error('the connection listening for committed events failed; it reconnects', { cause: error })),
      });
    } catch (error) {
      this.onError(error);
      return null;
    }
  }

  /** Reads everything after the cursor, page by page, and offers each event to every stream. */
  private async drain(): Promise<void> {
    this.woken = false;
    for (;;) {
      const page = await liveEventsAfter(this.database, { afterId: this.cursor, scope: cityWide, limit: this.pageSize });
      for (const row of page) {
        for (const s of this.subscribers) s.offer(row);
        this.cursor = row.id;
      }
      if (page.length < this.pageSize) return;
    }
  }

  private async sleep(): Promise<void> {
    if (this.woken) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      this.wakeReader = resolve;
      timer = setTimeout(resolve, this.pollMs);
    });
    clearTimeout(timer);
    this.wakeReader = null;
  }
}

import {
  classifyAnswer,
  heldCheckIns,
  retryDelayMs,
  sendingOrder,
  withoutPhoto,
  type QueueItem,
  type QueuedCheckIn,
  type StoredQueueItem,
} from '../state/field-queue.js';

// The outbox's sync loop: sends the queued writes in order, forgets those the server stored, keeps the refused ones
// visible, and tries again later when the network or the server failed. The store and the sender are parameters, so the
// same loop runs on IndexedDB in the browser and on fake-indexeddb in the tests.

export interface OutboxStore {
  all(): Promise<StoredQueueItem[]>;
  /** Adds items in one transaction, in the order given (a check-in's photos before it). */
  addAll(items: readonly QueueItem[]): Promise<void>;
  put(item: StoredQueueItem): Promise<void>;
  remove(seq: number): Promise<void>;
}

export interface Answer {
  /** HTTP status; 0 when no answer came (offline, connection dropped). */
  status: number;
  body: unknown;
}

export type Sender = (item: StoredQueueItem) => Promise<Answer>;

export interface SyncResult {
  done: StoredQueueItem[];
  failed: StoredQueueItem[];
  /** The loop stopped at an item that must be retried later (the rest waits behind it, in order). */
  retryAt: StoredQueueItem | null;
}

const errorOf = (answer: Answer): NonNullable<QueueItem['error']> => {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    status: answer.status,
    code: typeof error?.code === 'string' ? error.code : answer.status === 0 ? 'network' : 'http',
    message: typeof error?.message === 'string' ? error.message : answer.status === 0 ? 'no answer' : `HTTP ${answer.status}`,
  };
};

/**
 * One pass over the user's queue. A refused item stays (failed) and the pass goes on, but a check-in whose photo is
 * still queued waits; a retry outcome ends the pass so that nothing overtakes the item in front.
 */
export async function syncOnce(store: OutboxStore, send: Sender, userId: number, onDone?: (item: StoredQueueItem, body: unknown) => void): Promise<SyncResult> {
  const result: SyncResult = { done: [], failed: [], retryAt: null };
  const items = sendingOrder((await store.all()).filter((i) => i.userId === userId));
  const remaining = new Map(items.map((i) => [i.seq, i]));
  for (const item of items) {
    if (item.state === 'failed') continue;
    if (item.kind === 'checkIn' && heldCheckIns([...remaining.values()]).has(item.key)) continue;
    let answer: Answer;
    try {
      answer = await send(item);
    } catch (error) {
      answer = { status: 0, body: { error: { code: 'network', message: error instanceof Error ? error.message : String(error) } } };
    }
    const outcome = classifyAnswer(answer.status);
    if (outcome === 'done') {
      await store.remove(item.seq);
      remaining.delete(item.seq);
      result.done.push(item);
      onDone?.(item, answer.body);
    } else if (outcome === 'failed') {
      const failed = { ...item, state: 'failed' as const, attempts: item.attempts + 1, error: errorOf(answer) };
      await store.put(failed);
      remaining.set(item.seq, failed);
      result.failed.push(failed);
    } else {
      const retry = { ...item, attempts: item.attempts + 1, error: errorOf(answer) };
      await store.put(retry);
      result.retryAt = retry;
      return result;
    }
  }
  return result;
}

/** 重试 of a refused item: it goes back into the queue as pending (same key, same body). */
export async function retryItem(store: OutboxStore, seq: number): Promise<void> {
  const item = (await store.all()).find((i) => i.seq === seq);
  if (item) await store.put({ ...item, state: 'pending', error: null });
}

/**
 * 删除 of an item the officer gives up on. A dropped photo is left out of its check-in; a dropped check-in takes its
 * queued photos with it (nothing would show them).
 */
export async function dropItem(store: OutboxStore, seq: number): Promise<void> {
  const items = await store.all();
  const item = items.find((i) => i.seq === seq);
  if (!item) return;
  await store.remove(seq);
  if (item.kind === 'photo') {
    const checkIn = items.find((i): i is QueuedCheckIn & { seq: number } => i.kind === 'checkIn' && i.key === item.forCheckIn);
    if (checkIn) await store.put({ ...withoutPhoto(checkIn, item.sha256), seq: checkIn.seq });
  }
  if (item.kind === 'checkIn') {
    for (const photo of items) if (photo.kind === 'photo' && photo.forCheckIn === item.key) await store.remove(photo.seq);
  }
}

export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface OutboxLoop {
  /** Sync now (an `online` event, a new write, the page opening); a pass under way is followed by one more. */
  kick: () => void;
  /** The pass under way, if any (tests wait for it). */
  idle: () => Promise<void>;
  stop: () => void;
}

/**
 * Runs `pass` when kicked, one pass at a time, and again after a back-off while the last pass asked for a retry. The
 * back-off grows with the retries in a row and starts again after a pass that got through.
 */
export function outboxLoop(pass: () => Promise<SyncResult>, timers: Timers, onPass?: (result: SyncResult | Error) => void): OutboxLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: unknown = null;
  let stopped = false;

  const schedule = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      kick();
    }, retryDelayMs(failures));
  };

  const run = async () => {
    do {
      again = false;
      try {
        const result = await pass();
        failures = result.retryAt ? failures + 1 : 0;
        onPass?.(result);
      } catch (error) {
        failures += 1;
        onPass?.(error instanceof Error ? error : new Error(String(error)));
      }
    } while (again && !stopped);
    running = null;
    if (failures > 0 && !stopped) schedule();
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run();
  };

  return {
    kick,
    idle: async () => {
      while (running) await running;
    },
    stop: () => {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
    },
  };
}

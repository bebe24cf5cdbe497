import { useCallback, useEffect, useRef, useState } from 'react';
import { sendQueued } from '../api/field.js';
import type { QueueItem, StoredQueueItem } from '../state/field-queue.js';
import { dropItem, outboxLoop, retryItem, syncOnce, type OutboxLoop, type OutboxStore } from './outbox.js';
import { closeFieldDb, idbOutboxStore, openFieldDb, type FieldDatabase } from './store.js';

// The outbox as the page uses it: the queued items (for the banner, the list and the stops), queueing, 重试 / 删除, and
// the sync loop, kicked when the page opens, when the browser says it is online again, and after each new write; the
// loop's back-off retries in between.

export interface Outbox {
  db: FieldDatabase | null;
  items: StoredQueueItem[];
  /** Queues writes in one transaction (a check-in's photos first) and sends them when it can. */
  enqueue: (items: QueueItem[]) => Promise<void>;
  retry: (seq: number) => Promise<void>;
  drop: (seq: number) => Promise<void>;
  syncing: boolean;
  /** Bumps whenever a write reached the server, so the day is read again. */
  delivered: number;
  /** Opening IndexedDB failed (private mode of some browsers): writes cannot be kept offline. */
  unavailable: boolean;
}

const browserTimers = {
  setTimeout: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
};

export function useOutbox(userId: number): Outbox {
  const [db, setDb] = useState<FieldDatabase | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [items, setItems] = useState<StoredQueueItem[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [delivered, setDelivered] = useState(0);
  const storeRef = useRef<OutboxStore | null>(null);
  const loopRef = useRef<OutboxLoop | null>(null);

  useEffect(() => {
    let closed = false;
    let opened: FieldDatabase | null = null;
    openFieldDb().then(
      (database) => {
        if (closed) return closeFieldDb(database);
        opened = database;
        const store = idbOutboxStore(database);
        storeRef.current = store;
        const refresh = async () => setItems((await store.all()).filter((i) => i.userId === userId));
        const loop = outboxLoop(
          async () => {
            setSyncing(true);
            try {
              return await syncOnce(store, sendQueued, userId);
            } finally {
              setSyncing(false);
            }
          },
          browserTimers,
          (result) => {
            void refresh();
            if (!(result instanceof Error) && result.done.length > 0) setDelivered((n) => n + 1);
          },
        );
        loopRef.current = loop;
        setDb(database);
        void refresh();
        loop.kick();
      },
      () => !closed && setUnavailable(true),
    );
    const online = () => loopRef.current?.kick();
    window.addEventListener('online', online);
    return () => {
      closed = true;
      window.removeEventListener('online', online);
      loopRef.current?.stop();
      loopRef.current = null;
      storeRef.current = null;
      if (opened) closeFieldDb(opened);
    };
  }, [userId]);

  const reload = useCallback(async () => {
    const store = storeRef.current;
    if (store) setItems((await store.all()).filter((i) => i.userId === userId));
  }, [userId]);

  const enqueue = useCallback(
    async (queued: QueueItem[]) => {
      const store = storeRef.current;
      if (!store) throw new Error('the outbox is not open');
      await store.addAll(queued);
      await reload();
      loopRef.current?.kick();
    },
    [reload],
  );
  const retry = useCallback(
    async (seq: number) => {
      if (!storeRef.current) return;
      await retryItem(storeRef.current, seq);
      await reload();
      loopRef.current?.kick();
    },
    [reload],
  );
  const drop = useCallback(
    async (seq: number) => {
      if (!storeRef.current) return;
      await dropItem(storeRef.current, seq);
      await reload();
      loopRef.current?.kick();
    },
    [reload],
  );
  return { db, items, enqueue, retry, drop, syncing, delivered, unavailable };
}

/** navigator.onLine and its events: a hint (a connected phone may still reach no server), used for the 离线 banner. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

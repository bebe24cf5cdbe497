import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldDay } from '../../server/contract/field.js';
import type { QueueItem, StoredQueueItem } from '../state/field-queue.js';
import type { OutboxStore } from './outbox.js';

// The phone page's IndexedDB: the outbox of writes not yet on the server, and the last day the server sent, so that
// the page shows the team's tasks (and what was done on it offline) with the network cut.

interface FieldDb extends DBSchema {
  outbox: { key: number; value: StoredQueueItem };
  days: { key: string; value: { key: string; savedAt: string; day: FieldDay } };
}

export const FIELD_DB_NAME = 'jointops-field';
export type FieldDatabase = IDBPDatabase<FieldDb>;

export function openFieldDb(name = FIELD_DB_NAME): Promise<FieldDatabase> {
  return openDB<FieldDb>(name, 1, {
    upgrade(db) {
      // Auto-increment keys are the queueing order, which is the sending order.
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore('days', { keyPath: 'key' });
    },
  });
}

/** Closes the database (a test's teardown, a page leaving). */
export const closeFieldDb = (db: FieldDatabase): void => db.close();

export function idbOutboxStore(db: FieldDatabase): OutboxStore {
  return {
    all: () => db.getAll('outbox'),
    async addAll(items: readonly QueueItem[]) {
      const tx = db.transaction('outbox', 'readwrite');
      // Added one after another in one transaction: their keys follow the order given, and either all are queued or none.
      for (const item of items) {
        const { seq: _seq, ...rest } = item;
        await tx.store.add(rest as StoredQueueItem);
      }
      await tx.done;
    },
    put: async (item) => {
      await db.put('outbox', item);
    },
    remove: (seq) => db.delete('outbox', seq),
  };
}

const dayKey = (userId: number) => `user:${userId}`;

/** Keeps the day the server sent (one per user: the phone shows the last one it saw). */
export async function saveDay(db: FieldDatabase, userId: number, day: FieldDay, savedAt: string): Promise<void> {
  await db.put('days', { key: dayKey(userId), savedAt, day });
}

export async function loadDay(db: FieldDatabase, userId: number): Promise<{ day: FieldDay; savedAt: string } | null> {
  const row = await db.get('days', dayKey(userId));
  return row ? { day: row.day, savedAt: row.savedAt } : null;
}

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, parsedRows, type Queryable } from './queryable.js';

/**
 * A token that changes whenever the data the map and the analyses read may have changed. Every write goes into the
 * audit log in its own transaction (server/services/audit.ts), the demo build and imports included, so the newest
 * entry that is not a sign-in or sign-out names the data's state, across processes too. The hash is part of the
 * token because a rebuilt database starts its ids again.
 */
export async function dataVersion(q: Queryable): Promise<string> {
  const [head] = await parsedRows(q, z.object({ id: col.int, hash: z.string() }), sql`
    SELECT id, hash FROM audit_log WHERE entity <> 'session' ORDER BY id DESC LIMIT 1`);
  return head ? `${head.id}:${head.hash.slice(0, 16)}` : 'empty';
}

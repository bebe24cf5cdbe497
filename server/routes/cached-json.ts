import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { jsonText } from '../http/router.js';
import type { UserRow } from '../../db/queries/users.js';
import type { Deps } from '../services/deps.js';
import { cachedAnswer } from '../services/response-cache.js';

/**
 * Sends a read endpoint's answer from the response cache (server/services/response-cache.ts), computing it on a
 * miss. `Server-Timing: cache;desc=hit|miss` says which, to the browser's network panel and to the benchmarks.
 */
export async function cachedJson<S extends z.ZodType, Q>(
  c: Context<AppEnv>,
  deps: Deps,
  schema: S,
  endpoint: string,
  query: Q,
  compute: (user: UserRow, query: Q) => Promise<string>,
) {
  const user = c.get('user');
  const { body, hit } = await cachedAnswer(deps, user, endpoint, query, () => compute(user, query));
  return jsonText(c, schema, body, { 'Server-Timing': `cache;desc=${hit ? 'hit' : 'miss'}` });
}

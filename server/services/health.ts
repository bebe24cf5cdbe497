import type { Health } from '../contract/health.js';
import { postgisVersion } from '../../db/queries/health.js';
import type { Deps } from './deps.js';

/** A database that has not answered within this time counts as unavailable. */
export const HEALTH_TIMEOUT_MS = 3000;

/** Asks the database (and PostGIS) for a version; `ok` is false when it fails or takes too long. */
export async function health(deps: Pick<Deps, 'database'>, version: string, elapsedMs: () => number): Promise<Health> {
  const started = elapsedMs();
  const base = { engine: deps.database.engine, version };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    const postgis = await Promise.race([postgisVersion(deps.database), timeout]);
    return { ...base, status: 'ok', db: { ok: true, message: `PostGIS ${postgis}`, latencyMs: Math.round((elapsedMs() - started) * 10) / 10 } };
  } catch (error) {
    console.error('health check: the database did not answer:', error instanceof Error ? error.message : error);
    return { ...base, status: 'unavailable', db: { ok: false, message: 'database unavailable' } };
  } finally {
    clearTimeout(timer);
  }
}

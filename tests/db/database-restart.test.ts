import { describe, expect, test } from 'vitest';
import { execSync } from 'node:child_process';
import { createApp } from '../../server/app.js';
import { createDb, resetDatabase } from '../../db/client.js';
import { monotonicClock } from '../../server/domain/clock.js';
import { loginCookie } from '../support/api.js';
import { dropScratchDatabase, scratchDatabaseUrl, seedTestData, testAsOf } from '../support/db.js';

// The PostgreSQL server is stopped and started again under a running app: while it is down every request is a 503
// with Retry-After (not a 500, not a hang) and /api/health says so; once it is back the app answers again by itself.
// The commands come from the environment (.ci/start-postgres.sh prints them), because stopping a server takes the
// rights of its owner.
const stop = process.env.JOINTOPS_TEST_PG_STOP;
const start = process.env.JOINTOPS_TEST_PG_START;
const databaseUrl = process.env.DATABASE_URL || undefined;
const SCRATCH = 'restart';
const skipReason = !databaseUrl
  ? 'the embedded database lives inside the server process and cannot go down under it'
  : !stop || !start
    ? 'JOINTOPS_TEST_PG_STOP / JOINTOPS_TEST_PG_START are not set (see .ci/start-postgres.sh)'
    : null;

describe.skipIf(skipReason !== null)(`a database restart under a running app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  test('503 with Retry-After while PostgreSQL is down, then back by itself within seconds', async () => {
    const database = await createDb({ databaseUrl: await scratchDatabaseUrl(SCRATCH) });
    await resetDatabase(database);
    await seedTestData(database);
    const app = createApp({ database, now: () => testAsOf });
    const cookie = await loginCookie(app, 'admin');
    try {
      expect((await app.request('/api/health')).status).toBe(200);

      execSync(stop!, { stdio: 'ignore' });
      const health = await app.request('/api/health');
      expect(health.status).toBe(503);
      expect(((await health.json()) as { db: { ok: boolean } }).db.ok).toBe(false);
      const down = await app.request('/api/districts', { headers: { Cookie: cookie } });
      expect(down.status).toBe(503);
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe('unavailable');

      execSync(start!, { stdio: 'ignore' });
      const restarted = monotonicClock();
      let recoveredMs = Number.POSITIVE_INFINITY;
      while (monotonicClock() - restarted < 30_000) {
        if ((await app.request('/api/health')).status === 200) {
          recoveredMs = monotonicClock() - restarted;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      console.log(`database restart: the app answered again ${Math.round(recoveredMs)} ms after PostgreSQL was up`);
      expect(recoveredMs).toBeLessThan(30_000);
      // The session survived (it is in the database), and the data is all there.
      const back = await app.request('/api/districts', { headers: { Cookie: cookie } });
      expect(back.status).toBe(200);
      expect(((await back.json()) as { features: unknown[] }).features).toHaveLength(16);
    } finally {
      try {
        execSync(start!, { stdio: 'ignore' });
      } catch {
        // already running: the normal case
      }
      await app.deps.routing.close();
      await database.close();
      await dropScratchDatabase(SCRATCH);
    }
  }, 120_000);
});

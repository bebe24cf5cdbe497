import type { Database } from '../../db/client.js';
import type { LoginRateLimiter } from '../auth/rate-limit.js';
import type { SessionCache } from '../auth/session-cache.js';
import type { Clock } from '../domain/clock.js';
import type { CalendarCache } from './calendar.js';
import type { CellWeightsCache } from './cell-weights.js';
import type { ResponseCache } from './response-cache.js';
import type { RoutingJobResult } from '../contract/routing.js';
import type { RoutingEngine } from './routing-engine.js';
import type { CampaignPlanJobs } from './campaign-plan-jobs.js';
import type { PhotoStore } from '../photos/store.js';
import type { LiveEventHub } from './live-event-hub.js';
import type { TileService } from './tiles.js';

/**
 * What every service is given: the database and the clock, and the few pieces of state that live as long as the
 * process (caches, the solver's worker pool, the login limiter). Services take them as a parameter, never import them.
 */
export interface Deps {
  database: Database;
  now: Clock;
  sessions: SessionCache;
  loginLimiter: LoginRateLimiter;
  cellWeights: CellWeightsCache;
  responses: ResponseCache;
  routing: RoutingEngine<RoutingJobResult>;
  /** Campaign planning jobs (their solves run on `routing`'s workers). */
  campaignPlanJobs: CampaignPlanJobs;
  /** The national calendar with the entered holiday schedules, and the school vacations, until a write. */
  calendar: CalendarCache;
  /** The content-addressed store of the field officers' photos (PHOTO_DIR, default DATA_DIR/photos). */
  photos: PhotoStore;
  /** The one reader of the live-event outbox, fanning events out to the open `/api/events` streams. */
  liveEvents: LiveEventHub;
  /** Unpredictable bytes for secrets such as tracking codes: node:crypto's CSPRNG; tests inject a fixed source. */
  randomBytes: (length: number) => Uint8Array;
  /** The vector tiles' engine path, cache and per-layer data versions. */
  tiles: TileService;
}

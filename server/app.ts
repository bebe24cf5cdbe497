import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import packageJson from '../package.json' with { type: 'json' };
import type { Database } from '../db/client.js';
import type { RoutingJobResult } from './contract/routing.js';
import { LoginRateLimiter } from './auth/rate-limit.js';
import { SessionCache } from './auth/session-cache.js';
import { systemClock, type Clock } from './domain/clock.js';
import type { AppEnv } from './http/env.js';
import { openApiInfo, openApiPath, registerSecurityScheme } from './http/openapi.js';
import type { JobLimits } from './jobs/job-registry.js';
import { errorHandler, notFoundHandler, validationHook } from './middleware/errors.js';
import { limitBody } from './middleware/limits.js';
import { withRequestId } from './middleware/request-id.js';
import { requireSameOrigin } from './middleware/same-origin.js';
import { securityHeaders } from './middleware/security-headers.js';
import { limitPublicRequests } from './middleware/public-rate.js';
import { publicApiPrefix, requireSession } from './middleware/session.js';
import { wallRouter } from './routes/wall.js';
import { reviewRouter } from './routes/review.js';
import { analysisRouter } from './routes/analysis.js';
import { auditRouter } from './routes/audit.js';
import { calendarRouter } from './routes/calendar.js';
import { authRouter } from './routes/auth.js';
import { campaignsRouter } from './routes/campaigns.js';
import { clueLoopRouter } from './routes/clue-loop.js';
import { cluesRouter } from './routes/clues.js';
import { districtsRouter } from './routes/districts.js';
import { gridCellsRouter } from './routes/grid-cells.js';
import { healthRouter } from './routes/health.js';
import { institutionsRouter } from './routes/institutions.js';
import { routingRouter } from './routes/routing.js';
import { serveWebApp } from './routes/static-web.js';
import { roadsRouter } from './routes/roads.js';
import { streetsRouter } from './routes/streets.js';
import { summaryRouter } from './routes/summary.js';
import { campaignPlansRouter } from './routes/campaign-plans.js';
import { campaignOutputsRouter } from './routes/campaign-outputs.js';
import { exportsRouter } from './routes/exports.js';
import { campaignReportRouter } from './routes/campaign-report.js';
import { publicResultsRouter } from './routes/public-results.js';
import { publicReportsRouter } from './routes/public-reports.js';
import { listPublicationsRouter } from './routes/list-publications.js';
import { photosRouter } from './routes/photos.js';
import { fieldRouter } from './routes/field.js';
import { wallDisplaysRouter } from './routes/wall-displays.js';
import { gisTokensRouter } from './routes/gis-tokens.js';
import { layerImportsRouter } from './routes/layer-imports.js';
import { ogcRouter } from './routes/ogc.js';
import { requireOgcReader } from './middleware/ogc-access.js';
import { tilesRouter } from './routes/tiles.js';
import { TileService } from './services/tiles.js';
import { ResponseCache } from './services/response-cache.js';
import { CalendarCache } from './services/calendar.js';
import { CellWeightsCache } from './services/cell-weights.js';
import type { Deps } from './services/deps.js';
import { RoutingEngine } from './services/routing-engine.js';
import { CampaignPlanJobs } from './services/campaign-plan-jobs.js';
import { PhotoStore } from './photos/store.js';
import { LiveEventHub, type LiveEventHubOptions } from './services/live-event-hub.js';
import { eventsRouter } from './routes/events.js';
import { campaignProgressRouter } from './routes/campaign-progress.js';
import { announceClueEscalations } from './services/clue-desk.js';
import { announceOverdueClues } from './services/clues.js';

export interface AppOptions {
  database: Database;
  /** The clock; tests pin it. */
  now?: Clock;
  /** The built web app (dist/web); omitted = API only. */
  staticDir?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
  /** Routing job limits (tests lower them). */
  jobLimits?: JobLimits;
  /** Login throttling (tests lower it). */
  loginLimiter?: LoginRateLimiter;
  /** Requests per address and minute on the public routes (一公开). */
  publicRequestsPerMinute?: number;
  /** The response cache's budget in bytes; 0 turns it off (the API benchmark's uncached figures). */
  responseCacheBytes?: number;
  /** The vector tile cache's budget in bytes. */
  tileCacheBytes?: number;
  /** The photo store's directory (main.ts: PHOTO_DIR, else DATA_DIR/photos); omitted = ./data/photos. */
  photoDir?: string;
  /** The live-event reader's poll, heartbeat and buffer (tests shorten them). */
  liveEvents?: LiveEventHubOptions;
  /** The source of unpredictable bytes (tracking codes); tests pass a fixed one. */
  randomBytes?: (length: number) => Uint8Array;
}

/** The state that lives as long as the app, handed to every service. */
export function createDeps(options: AppOptions): Deps {
  const now = options.now ?? systemClock;
  return {
    database: options.database,
    now,
    sessions: new SessionCache(),
    loginLimiter: options.loginLimiter ?? new LoginRateLimiter(),
    cellWeights: new CellWeightsCache(),
    responses: new ResponseCache(options.responseCacheBytes),
    routing: new RoutingEngine<RoutingJobResult>({ database: options.database, now, jobLimits: options.jobLimits }),
    calendar: new CalendarCache(),
    campaignPlanJobs: new CampaignPlanJobs(now, options.jobLimits),
    photos: new PhotoStore(options.photoDir ?? 'data/photos'),
    liveEvents: new LiveEventHub(options.database, options.liveEvents),
    randomBytes: options.randomBytes ?? ((length) => randomBytes(length)),
    tiles: new TileService(now, options.tileCacheBytes),
  };
}

/** Public routes, then the session check, then one router per resource; the OGC API; the built web app last. */
export function createApp(options: AppOptions) {
  const deps = createDeps(options);
  const version = packageJson.version;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  app.use('*', withRequestId(), securityHeaders());
  app.use(`${publicApiPrefix}*`, limitPublicRequests(deps.now, options.publicRequestsPerMinute));
  app.use('/api/*', limitBody(options.maxBodyBytes), requireSameOrigin(), requireSession(deps));
  app.use('/ogc', requireOgcReader(deps));
  app.use('/ogc/*', requireOgcReader(deps));
  app.use('/tiles/*', requireSession(deps));
  registerSecurityScheme(app);

  const api = app
    .route('/api', healthRouter(deps, version))
    .route('/api', authRouter(deps))
    .route('/api', districtsRouter(deps))
    .route('/api', streetsRouter(deps))
    .route('/api', roadsRouter(deps))
    .route('/api', gridCellsRouter(deps))
    .route('/api', institutionsRouter(deps))
    .route('/api', clueLoopRouter(deps))
    .route('/api', cluesRouter(deps))
    .route('/api', summaryRouter(deps))
    .route('/api', auditRouter(deps))
    .route('/api', analysisRouter(deps))
    .route('/api', routingRouter(deps))
    .route('/api', campaignsRouter(deps))
    .route('/api', campaignPlansRouter(deps))
    .route('/api', campaignOutputsRouter(deps))
    .route('/api', exportsRouter(deps))
    .route('/api', campaignReportRouter(deps))
    .route('/api', publicResultsRouter(deps))
    .route('/api', publicReportsRouter(deps))
    .route('/api', calendarRouter(deps))
    .route('/api', photosRouter(deps))
    .route('/api', fieldRouter(deps))
    .route('/api', eventsRouter(deps))
    .route('/api', campaignProgressRouter(deps))
    .route('/api', wallRouter(deps))
    .route('/api', wallDisplaysRouter(deps))
    .route('/api', reviewRouter(deps))
    .route('/api', listPublicationsRouter(deps))
    .route('/api', gisTokensRouter(deps))
    .route('/api', layerImportsRouter(deps))
    .route('/tiles', tilesRouter(deps))
    .doc(openApiPath, openApiInfo(version));

  // Outside /api: a GIS client's requests carry a bearer token, not the session and same-origin checks of the web app.
  api.route('/ogc', ogcRouter(deps));
  if (options.staticDir) serveWebApp(api, options.staticDir);
  return Object.assign(api, { deps });
}

/** The work a running server does on its own: the overdue-clue scan, at start and every minute. */
export function startBackgroundTasks(deps: Deps): () => void {
  deps.liveEvents.every(60_000, () => announceOverdueClues(deps));
  deps.liveEvents.every(60_000, () => announceClueEscalations(deps));
  return () => deps.liveEvents.stop();
}

export type AppType = ReturnType<typeof createApp>;

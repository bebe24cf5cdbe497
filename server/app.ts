import { OpenAPIHono } from '@hono/zod-openapi';
import { SessionCache } from './auth/session-cache.js';
import packageJson from '../package.json' with { type: 'json' };
import type { Database } from '../db/client.js';
import type { AppEnv, Deps } from './middleware/env.js';
import { errorHandler, notFoundHandler, validationHook } from './middleware/errors.js';
import { limitBody } from './middleware/limits.js';
import { withRequestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { requireSession } from './middleware/session.js';
import { analysisRouter } from './routes/analysis.js';
import { auditRouter } from './routes/audit.js';
import { authRouter } from './routes/auth.js';
import { cluesRouter } from './routes/clues.js';
import { districtsRouter } from './routes/districts.js';
import { gridCellsRouter } from './routes/grid-cells.js';
import { healthRouter } from './routes/health.js';
import { institutionsRouter } from './routes/institutions.js';
import { routingRouter } from './routes/routing.js';
import { openApiInfo, openApiPath, registerSecurityScheme } from './routes/openapi.js';
import { serveWebApp } from './routes/static-web.js';
import { streetsRouter } from './routes/streets.js';
import { summaryRouter } from './routes/summary.js';

export interface AppOptions {
  database: Database;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** The built web app (dist/web); omitted = API only. */
  staticDir?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

/** Public routes, then the session check, then one router per resource; the built web app last. */
export function createApp(options: AppOptions) {
  const deps: Deps = { database: options.database, now: options.now ?? (() => new Date()), sessions: new SessionCache() };
  const version = packageJson.version;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  app.use('*', withRequestId(), securityHeaders());
  app.use('/api/*', limitBody(options.maxBodyBytes), requireSession(deps, deps.sessions));
  registerSecurityScheme(app);

  const api = app
    .route('/api', healthRouter(deps, version))
    .route('/api', authRouter(deps))
    .route('/api', districtsRouter(deps))
    .route('/api', streetsRouter(deps))
    .route('/api', gridCellsRouter(deps))
    .route('/api', institutionsRouter(deps))
    .route('/api', cluesRouter(deps))
    .route('/api', summaryRouter(deps))
    .route('/api', auditRouter(deps))
    .route('/api', analysisRouter(deps))
    .doc(openApiPath, openApiInfo(version));

  // Mounted outside the typed chain: its client is typed by RoutingAppType, keeping AppType small enough to infer.
  api.route('/api', routingRouter(deps));

  if (options.staticDir) serveWebApp(api, options.staticDir);
  return api;
}

export type AppType = ReturnType<typeof createApp>;
export type RoutingAppType = ReturnType<typeof routingRouter>;

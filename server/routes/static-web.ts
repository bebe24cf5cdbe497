import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';

/** Serves the built web app from `dir`, and index.html for any other non-API GET (client-side routes). */
export function serveWebApp(app: Hono<AppEnv, any, any>, dir: string): void {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (c) => c.text(`The web app is not built: run "npm run build:web" (looked for ${indexFile}).`, 503));
    return;
  }
  // Read once: a rebuilt web app is picked up at the next start.
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use('/*', async (c, next) => (c.req.path.startsWith('/api/') ? next() : serveStatic({ root: dir })(c, next)));
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return c.html(indexHtml);
  });
}

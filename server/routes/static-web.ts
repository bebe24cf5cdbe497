import { existsSync, readFileSync, statSync } from 'node:fs';
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
  // Read again when the file changed: a web app rebuilt in place is served at once on every client-side route, as it is
  // at `/`, so a page that reloads for a new build (the wall) finds the new build's assets.
  let kept = { mtimeMs: -1, html: '' };
  const indexHtml = () => {
    try {
      const mtimeMs = statSync(indexFile).mtimeMs;
      if (mtimeMs !== kept.mtimeMs) kept = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
    } catch {
      // Mid-rebuild (the build empties its folder first): the last good page, until the new one is written.
    }
    return kept.html;
  };
  app.use('/*', async (c, next) => (c.req.path.startsWith('/api/') ? next() : serveStatic({ root: dir })(c, next)));
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml());
  });
}

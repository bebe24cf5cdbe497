import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, screenshotDir, VIEWPORT } from './browser.js';
import { demoDataDir, startServer, type RunningServer } from '../../scripts/browser/server-process.js';

export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a context of its own (zh-CN, Asia/Shanghai, the test viewport), closed when its test ends. */
  newPage(): Promise<Page>;
}

/**
 * One real server and one Chromium for a test file, started before its tests and stopped after them. The server starts
 * on a copy of the run's demo data (built by the first file that needs it, see global-setup.ts), so each file begins
 * with the same data as after a first `npm start`, whatever the files before it wrote.
 */
export function useBrowserSession(): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const startedServer = demoDataDir(inject('demoDataDir')).then((copyDataFrom) => startServer({ copyDataFrom }));
    [server, browser] = await Promise.all([startedServer, launchBrowser()]);
  });

  // A page left open keeps its map drawing through SwiftShader and slows every later test of the file.
  const closeContexts = async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
  };
  afterEach(closeContexts);

  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use the session inside a test`);
    return value;
  };

  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async newPage() {
      const context = await started(browser, 'browser').newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error.message));
      return page;
    },
  };
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });

/**
 * Signs in as `planner` at 1920×1080, checks that the top bar has no button `open-<id>`, opens `?page=<id>` (a page only
 * administrators may open) and waits for its 403 notice (`<id>-forbidden`).
 */
export async function plannerRefused(session: BrowserSession, id: string): Promise<{ page: Page; notice: Locator; buttons: number }> {
  const page = await session.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(session.server.url);
  await logIn(page, 'planner');
  await page.getByTestId('open-planner').waitFor();
  const buttons = await page.getByTestId(`open-${id}`).count();
  await page.goto(`${session.server.url}/?page=${id}`);
  const notice = page.getByTestId(`${id}-forbidden`);
  await notice.waitFor({ timeout: 30_000 });
  return { page, notice, buttons };
}

/**
 * Signs in as `admin` at 1920×1080 and opens a page from its top bar button (`open-<id>`), waiting for `<id>-page`;
 * `errors` collects the page's uncaught errors for the test to check at its end.
 */
export async function adminOpens(session: BrowserSession, id: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(session.server.url);
  await logIn(page, 'admin');
  await page.getByTestId(`open-${id}`).click();
  await page.getByTestId(`${id}-page`).waitFor();
  return { page, errors };
}

import { afterAll, afterEach, beforeAll } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir, VIEWPORT } from './browser.js';
import { startServer, type RunningServer } from '../../scripts/browser/server-process.js';

export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a context of its own (zh-CN, Asia/Shanghai, the test viewport), closed when its test ends. */
  newPage(): Promise<Page>;
}

/** One real server and one Chromium for a test file, started before its tests and stopped after them. */
export function useBrowserSession(): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
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

// What the wall's browser benchmarks share: the web build, a display created as the demo administrator, the wall page
// opened on it at the design size, and what the page says about itself (its root's and panels' data attributes).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { WallPlaylist } from '../../../server/contract/wall-displays.js';
import { DEMO_PASSWORD } from '../../browser/dashboard-page.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The server serves dist/web; a missing build is made first so that the server's own start does not build it. */
export function ensureWebBuilt(progress: (message: string) => void): void {
  if (existsSync(resolve(root, 'dist/web/index.html'))) return;
  progress('building the web app');
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Creates a display as `admin` (the demo's administrator) and answers its pairing path (`/wall#display=…`). */
export async function createDisplay(url: string, p: { name: string; districtCode: string | null; playlist: WallPlaylist }): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login as admin: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const created = await fetch(`${url}/api/wall-displays`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(p),
  });
  if (created.status !== 201) throw new Error(`POST /api/wall-displays: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { path: string }).path;
}

export interface WallWatch {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Main-frame navigations after the first load: reloads (the watchdog's, or an error page). */
  navigations: () => number;
}

// Every EventSource the page makes, by time (epoch milliseconds): when the wall's stream tried to reconnect, read from outside
// the app without changing it.
const COUNT_STREAM_OPENS = `(() => {
  const Native = window.EventSource;
  window.__streamOpens = [];
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      window.__streamOpens.push(performance.timeOrigin + performance.now());
    }
  };
})()`;

/** When the page opened an EventSource, in epoch milliseconds. */
export const streamOpens = (page: Page): Promise<number[]> => page.evaluate<number[]>('window.__streamOpens ?? []');

/** Opens `path` (with `?refresh=` already in it) at 1920×1080 and records the console's errors and the page's. */
export async function openWall(browser: Browser, url: string, path: string): Promise<WallWatch> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.addInitScript(COUNT_STREAM_OPENS);
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text().slice(0, 300));
  });
  page.on('pageerror', (error) => pageErrors.push(String(error).slice(0, 300)));
  let loads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads += 1;
  });
  await page.goto(`${url}${path}`);
  const loadsAtOpen = loads;
  return { page, consoleErrors, pageErrors, navigations: () => loads - loadsAtOpen };
}

export interface WallState {
  exists: boolean;
  scene: string | null;
  step: string | null;
  stream: string | null;
  stale: string | null;
  panels: { id: string; stale: string | null }[];
  /** The KPI strip's text (empty when it is not drawn). */
  kpiText: string;
  url: string;
}

// In-page code is a string: this project's Node scripts are compiled without the DOM's types.
const WALL_STATE = `(() => {
  const wall = document.querySelector('[data-testid=wall]');
  const panels = [...document.querySelectorAll('[data-testid$=-panel]')].map((el) => ({ id: el.getAttribute('data-testid') ?? '', stale: el.getAttribute('data-stale') }));
  return {
    exists: wall !== null,
    scene: wall?.getAttribute('data-scene') ?? null,
    step: wall?.getAttribute('data-step') ?? null,
    stream: wall?.getAttribute('data-stream') ?? null,
    stale: wall?.getAttribute('data-stale') ?? null,
    panels,
    kpiText: document.querySelector('[data-testid=wall-kpis]')?.textContent ?? '',
    url: window.location.href,
  };
})()`;

/** The wall's state as its attributes say it. */
export const wallState = (page: Page): Promise<WallState> => page.evaluate<WallState>(WALL_STATE);

/** Live and every panel current. */
export const isCurrent = (s: WallState): boolean => s.exists && s.stream === 'live' && s.stale === 'false' && s.panels.length > 0 && s.panels.every((p) => p.stale === 'false');

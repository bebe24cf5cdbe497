import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../scripts/browser/server-process.js';
import { launchBrowser, logIn, VIEWPORT, waitForMapIdle } from './browser.js';
import { countPixels, PIXEL, type Region } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// The dashboard's map reads institutions and clues from the vector tiles (docs/interop.md#vector-tiles), not by paging
// GeoJSON: on the embedded database, whose tiles the server encodes, and on PostgreSQL, whose tiles ST_AsMVT builds.

const MAP_REGION: Region = { x: 330, y: 150, width: 990, height: 720 };

interface Seen {
  tiles: string[];
  geojson: string[];
}

function watchRequests(page: Page): Seen {
  const seen: Seen = { tiles: [], geojson: [] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/tiles/')) seen.tiles.push(`${url.pathname}${url.search}`);
    if (/^\/api\/(institutions|clues)$/.test(url.pathname)) seen.geojson.push(url.pathname);
  });
  return seen;
}

const layerCount = async (page: Page, layer: string) => {
  const text = await page.locator('.layer-row', { has: page.getByTestId(`toggle-${layer}`) }).locator('.count').textContent();
  return Number(text?.replace(/[^\d]/g, ''));
};

const kpi = async (page: Page, key: string) => Number((await page.locator(`[data-kpi="${key}"] .kpi__value`).textContent())?.replace(/[^\d]/g, ''));

async function drawsFromTiles(browser: Browser, url: string, engine: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    const seen = watchRequests(page);
    await page.goto(`${url}/?layers=districts,institutions`);
    await logIn(page, 'admin');
    await waitForMapIdle(page, 240_000);
    await expect.poll(() => layerCount(page, 'institutions'), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(800);

    expect(seen.tiles.some((path) => /^\/tiles\/institutions\/\d+\/\d+\/\d+\.mvt$/.test(path)), seen.tiles.join(' ')).toBe(true);
    expect(seen.geojson).toEqual([]);
    // The whole city is in view: its tiles hold every institution once, as the KPI counts them.
    expect(await layerCount(page, 'institutions')).toBe(await kpi(page, 'kpi.institutions'));
    const institutions = await countPixels(browser, page, MAP_REGION, PIXEL);
    expect(institutions.institution, `institution pixels (${engine})`).toBeGreaterThan(1500);
    await shot(page, `80-tiles-institutions-${engine}`);

    for (const layer of ['institutions', 'heatmap']) {
      await page.getByTestId(`toggle-${layer}`).focus();
      await page.keyboard.press('Space');
    }
    await expect.poll(() => layerCount(page, 'heatmap'), { timeout: 60_000 }).toBeGreaterThan(0);
    await waitForMapIdle(page, 60_000);
    const clueTile = seen.tiles.find((path) => path.startsWith('/tiles/clues/'));
    expect(clueTile, seen.tiles.join(' ')).toMatch(/^\/tiles\/clues\/\d+\/\d+\/\d+\.mvt\?from=.+&to=.+$/);
    // The period's clues of the city view are the clues the KPI counts for the period.
    const cityClues = await kpi(page, 'kpi.clues');
    expect(await layerCount(page, 'heatmap')).toBe(cityClues);
    const heat = await countPixels(browser, page, MAP_REGION, PIXEL);
    expect(heat.heatmap, `heatmap pixels (${engine})`).toBeGreaterThan(100);
    expect(seen.geojson).toEqual([]);
    await shot(page, `81-tiles-heatmap-${engine}`);

    // A district chosen: its tiles are asked for that district alone.
    await page.getByTestId('district-item').filter({ hasText: '普陀区' }).click();
    await expect.poll(() => seen.tiles.some((path) => path.startsWith('/tiles/clues/') && path.includes('district=310107')), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => layerCount(page, 'heatmap'), { timeout: 30_000 }).toBeLessThan(cityClues);
    await waitForMapIdle(page, 60_000);
    expect(await layerCount(page, 'heatmap')).toBe(await kpi(page, 'kpi.clues'));
    expect(await layerCount(page, 'heatmap')).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
}

describe('the map draws its points from vector tiles', () => {
  const session = useBrowserSession();

  test('on the embedded database (tiles encoded by the server)', async () => {
    await drawsFromTiles(session.browser, session.server.url, 'pglite');
  });
});

// PostgreSQL needs a database of its own for this server: .ci/run creates one and names it in E2E_POSTGRES_URL. Without
// it (a run on a machine with no PostgreSQL) the engine cannot be reached, and the test says so instead of passing.
const postgresUrl = process.env.E2E_POSTGRES_URL;
describe.skipIf(!postgresUrl)('on PostgreSQL (tiles built by ST_AsMVT; needs E2E_POSTGRES_URL)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ databaseUrl: postgresUrl }), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the same map', async () => {
    await drawsFromTiles(browser!, server!.url, 'postgres');
  });
});

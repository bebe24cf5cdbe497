import { describe, expect, test } from 'vitest';
import { logIn, waitForMapIdle } from './browser.js';
import { countPixels, PIXEL, type Region } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// The part of the map no panel covers at 1600×900: right of the sidebar, below the KPI cards, left of the legend.
const MAP_REGION: Region = { x: 330, y: 150, width: 990, height: 720 };

const session = useBrowserSession();

describe('the city view draws the institutions from vector tiles', () => {
  test('institution tiles are loaded and drawn at the city zoom; no GeoJSON page of institutions is asked for', async () => {
    const page = await session.newPage();
    const tiles: { url: string; status: number; type: string | null }[] = [];
    const institutionPages: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/tiles/institutions/')) tiles.push({ url: url.pathname, status: response.status(), type: response.headers()['content-type'] ?? null });
      if (url.pathname === '/api/institutions') institutionPages.push(url.search);
    });
    await page.goto(`${session.server.url}/?layers=institutions`);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    await expect.poll(() => tiles.filter((t) => t.status === 200).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    await shot(page, 'tiles-01-city-institutions');

    expect(tiles.every((t) => t.status === 200 || t.status === 204), JSON.stringify(tiles)).toBe(true);
    expect(tiles.filter((t) => t.status === 200).every((t) => t.type === 'application/vnd.mapbox-vector-tile')).toBe(true);
    expect(institutionPages, 'GeoJSON pages of institutions at the city zoom').toEqual([]);
    const drawn = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    expect(drawn.institution, 'institution pixels').toBeGreaterThan(1500);

    await page.getByText('校外培训机构', { exact: true }).click();
    await expect.poll(() => page.getByTestId('toggle-institutions').isChecked()).toBe(false);
    await page.waitForTimeout(800);
    const hidden = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    expect(hidden.institution, 'institution pixels with the layer off').toBeLessThan(drawn.institution / 10);
  });
});

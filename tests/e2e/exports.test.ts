import { describe, expect, test } from 'vitest';
import { logIn, waitForMapIdle } from './browser.js';
import { shot, useBrowserSession } from './session.js';

// 导出: a district leader downloads the visible institutions with the map's area as a GeoPackage, from the layer
// panel's menu, under the district's Chinese file name.

const session = useBrowserSession();

describe('the layer panel’s export menu', () => {
  test('offers the four formats for a layer that is on, with the map’s area, and downloads the file', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/?layers=districts,institutions`);
    await logIn(page, 'putuo_leader');
    await waitForMapIdle(page, 240_000);
    expect(await page.getByTestId('export-grid').count()).toBe(0);
    await page.locator('[data-testid=export-institutions] summary').click();
    const links = page.locator('[data-testid=export-institutions] a');
    expect(await links.allTextContents()).toEqual(['GeoJSON', 'CSV (Excel)', 'Shapefile (.zip)', 'GeoPackage']);
    const href = new URL((await page.getByTestId('export-institutions-csv').getAttribute('href'))!, session.server.url);
    expect(href.pathname).toBe('/api/exports/institutions.csv');
    expect(href.searchParams.get('bbox')).toMatch(/^121\.\d+,31\.\d+,121\.\d+,31\.\d+$/);
    await shot(page, '70-export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-institutions-gpkg').click()]);
    expect(download.suggestedFilename()).toMatch(/^校外培训机构_普陀区_\d{4}-\d{2}-\d{2}\.gpkg$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});

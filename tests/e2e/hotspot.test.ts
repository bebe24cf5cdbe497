import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, waitForMapIdle } from './browser.js';
import { countPixels, type Region } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// The hot spot layer in Chromium: switched on, it paints hot cells in the diverging scheme's warm colours; dragging
// the time-range slider recomputes Gi* in the browser and the map changes while the pointer is still down.

const MAP_REGION: Region = { x: 330, y: 150, width: 990, height: 720 };
/**
 * Warm hot spot fills (#d73027, #fc8d59, #fee090 at 80 % over the dark land) and the cold ones (#4575b4, #91bfdb,
 * #e0f3f8). Heatmap and institutions are off in this test, so nothing else on the map is that warm.
 */
const HOTSPOT_PIXEL = {
  hot99: 'r > 150 && g < 75 && b < 70',
  hot95: 'r > 180 && g > 95 && g < 140 && b < 100',
  hot90: 'r > 190 && g > 165 && b > 95 && b < 150',
  cold: 'b > 130 && b - r > 40 && g > 90 && !(Math.abs(r - 86) < 28 && Math.abs(g - 180) < 28 && Math.abs(b - 233) < 28)',
} as const;

const session = useBrowserSession();

const statsOf = async (page: Page) => (await page.getByTestId('hotspot-stats').textContent()) ?? '';
/** The map is idle and the hot spot panel has its cells (and emerging categories) loaded. */
async function hotspotsIdle(page: Page) {
  await page.waitForSelector('[data-testid=hotspot-panel][data-loading=false]', { timeout: 240_000 });
  await waitForMapIdle(page, 240_000);
}
const hotTotal = (p: Record<string, number>) => p.hot99 + p.hot95 + p.hot90;

describe('hot spot layer', () => {
  test('turns on, paints hot cells, and follows a dragged time range live', async () => {
    const page = await session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const asked = new Set<string>();
    page.on('requestfinished', (request) => asked.add(new URL(request.url()).pathname));
    await page.goto(`${session.server.url}/?layers=districts`);
    await logIn(page, 'admin');
    await waitForMapIdle(page, 240_000);
    const off = await countPixels(session.browser, page, MAP_REGION, HOTSPOT_PIXEL);
    // At rest after its first view, the dashboard fetches the analysis inputs ahead, so that the toggle needs none.
    const prepared = ['/api/analysis/cell-counts', '/api/analysis/cells'];
    await expect.poll(() => prepared.every((path) => asked.has(path)), { timeout: 60_000 }).toBe(true);
    asked.clear();

    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('hotspot-stats').waitFor({ timeout: 180_000 });
    await hotspotsIdle(page);
    await page.waitForTimeout(1000);
    await shot(page, '20-hotspots-on');
    expect([...asked].filter((path) => path.startsWith('/api/analysis/')), 'analysis requests after the toggle').toEqual([]);
    const on = await countPixels(session.browser, page, MAP_REGION, HOTSPOT_PIXEL);
    expect(hotTotal(on), `hot pixels with the layer on (${JSON.stringify(on)}) vs off (${JSON.stringify(off)})`).toBeGreaterThan(hotTotal(off) + 2000);
    expect(await page.getByTestId('hotspot-legend').textContent()).toContain('热点 99% 置信');
    const before = await statsOf(page);
    const dateFromBefore = await page.getByTestId('date-from').inputValue();

    // Drag the start of the range far back; the layer updates while the button is held.
    const slider = page.getByTestId('hotspot-slider-from');
    const box = (await slider.boundingBox())!;
    const max = Number(await slider.getAttribute('max'));
    const value = Number(await slider.inputValue());
    const thumbX = box.x + 8 + ((box.width - 16) * value) / max;
    await page.mouse.move(thumbX, box.y + box.height / 2);
    await page.mouse.down();
    const frames: string[] = [];
    for (let k = 1; k <= 6; k++) {
      await page.mouse.move(thumbX - (k * (thumbX - box.x - 12)) / 6, box.y + box.height / 2, { steps: 3 });
      frames.push(await statsOf(page));
    }
    await page.waitForTimeout(300);
    await shot(page, '21-hotspots-dragging');
    // Still dragging: the dashboard's committed range has not changed yet, the hot spot layer has.
    expect(await page.getByTestId('date-from').inputValue()).toBe(dateFromBefore);
    await page.mouse.up();

    expect(new Set(frames).size, `live stats while dragging: ${frames.join(' | ')}`).toBeGreaterThan(3);
    expect(frames.at(-1)).not.toBe(before);
    const recomputeMs = Number(await page.getByTestId('hotspot-stats').getAttribute('data-ms'));
    expect(recomputeMs).toBeGreaterThanOrEqual(0);
    await expect.poll(() => page.getByTestId('date-from').inputValue()).not.toBe(dateFromBefore);
    await waitForMapIdle(page, 240_000);
    await shot(page, '22-hotspots-after-drag');
    const after = await countPixels(session.browser, page, MAP_REGION, HOTSPOT_PIXEL);
    expect(hotTotal(after)).toBeGreaterThan(2000);
    // Two years of clues instead of 90 days: the painted hot spots differ.
    expect(Math.abs(hotTotal(after) - hotTotal(on)) + Math.abs(after.hot90 - on.hot90), `${JSON.stringify(on)} → ${JSON.stringify(after)}`).toBeGreaterThan(200);

    // The emerging layer has its own legend.
    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('toggle-emerging').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('emerging-legend').waitFor();
    await hotspotsIdle(page);
    await expect.poll(() => page.getByTestId('emerging-legend').textContent(), { timeout: 60_000 }).toMatch(/热点|冷点/);
    await shot(page, '23-emerging');
    expect(errors).toEqual([]);
  }, 600_000);

  test('ranked hot cells: names, select and zoom, CSV export, hand-over to the planner, a plan that survives a reload', async () => {
    const page = await session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${session.server.url}/?layers=districts`);
    await logIn(page, 'planner');
    await waitForMapIdle(page, 240_000);
    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    const list = page.getByTestId('hot-cells');
    await page.waitForSelector('[data-testid=hot-cells][data-loading=false]', { timeout: 240_000 });
    await hotspotsIdle(page);

    // The list: ranked by z, with 街镇 and 区县 names rather than codes, as many rows as significant hot cells.
    const rows = page.getByTestId('hot-cell-row');
    const count = Number(await list.getAttribute('data-count'));
    expect(count).toBeGreaterThan(5);
    expect(await rows.count()).toBe(count);
    // As many as the legend counts hot (its first three entries: 99 %, 95 %, 90 %).
    const legendCounts = await page.getByTestId('hotspot-legend').locator('li .count').allInnerTexts();
    expect(count).toBe(legendCounts.slice(0, 3).reduce((sum, n) => sum + Number(n), 0));
    const cellsOf = async (k: number) => (await rows.nth(k).locator('td').allInnerTexts()).map((c) => c.trim());
    const first = await cellsOf(0);
    expect(first[0]).toBe('1');
    expect(first[2]).toMatch(/(街道|镇)$/);
    expect(first[3]).toMatch(/区$/);
    const zs = await Promise.all([0, 1, 2, 3].map(async (k) => Number((await cellsOf(k))[5])));
    expect(zs).toEqual([...zs].sort((a, b) => b - a));
    await shot(page, '24-hot-cells-1920');

    // A click selects the cell: the row, the detail panel (its name and z), and the map zooms to it.
    const second = await cellsOf(1);
    const zoomBefore = Number(new URL(page.url()).searchParams.get('z'));
    await rows.nth(1).click();
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('cell-place').innerText()).toContain(second[1]);
    expect(await page.getByTestId('cell-place').innerText()).toContain(second[2]);
    // The list rounds z to one decimal, the detail shows three: the same number, not the same text (24.7 vs 24.696).
    const detailZ = Number(/Gi\* z[^\n]*\n\s*(-?[\d.]+)/.exec(await page.getByTestId('cell-detail').innerText())?.[1]);
    expect(Math.abs(detailZ - Number(second[5]))).toBeLessThanOrEqual(0.05 + 1e-9);
    await expect.poll(() => Number(new URL(page.url()).searchParams.get('z')), { timeout: 10_000 }).toBeGreaterThan(zoomBefore + 2);
    // Enter on a focused row does the same.
    await rows.nth(2).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.nth(2).getAttribute('aria-selected')).toBe('true');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('false');
    await waitForMapIdle(page, 240_000);
    await shot(page, '25-hot-cell-selected-1920');

    // Export: a UTF-8 CSV with a BOM, the bilingual header and one line per row of the list.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hot-cells-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^hot-cells_city_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/^排名 \(rank\),网格ID \(cell id\),网格编码 \(cell code\),街镇代码 \(street\/town code\),街镇 \(street\/town\)/);
    expect(lines).toHaveLength(count + 1);
    expect(lines[1].split(',').slice(0, 3)).toEqual(['1', await rows.first().getAttribute('data-cell-id'), first[1]]);
    expect(lines[1]).toContain(first[2]);

    // Hand-over: the district with most hot cells by default, its top 10.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('hot-cells-handover').click();
    const district = await page.getByTestId('hot-cells-handover-district').inputValue();
    const option = await page.getByTestId('hot-cells-handover-district').locator('option:checked').innerText();
    const inDistrict = Number(option.match(/（(\d+) 个热点网格）/)![1]);
    const handed = Math.min(10, inDistrict);
    expect(Number(await page.getByTestId('hot-cells-handover-count').inputValue())).toBe(handed);
    await shot(page, '26-hot-cells-handover-1366');
    await page.getByTestId('hot-cells-handover-open').click();
    await page.getByTestId('planner').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('planner');
    expect(await page.getByTestId('planner-district').inputValue()).toBe(district);
    const cellTargets = page.getByTestId('planner-cell-targets');
    await cellTargets.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('planner-origin').innerText()).toContain(`来自热点分析：${handed}个热点网格`);
    expect(await cellTargets.locator('input:checked').count()).toBe(handed);
    expect(await page.getByTestId('planner-targets').locator('input:checked').count()).toBe(0);
    // A date on which the district's certified officers can form a team.
    for (let k = 0; k < 6 && Number(await page.getByTestId('planner-officers').getAttribute('data-max-teams')) === 0; k++) {
      const date = await page.getByTestId('planner-date').inputValue();
      const next = new Date(`${date}T12:00:00+08:00`);
      next.setUTCDate(next.getUTCDate() + (next.getUTCDay() === 5 ? 3 : 1));
      await page.getByTestId('planner-date').fill(next.toISOString().slice(0, 10));
      await expect.poll(() => page.getByTestId('planner-officers').getAttribute('data-max-teams'), { timeout: 30_000 }).not.toBeNull();
    }
    await page.waitForTimeout(1500);
    await shot(page, '27-planner-handed-cells-1366');

    await page.getByTestId('planner-submit').click();
    const summary = page.getByTestId('planner-summary');
    await summary.waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
      await shot(page, '27-planner-failed');
      throw new Error(`no plan: ${await page.getByTestId('planner').innerText()}\n${session.server.log().slice(-3000)}`, { cause: error });
    });
    const teamHeader = (await summary.locator('thead th').first().innerText()).trim();
    expect(teamHeader).toBe('检查组');
    expect((await summary.locator('tbody tr').first().innerText()).split('\t')[0].trim()).toBe('第1组');
    expect(await summary.locator('.planner-stops li').first().innerText()).toContain('网格');

    // Reload: the form, the handed cells and the plan come back.
    await page.reload();
    await summary.waitFor({ timeout: 60_000 });
    expect((await summary.locator('tbody tr').first().innerText()).split('\t')[0].trim()).toBe('第1组');
    // The district list (and the borders on the map) come with the districts.
    await expect.poll(() => page.getByTestId('planner-district').locator('option').count(), { timeout: 60_000 }).toBeGreaterThan(2);
    expect(await page.getByTestId('planner-district').inputValue()).toBe(district);
    await expect.poll(() => cellTargets.locator('input:checked').count(), { timeout: 30_000 }).toBe(handed);
    expect(await page.getByTestId('planner-origin').innerText()).toContain(`来自热点分析：${handed}个热点网格`);
    await page.waitForTimeout(4000);
    await shot(page, '28-planner-reloaded-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(1500);
    await shot(page, '29-planner-reloaded-1920');

    // A stored plan that no longer parses is dropped with a notice; the form stays.
    const key = await page.evaluate(`(() => {
      const k = Object.keys(sessionStorage).find((x) => x.startsWith('jointops:planner:'));
      const stored = JSON.parse(sessionStorage.getItem(k));
      delete stored.plan.teams;
      sessionStorage.setItem(k, JSON.stringify(stored));
      return k;
    })()`);
    expect(String(key)).toMatch(/^jointops:planner:v\d+:user:\d+$/);
    await page.reload();
    await page.getByTestId('planner-restore-notice').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('planner-summary').count()).toBe(0);
    await expect.poll(() => page.getByTestId('planner-district').inputValue(), { timeout: 60_000 }).toBe(district);
    await expect.poll(() => cellTargets.locator('input:checked').count(), { timeout: 30_000 }).toBe(handed);
    await shot(page, '30-planner-restore-dropped-1920');

    // Back on the dashboard the list is as wide as the 1366 px screen allows.
    await page.getByTestId('planner-back').click();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid=hot-cells][data-loading=false]', { timeout: 240_000 });
    await hotspotsIdle(page);
    const box = (await list.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366 - 340);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await shot(page, '31-hot-cells-1366');
    expect(errors).toEqual([]);
  }, 900_000);
});

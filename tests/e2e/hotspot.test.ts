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
    await page.goto(`${session.server.url}/?layers=districts`);
    await logIn(page, 'admin');
    await waitForMapIdle(page, 240_000);
    const off = await countPixels(session.browser, page, MAP_REGION, HOTSPOT_PIXEL);

    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('hotspot-stats').waitFor({ timeout: 180_000 });
    await hotspotsIdle(page);
    await page.waitForTimeout(1000);
    await shot(page, '20-hotspots-on');
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
});

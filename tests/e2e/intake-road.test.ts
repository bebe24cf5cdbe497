import { describe, expect, test } from 'vitest';
import { logIn } from './browser.js';
import { shot, useBrowserSession } from './session.js';

// The intake's address search over road names: part of a road's name typed in the 街镇 field, the road taken by the
// keyboard, and the address and the position filled from it.

const session = useBrowserSession();

describe('the intake’s road search in Chromium', () => {
  test('a planner types part of a road’s name, takes the road with ↓ and Enter, and gets its address and point', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(session.server.url);
    await logIn(page, 'planner');
    await page.getByTestId('open-desk').click();
    await page.getByTestId('desk').waitFor();
    const answer = (await (await page.request.get(`${session.server.url}/api/roads/search?q=${encodeURIComponent('九江')}&limit=1`)).json()) as {
      matches: { name: string; streetName: string | null; districtName: string | null; position: [number, number] }[];
    };
    const road = answer.matches[0];
    expect(road).toBeDefined();
    expect(road.streetName).toBeTruthy();

    await page.getByTestId('desk-intake').click();
    await page.getByTestId('intake').waitFor();
    const field = page.getByTestId('intake-street');
    await field.fill(road.name.slice(0, -1));
    const options = page.getByTestId('intake-street-option');
    await expect.poll(async () => (await options.allTextContents()).findIndex((text) => text.includes(road.name) && text.includes('道路')), { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
    const texts = await options.allTextContents();
    const index = texts.findIndex((text) => text.includes(road.name) && text.includes('道路'));
    // Roads come after every 街镇 that matches, and say where they are.
    expect(texts.slice(index).every((text) => text.includes('道路'))).toBe(true);
    expect(texts[index]).toContain(road.streetName!);
    expect(texts[index]).toContain(road.districtName!);
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    for (let i = 0; i <= index; i++) await field.press('ArrowDown');
    expect(await field.getAttribute('aria-activedescendant')).toBe(`intake-street-option-${index}`);
    expect(await options.nth(index).getAttribute('aria-selected')).toBe('true');
    await shot(page, 'desk-intake-road-search-1920');
    await field.press('Enter');

    expect(await page.getByTestId('intake').count()).toBe(1);
    expect(await field.inputValue()).toBe(road.name);
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('intake-address').inputValue()).toBe(`${road.streetName}${road.name}`);
    expect(await page.getByTestId('intake-position').textContent()).toBe(`${road.position[0].toFixed(5)}, ${road.position[1].toFixed(5)}`);
    expect(await page.getByTestId('intake-road-chosen').textContent()).toContain(road.streetName!);

    // Escape on an open list closes the list, not the form.
    await field.fill(road.name.slice(0, -1));
    await expect.poll(() => field.getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('true');
    await field.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('intake').count()).toBe(1);
  });
});

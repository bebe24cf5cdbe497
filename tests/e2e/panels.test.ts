import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, waitForMapIdle } from './browser.js';
import { countPixels } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// What a newcomer reads in the panels: names instead of codes and English in English mode, the hot spot numbers
// explained and charted with axes, an institution cluster broken down with a zoom to, and a shared link to another
// district followed by a district leader.

const session = useBrowserSession();
const HAN = /\p{Script=Han}/u;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;

/** Screenshots of the page as it is at both sizes the dashboard is checked at, back to the test's size afterwards. */
async function shotAtSizes(page: Page, name: string) {
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(700);
    await shot(page, `${name}-${size.width}x${size.height}`);
  }
  if (before) await page.setViewportSize(before);
  await page.waitForTimeout(500);
}

/** Clicks the map at points spiralling out from the middle of its free part until `opened` says the click did something. */
async function clickMapUntil(page: Page, opened: () => Promise<boolean>): Promise<boolean> {
  for (let ring = 0; ring < 6; ring++) {
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, -1]]) {
      await page.mouse.click(820 + dx * ring * 45, 520 + dy * ring * 45);
      await page.waitForTimeout(250);
      if (await opened()) return true;
    }
  }
  return false;
}

/** The hover tooltip's text, or '' when there is none (it may vanish between being seen and being read). */
async function tooltipText(page: Page): Promise<string> {
  const tooltip = page.getByTestId('tooltip');
  if (!(await tooltip.count())) return '';
  return (await tooltip.textContent({ timeout: 500 }).catch(() => null)) ?? '';
}

/** Cluster (or single institution) tooltips found by hovering a square around a screen point: their counts. */
async function clusterCountsAround(page: Page, cx: number, cy: number, half: number, step: number): Promise<number[]> {
  const seen = new Map<string, number>();
  for (let y = cy - half; y <= cy + half; y += step) {
    for (let x = cx - half; x <= cx + half; x += step) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(40);
      const text = await tooltipText(page);
      if (!text) continue;
      const cluster = /^(\d+) 家机构/.exec(text);
      if (cluster) seen.set(text, Number(cluster[1]));
      else if (/持证|已登记|无证无照|停业整顿|已吊销/.test(text)) seen.set(text, 1);
    }
  }
  return [...seen.values()];
}

const bodyText = (page: Page) => page.locator('body').innerText();

describe('panels in words a newcomer reads', () => {
  test('English mode: the user chip, a grid cell’s 街镇 and 区县 by name, explained statistics, a chart with axes', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/?lang=en&c=121.415,31.245&z=12.6&layers=districts,grid`);
    await logIn(page, 'planner');
    await waitForMapIdle(page, 240_000);

    const chip = page.getByTestId('user-chip');
    expect(await chip.textContent()).toContain('Campaign planner');
    expect(await chip.textContent()).toContain('Scope: city-wide');
    expect(await chip.textContent()).not.toMatch(HAN);

    // A cell with clues in the period, so that its chart has bars to read.
    const opened = await clickMapUntil(page, async () => {
      if (!(await page.getByTestId('cell-street').count())) return false;
      const clues = /Clues in period(\d+)/.exec((await page.getByTestId('detail-panel').textContent()) ?? '');
      return clues !== null && Number(clues[1]) > 0;
    });
    expect(opened, 'a grid cell with clues opened in the detail panel').toBe(true);
    const street = page.getByTestId('cell-street');
    const district = page.getByTestId('cell-district');
    // The street's name arrives with its district's streets; the code stays in the title.
    await expect.poll(() => street.textContent(), { timeout: 30_000 }).toMatch(HAN);
    expect(await street.getAttribute('title')).toMatch(/^\d{9}$/);
    expect(await district.textContent()).toMatch(/^[A-Z][A-Za-z' ]+$/);
    expect(await district.getAttribute('title')).toMatch(/^\d{6}$/);

    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('cell-detail').waitFor({ timeout: 240_000 });
    await page.waitForSelector('[data-testid=hotspot-panel][data-loading=false]', { timeout: 240_000 });
    const cell = page.getByTestId('cell-detail');
    await expect.poll(() => cell.textContent()).toContain('Gi* z-score');
    const cellText = (await cell.textContent()) ?? '';
    expect(cellText).toContain('How much more the clues in and around this cell cluster than chance');
    expect(cellText).toContain('The chance that clustering this strong is random');
    expect(cellText).toContain('after correcting for testing many cells at once');
    // Every explanation is on screen, not only in a tooltip.
    for (const help of await cell.locator('.detail__help').all()) expect(await help.isVisible()).toBe(true);

    const chart = page.getByTestId('cell-chart');
    expect(await chart.getByTestId('chart-y-title').textContent()).toBe('Clues');
    expect(await chart.getByTestId('chart-x-title').textContent()).toBe('Time (week starting)');
    const xTicks = await chart.getByTestId('chart-x-tick').allTextContents();
    expect(xTicks.length).toBeGreaterThanOrEqual(3);
    // Two years of weeks: months and years, e.g. "Mar 2025".
    for (const tick of xTicks) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    const yTicks = (await chart.getByTestId('chart-y-tick').allTextContents()).map((v) => Number(v.replace(/,/g, '')));
    expect(yTicks[0]).toBe(0);
    expect(yTicks.length).toBeGreaterThanOrEqual(2);
    expect([...yTicks].sort((a, b) => a - b)).toEqual(yTicks);
    expect(await street.textContent()).not.toMatch(/\d/);
    await shotAtSizes(page, '30-en-cell-detail');

    // The same panel in Chinese.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => chart.getByTestId('chart-y-title').textContent()).toBe('线索数');
    expect(await chart.getByTestId('chart-x-title').textContent()).toBe('时间（每周起始日）');
    for (const tick of await chart.getByTestId('chart-x-tick').allTextContents()) expect(tick).toMatch(/^\d{4}年\d{1,2}月$/);
    expect(await cell.textContent()).toContain('该网格及其周边的线索比随机分布聚集多少');
    expect(await district.textContent()).toMatch(/区$/);
    expect(await chip.textContent()).toContain('专项行动策划');
    await waitForMapIdle(page);
    await shot(page, '31-zh-cell-detail');
    await page.close();
  }, 600_000);

  test('an institution cluster: count, status breakdown in the legend’s words, and 放大至此 by keyboard', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/?layers=districts,institutions`);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    const zoomBefore = Number(new URL(page.url()).searchParams.get('z'));

    // Find a cluster of several institutions under the pointer, as a user would, and click it.
    let picked: { x: number; y: number } | null = null;
    for (let y = 260; y < 820 && !picked; y += 36) {
      for (let x = 420; x < 1260 && !picked; x += 36) {
        await page.mouse.move(x, y);
        await page.waitForTimeout(40);
        const count = /^(\d+) 家机构/.exec(await tooltipText(page));
        if (count && Number(count[1]) >= 8) picked = { x, y };
      }
    }
    expect(picked, 'a cluster of 8 or more institutions').not.toBeNull();
    await page.mouse.click(picked!.x, picked!.y);
    const panel = page.getByTestId('cluster-detail');
    await panel.waitFor();
    const count = Number(await panel.getAttribute('data-count'));
    expect(await panel.textContent()).toContain(`${count} 家机构`);
    expect(await panel.textContent()).not.toContain('放大地图查看');

    const rows = panel.getByTestId('cluster-breakdown').locator('li');
    const statuses: { status: string; count: number; text: string }[] = [];
    for (const li of await rows.all()) {
      statuses.push({ status: (await li.getAttribute('data-status'))!, count: Number(await li.getAttribute('data-count')), text: (await li.textContent()) ?? '' });
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.reduce((sum, r) => sum + r.count, 0)).toBe(count);
    const names: Record<string, string> = { licensed: '持证', registered: '已登记', unlicensed: '无证无照', suspended: '停业整顿', revoked: '已吊销' };
    const legend = (await page.getByTestId('legend').textContent()) ?? '';
    for (const row of statuses) {
      expect(row.text).toContain(names[row.status]);
      expect(legend).toContain(names[row.status]);
    }
    // The legend's colour of each status, on the row's dot.
    const dotColour = (status: string) => page.evaluate(`getComputedStyle(document.querySelector('[data-testid=cluster-breakdown] [data-status=${status}] .dot')).backgroundColor`);
    const colours: Record<string, string> = { licensed: 'rgb(0, 158, 115)', registered: 'rgb(86, 180, 233)', unlicensed: 'rgb(230, 159, 0)', suspended: 'rgb(240, 228, 66)', revoked: 'rgb(204, 121, 167)' };
    for (const row of statuses) expect(await dotColour(row.status)).toBe(colours[row.status]);
    expect(await panel.getByTestId('cluster-black').textContent()).toMatch(/^\d+ 家（\d+%）$/);
    await shotAtSizes(page, '32-cluster-detail');

    // Keyboard: focus is on the panel's close button; Tab reaches 放大至此, Enter zooms.
    const zoomButton = panel.getByTestId('cluster-zoom');
    expect(await zoomButton.textContent()).toBe('放大至此');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.dataset.testid')).toBe('cluster-zoom');
    const target = Number(await zoomButton.getAttribute('data-zoom'));
    expect(target).toBeGreaterThan(zoomBefore);
    await page.keyboard.press('Enter');
    await expect.poll(() => Number(new URL(page.url()).searchParams.get('z')), { timeout: 15_000 }).toBeCloseTo(target, 1);
    await waitForMapIdle(page);
    await page.mouse.move(5, 5);

    // The cluster came apart: around the middle of the map there are now smaller clusters (or single institutions).
    const viewport = page.viewportSize()!;
    const found = await clusterCountsAround(page, viewport.width / 2, viewport.height / 2, 96, 12);
    expect(found.length, `clusters around the centre: ${found.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(Math.min(...found)).toBeLessThan(count);
    await shot(page, '33-cluster-zoomed');
    await page.close();
  }, 300_000);

  test('a district leader following a link to another district lands on their own, told why, with no raw errors', async () => {
    // An institution of 黄浦区, to put in the link as the selection.
    const admin = await session.newPage();
    await admin.goto(session.server.url);
    await logIn(admin, 'admin');
    const other = (await (await admin.request.get(`${session.server.url}/api/institutions?bbox=121.3,31.1,121.6,31.4&district=310101&limit=1`)).json()) as { features: { id: number }[] };
    const huangpuInstitution = other.features[0].id;
    await admin.close();

    const page = await session.newPage();
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 400 && !response.url().includes('/api/auth/me')) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${session.server.url}/?c=121.4848,31.2317&z=14&d=310101&sel=institution:${huangpuInstitution}`);
    await logIn(page, 'putuo_leader');
    await waitForMapIdle(page);

    const notice = page.getByTestId('scope-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('该链接指向黄浦区，您的账号仅可查看普陀区，已为您切换至普陀区');
    const params = new URL(page.url()).searchParams;
    expect(params.get('d')).toBe('310107');
    expect(params.get('sel')).toBeNull();
    // Framed on 普陀区 (around 121.40, 31.25), not on the link's 黄浦区.
    const [lon, lat] = params.get('c')!.split(',').map(Number);
    expect(Math.abs(lon - 121.4)).toBeLessThan(0.06);
    expect(Math.abs(lat - 31.25)).toBeLessThan(0.05);
    const clues = await page.locator('[data-kpi="kpi.clues"] .kpi__value').textContent();
    expect(Number(clues?.replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    expect(await page.locator('[data-code="310107"]').getAttribute('aria-pressed')).toBe('true');
    await shotAtSizes(page, '34-leader-link-notice');
    // The selected district's border is drawn in gold.
    const pixels = await countPixels(session.browser, page, { x: 330, y: 150, width: 990, height: 720 }, { selectedBorder: 'r > 220 && g > 175 && g < 235 && b > 60 && b < 150' });
    expect(pixels.selectedBorder, 'the district’s border is drawn').toBeGreaterThan(300);
    expect(await page.getByTestId('detail-panel').count()).toBe(0);
    expect(await bodyText(page)).not.toMatch(/sees district|not found/);
    expect(failures).toEqual([]);

    await page.getByTestId('scope-notice-dismiss').click();
    await expect.poll(() => notice.count()).toBe(0);
    // One map at a time: the software renderer of the test browser is slow enough with one.
    await page.close();

    // In English the notice is English.
    const english = await session.newPage();
    await english.goto(`${session.server.url}/?d=310101&lang=en`);
    await logIn(english, 'putuo_leader');
    await english.getByTestId('scope-notice').waitFor();
    expect(await english.getByTestId('scope-notice').textContent()).toContain('This link points to Huangpu; your account can see Putuo only, so the map has switched to Putuo');
    expect(await english.getByTestId('user-chip').textContent()).toContain('Scope: Putuo');
    expect(await english.getByTestId('user-chip').textContent()).not.toMatch(HAN);
    await waitForMapIdle(english);
    await shot(english, '35-leader-link-notice-en');
    await english.close();

    // A link selecting another district's institution, without a district: told in words, once.
    const selected = await session.newPage();
    await selected.goto(`${session.server.url}/?sel=institution:${huangpuInstitution}`);
    await logIn(selected, 'putuo_leader');
    await waitForMapIdle(selected);
    const detail = selected.getByTestId('detail-panel');
    await expect.poll(() => detail.textContent()).toContain('未找到该记录，或它不在您的辖区内');
    const text = await bodyText(selected);
    expect(text.split('未找到该记录').length - 1).toBe(1);
    expect(text).not.toMatch(/sees district|not found/);
    await shot(selected, '36-leader-foreign-selection');
  }, 300_000);
});

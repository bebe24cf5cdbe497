import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readStreets } from '../../db/seed/source-data.js';
import { pdfPageTexts, squeezed } from '../support/pdf-text.js';
import { logIn } from './browser.js';
import { countPixels, type Region } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

const PUTUO = '310107';
/** A Shanghai district code standing alone (a 街镇 code starts with its district's and so names only that one). */
const DISTRICT_CODE = /(?<!\d)3101\d\d/g;
const RANKING_ROW_KEYS = ['districtCode', 'name', 'parts', 'rank', 'score'];
const PART_KEYS = ['normalised', 'points', 'value'];
/** Cells drawn on a map pane: anything clearly brighter or more saturated than the dark basemap. */
const DRAWN = { drawn: 'r > 60 || g > 70 || b > 90' };

interface Recorded {
  url: string;
  body: unknown;
}

function recordReviewAnswers(page: Page): Recorded[] {
  const answers: Recorded[] = [];
  page.on('response', async (response) => {
    if (!/\/api\/review\//.test(response.url()) || !(response.headers()['content-type'] ?? '').includes('json')) return;
    const body: unknown = await response.json().catch(() => null);
    answers.push({ url: response.url(), body });
  });
  return answers;
}

async function region(page: Page, testid: string): Promise<Region> {
  const box = await page.getByTestId(testid).boundingBox();
  if (!box) throw new Error(`${testid} is not shown`);
  // Inside the pane's border and clear of its caption.
  return { x: Math.round(box.x + 4), y: Math.round(box.y + 40), width: Math.round(box.width - 8), height: Math.round(box.height - 44) };
}

async function drawnPixels(page: Page, testid: string): Promise<number> {
  return (await countPixels(session.browser, page, await region(page, testid), DRAWN)).drawn;
}

const crumbs = (page: Page) => page.getByTestId('review-breadcrumb').getByTestId('review-crumb').allTextContents();
const kpiCells = async (page: Page, name: string) => {
  const row = page.getByTestId(`review-kpi-${name}`);
  return { period: await row.getByTestId('review-kpi-period').textContent(), compare: await row.getByTestId('review-kpi-compare').textContent(), change: await row.getByTestId('review-kpi-change').textContent() };
};
const idle = (page: Page) => page.waitForSelector('[data-testid=review][data-loading=false]', { timeout: 60_000 });

describe('the district review in Chromium', () => {
  test('a district leader reviews 普陀区: periods, maps, drill-down, share link, and nothing of another district', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    const answers = recordReviewAnswers(page);
    await page.goto(session.server.url);
    await logIn(page, 'putuo_leader');
    await page.getByTestId('open-review').click();
    await page.getByTestId('review').waitFor();
    expect(new URL(page.url()).pathname).toBe('/review');
    await expect.poll(() => crumbs(page), { timeout: 60_000 }).toEqual([expect.stringContaining('普陀区')]);
    await expect.poll(() => page.getByTestId('review-child').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('review-synthetic').textContent()).toContain('synthetic');

    // A preset fills both periods; the compare is then edited by hand.
    await page.getByTestId('review-preset-quarter').click();
    await expect.poll(() => page.getByTestId('review-preset-quarter').getAttribute('aria-pressed')).toBe('true');
    const compareFrom = page.getByTestId('review-compare-dates-from');
    const presetCompareFrom = await compareFrom.inputValue();
    expect(presetCompareFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [y, m] = presetCompareFrom.split('-').map(Number);
    const earlier = `${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}-01`;
    await compareFrom.fill(earlier);
    await expect.poll(() => new URL(page.url()).searchParams.get('compare') ?? '').toMatch(new RegExp(`^${earlier}~`));
    await idle(page);
    await expect.poll(async () => (await kpiCells(page, 'received')).compare, { timeout: 30_000 }).toMatch(/^\d/);
    const received = await kpiCells(page, 'received');
    expect(received.period).toMatch(/^\d/);
    expect(received.change).toMatch(/^(?:[+−±]\d+\.\d%|—)$/);
    const closure = await kpiCells(page, 'closureRate');
    expect(closure.period).toMatch(/%$/);
    for (const name of ['closed', 'onTimeRate', 'openOverdue', 'repeatOffenders', 'inspections']) expect((await kpiCells(page, name)).compare).not.toBe('—');

    // Side by side: both maps draw their period's Gi* classes over the district; the change map draws one.
    await expect.poll(() => page.getByTestId('review-map').locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(2500);
    expect(await drawnPixels(page, 'review-map-period')).toBeGreaterThan(2000);
    expect(await drawnPixels(page, 'review-map-compare')).toBeGreaterThan(2000);
    await shot(page, 'review-01-side-1920');
    await page.getByTestId('review-mode-diff').click();
    await expect.poll(() => page.getByTestId('review-map-compare').count()).toBe(0);
    await page.getByTestId('review-diff-changed').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
    const diffRegion = await region(page, 'review-map-period');
    const diff = await countPixels(session.browser, page, diffRegion, { red: 'r > 120 && r - b > 50 && g < r - 30', blue: 'b > 120 && b - r > 50' });
    expect(diff.red + diff.blue).toBeGreaterThan(500);
    await shot(page, 'review-02-diff-1920');
    await page.getByTestId('review-mode-side').click();

    // Drill-down: 街镇 → cell → institution, and back by the breadcrumb.
    for (const level of ['street', 'cell', 'institution']) {
      const before = (await crumbs(page)).length;
      const row = page.getByTestId('review-child').first();
      const code = await row.getAttribute('data-code');
      expect(code).toBeTruthy();
      await row.getByRole('button').click();
      await expect.poll(() => crumbs(page), { timeout: 30_000 }).toHaveLength(before + 1);
      expect(new URL(page.url()).searchParams.get('level')).toBe(level);
      expect(new URL(page.url()).searchParams.get('code')).toBe(code);
      await idle(page);
    }
    await page.getByTestId('review-clues').waitFor();
    await shot(page, 'review-03-institution-1920');
    await page.getByTestId('review-breadcrumb').locator('[data-level=street]').click();
    await expect.poll(() => crumbs(page)).toHaveLength(2);
    expect(new URL(page.url()).searchParams.get('level')).toBe('street');
    await idle(page);

    // The export asks for the briefing of this view and the map's extent.
    const href = (await page.getByTestId('review-export').getAttribute('href')) ?? '';
    const exported = new URL(href, session.server.url);
    expect(exported.pathname).toBe('/api/review/briefing.pdf');
    expect(exported.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(exported.searchParams.get('compareFrom')).toBe(earlier);
    expect(exported.searchParams.get('level')).toBe('street');
    const bbox = (exported.searchParams.get('bbox') ?? '').split(',').map(Number);
    expect(bbox).toHaveLength(4);
    expect(bbox.every(Number.isFinite)).toBe(true);
    expect(bbox[0]).toBeLessThan(bbox[2]);
    expect(bbox[1]).toBeLessThan(bbox[3]);
    // The briefing as the leader's browser downloads it: the street's, and no 街镇 of another district anywhere in it.
    const pdf = await page.request.get(exported.toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfText = squeezed((await pdfPageTexts(new Uint8Array(await pdf.body()))).join('\n'));
    const streets = readStreets();
    const own = new Set(streets.filter((s) => s.districtCode === PUTUO).map((s) => s.name));
    const streetCrumb = (await crumbs(page))[1] ?? '';
    const streetName = [...own].find((name) => streetCrumb.includes(name));
    expect(streetName, streetCrumb).toBeDefined();
    expect(pdfText).toContain(squeezed(`普陀区›${streetName}`));
    const others = [...new Set(streets.filter((s) => s.districtCode !== PUTUO && !own.has(s.name)).map((s) => s.name))];
    expect(others.length).toBeGreaterThan(100);
    expect(others.filter((name) => pdfText.includes(squeezed(name)))).toEqual([]);

    // The share link restores the same view.
    await page.getByTestId('review-mode-diff').click();
    await page.getByTestId('review-share').click();
    await expect.poll(() => page.getByTestId('review-share-status').textContent()).toBe('链接已复制');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    const shown = { crumbs: await crumbs(page), received: await kpiCells(page, 'received'), slider: await page.getByTestId('review-slider-value').textContent() };
    const reopened = await session.newPage();
    await reopened.setViewportSize({ width: 1920, height: 1080 });
    await reopened.goto(session.server.url);
    await logIn(reopened, 'putuo_leader');
    await reopened.goto(link);
    await reopened.getByTestId('review').waitFor();
    await expect.poll(() => crumbs(reopened), { timeout: 60_000 }).toEqual(shown.crumbs);
    await idle(reopened);
    expect(await kpiCells(reopened, 'received')).toEqual(shown.received);
    expect(await reopened.getByTestId('review-slider-value').textContent()).toBe(shown.slider);
    expect(await reopened.getByTestId('review-map').getAttribute('data-mode')).toBe('diff');
    expect(reopened.url()).toBe(link);

    // Every review answer names 普陀区 alone; only the league table names the others, by name, score and parts.
    expect(answers.length).toBeGreaterThan(5);
    const rankings = answers.filter((a) => /\/api\/review\/ranking\?/.test(a.url));
    expect(rankings.length).toBeGreaterThan(0);
    for (const answer of answers) {
      if (rankings.includes(answer)) continue;
      const named = new Set(JSON.stringify(answer.body).match(DISTRICT_CODE) ?? []);
      expect([...named].filter((code) => code !== PUTUO), answer.url).toEqual([]);
    }
    for (const ranking of rankings) {
      const body = ranking.body as { rows: Record<string, unknown>[] };
      expect(body.rows.length).toBe(16);
      for (const row of body.rows) {
        expect(Object.keys(row).sort()).toEqual(RANKING_ROW_KEYS);
        for (const part of Object.values(row.parts as Record<string, Record<string, unknown>>)) expect(Object.keys(part).sort()).toEqual(PART_KEYS);
      }
    }
    await expect.poll(() => page.getByTestId('review-rank-row').count()).toBe(16);
    expect(await page.locator(`[data-testid=review-rank-row][data-district="${PUTUO}"]`).count()).toBe(1);
  });

  test('the page reads at 1366×768 and the slider moves the period', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(session.server.url);
    await logIn(page, 'putuo_leader');
    await page.goto(`${session.server.url}/review`);
    await expect.poll(() => crumbs(page), { timeout: 60_000 }).toEqual([expect.stringContaining('普陀区')]);
    await idle(page);
    const slider = page.getByTestId('review-slider');
    const last = Number(await slider.getAttribute('max'));
    expect(last).toBeGreaterThanOrEqual(23);
    // The page opens on 本月, or 上月 in a month's first week: one step before the end at most.
    const opened = Number(await slider.inputValue());
    expect(opened).toBeGreaterThanOrEqual(last - 1);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue()).toBe(String(opened - 1));
    const period = new URL(page.url()).searchParams.get('period') ?? '';
    expect(period).toMatch(/^\d{4}-\d{2}-01~\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('review-slider-value').textContent()).toContain(period.split('~')[0]);
    // The comparison moved with it: still the month before.
    const [py, pm] = period.slice(0, 7).split('-').map(Number);
    const monthBefore = `${pm === 1 ? py - 1 : py}-${String(pm === 1 ? 12 : pm - 1).padStart(2, '0')}-01`;
    expect(new URL(page.url()).searchParams.get('compare') ?? '').toMatch(new RegExp(`^${monthBefore}~`));
    await idle(page);
    await page.waitForTimeout(2500);
    expect(await drawnPixels(page, 'review-map-period')).toBeGreaterThan(1000);
    // Nothing spills sideways at this width.
    expect(await page.evaluate(() => document.querySelector('.review-view')!.scrollWidth <= document.querySelector('.review-view')!.clientWidth)).toBe(true);
    await shot(page, 'review-04-side-1366');
    await page.getByTestId('review-trend').scrollIntoViewIfNeeded();
    await page.getByTestId('review-trend').locator('svg').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('review-emerging').getByTestId('review-emerging-row').first().or(page.getByTestId('review-emerging').getByRole('status')).first().waitFor({ timeout: 30_000 });
    await shot(page, 'review-06-trend-1366');
    await page.getByTestId('review-ranking').scrollIntoViewIfNeeded();
    await shot(page, 'review-05-ranking-1366');
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fillLogin } from '../../scripts/browser/dashboard-page.js';
import { pdfPageTexts, squeezed } from '../support/pdf-text.js';
import { screenshotDir } from './browser.js';
import { countPixels } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// The plan of a special campaign in the browser, all on the real server: the campaign, its calendar, the planning
// job, the stored plan, the re-plan, the lifecycle and the sign-ins, the dispatch sheets, the 一公开 notice and the files.

const session = useBrowserSession();

/** The number after a label in a card's text: 重点对象 6 → 6. */
const countAfter = (text: string, label: string) => Number(new RegExp(`${label}\\s*([\\d,]+)`).exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

async function openCampaigns(page: Page, user: string, viewport = { width: 1920, height: 1080 }) {
  await page.setViewportSize(viewport);
  await page.goto(`${session.server.url}/?page=campaigns`);
  await fillLogin(page, user);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('campaigns-page').waitFor({ timeout: 30_000 });
}

const NAME = '2027年寒假黄浦静安联合执法';

describe('the plan of a special campaign (方案) in Chromium', () => {
  test('a planner plans a two-district winter-vacation campaign, another user approves it, the dispatch sheets print', async () => {
    const planner = await session.newPage();
    const errors: string[] = [];
    planner.on('pageerror', (error) => errors.push(error.message));
    const files: string[] = [];
    planner.on('response', (r) => void (/\/plan\/(dispatch\.pdf|draw-notice\.csv|export\/)/.test(r.url()) && files.push(`${r.status()} ${new URL(r.url()).pathname.replace(/^.*\/plan/, '')}`)));
    const starts: unknown[] = [];
    planner.on('request', (r) => void (r.method() === 'POST' && /\/plan\/jobs$/.test(r.url()) && starts.push(r.postDataJSON())));
    await openCampaigns(planner, 'planner');
    await planner.getByTestId('campaign-new').click();
    await planner.getByTestId('campaign-name').fill(NAME);
    await planner.getByTestId('campaign-type').selectOption('winter_vacation');
    await planner.getByTestId('campaign-starts').fill('2027-01-23');
    await planner.getByTestId('campaign-ends').fill('2027-01-31');
    await planner.getByRole('checkbox', { name: '黄浦区' }).check();
    await planner.getByRole('checkbox', { name: '静安区' }).check();
    await planner.getByTestId('campaign-save').click();
    await expect.poll(() => planner.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('草稿');

    // 日历: the campaign's nine days from the calendar API, all of the winter vacation; a day before the plan has no shifts.
    await planner.getByTestId('campaign-tab-definition').focus();
    await planner.keyboard.press('ArrowRight');
    expect(await planner.getByTestId('campaign-tab-calendar').getAttribute('aria-selected')).toBe('true');
    await planner.getByTestId('campaign-days').waitFor({ timeout: 30_000 });
    const days = planner.locator('[data-testid=campaign-days] [data-testid=calendar-day]');
    expect(await days.count()).toBe(9);
    expect(new Set(await days.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-type'))))).toEqual(new Set(['vacation_day']));
    await planner.locator('[data-date="2027-01-25"]').click();
    expect(await planner.getByTestId('campaign-day-detail').innerText()).toContain('2027年1月25日');
    // Before the plan the day shows the shifts the plan will use (the defaults of a vacation day).
    expect(await planner.getByTestId('campaign-day-detail').innerText()).toMatch(/第1班 08:30–12:00[\s\S]*第2班 13:30–21:00/);
    await shot(planner, 'campaign-plan-01-calendar-1920');

    // 方案: not planned yet; a bad setting is refused in the form and asks nothing of the server.
    await planner.getByTestId('campaign-tab-plan').click();
    await planner.getByTestId('plan-empty').waitFor();
    await planner.getByTestId('plan-teamsPerDistrictShift').fill('0');
    await planner.getByTestId('plan-start').click();
    expect(await planner.getByTestId('plan-teamsPerDistrictShift').getAttribute('aria-invalid')).toBe('true');
    expect(starts).toEqual([]);
    await planner.getByTestId('plan-teamsPerDistrictShift').fill('2');
    await planner.getByTestId('plan-maxStopsPerTeam').fill('3');
    await planner.getByTestId('plan-drawWeighting').selectOption('risk_tier');
    await planner.getByTestId('plan-avoidOwnStreet').check();
    await planner.getByTestId('plan-seed').fill('2027寒假-黄浦静安');
    await planner.getByTestId('plan-seed').press('Enter');
    await planner.getByTestId('plan-progress').waitFor();
    await expect.poll(() => planner.getByRole('progressbar').getAttribute('aria-valuetext'), { timeout: 60_000 }).toMatch(/读取检查对象|双随机抽取|组建联合检查组|规划巡查路线|保存方案|排队中|正在生成方案/);
    await planner.getByTestId('plan-done').waitFor({ timeout: 180_000 });
    expect(starts).toEqual([{ version: 1, settings: { teamsPerDistrictShift: 2, maxStopsPerTeam: 3, drawWeighting: 'risk_tier', excludeInspectedDays: 30, recentCampaigns: 2, avoidOwnStreet: true, seed: '2027寒假-黄浦静安' } }]);

    // The plan: cards, the draw's seed and hashes, teams with certificates, the map, targets, unassigned.
    await planner.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
    const card = await planner.getByTestId('plan-card-targets').innerText();
    const total = Number(/^\D*([\d,]+)/.exec(card.split('\n').slice(1).join('\n'))?.[1]?.replace(/,/g, ''));
    const bySource = { priority: countAfter(card, '重点对象'), hot_cell: countAfter(card, '热点网格'), random_draw: countAfter(card, '随机抽取') };
    expect(total).toBeGreaterThan(0);
    expect(bySource.priority + bySource.hot_cell + bySource.random_draw).toBe(total);
    expect(bySource.random_draw).toBeGreaterThan(0);
    expect(await planner.getByTestId('plan-draw-seed').innerText()).toBe('2027寒假-黄浦静安');
    expect(await planner.getByTestId('plan-draw-commitment').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await planner.getByTestId('plan-draw-pool-hash').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await planner.getByTestId('plan-load').innerText()).toMatch(/基尼系数 \d\.\d\d/);
    const rows = planner.getByTestId('plan-team-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await rows.first().innerText()).toMatch(/第\d+组[\s\S]*\d\d:\d\d–\d\d:\d\d[\s\S]*组长[\s\S]*教育局 · 沪执310101/);
    await planner.getByTestId('plan-map').locator('canvas').first().waitFor();
    expect(await planner.getByTestId('plan-legend').innerText()).toMatch(/重点对象[\s\S]*热点网格[\s\S]*随机抽取/);
    // A row selects its team, by click and by keyboard.
    await rows.nth(0).click();
    expect(await rows.nth(0).getAttribute('aria-selected')).toBe('true');
    await rows.nth(1).focus();
    await planner.keyboard.press('Enter');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await rows.nth(0).getAttribute('aria-selected')).toBe('false');
    // The second day, one district: only 静安's teams.
    await planner.locator('[data-testid=plan-day]').nth(1).click();
    await planner.getByTestId('plan-map-district').selectOption('310106');
    expect(await planner.getByTestId('plan-teams').innerText()).not.toContain('黄浦区');
    // 方案回放: the clock starts at the first shift; play moves it; the slider by keyboard; the teams drawn where they are.
    const mapBox = (await planner.getByTestId('plan-map').locator('.plan-map').boundingBox())!;
    const mapRegion = { x: Math.round(mapBox.x), y: Math.round(mapBox.y), width: Math.round(mapBox.width), height: Math.round(mapBox.height) };
    const white = { white: 'r > 235 && g > 235 && b > 235' };
    expect(await planner.getByTestId('plan-clock').textContent()).toBe('08:30');
    const still = await countPixels(session.browser, planner, mapRegion, white);
    await planner.getByTestId('plan-play').click();
    expect(await planner.getByTestId('plan-play').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => planner.getByTestId('plan-clock').textContent(), { timeout: 10_000 }).not.toBe('08:30');
    await planner.getByTestId('plan-play').press('Space');
    expect(await planner.getByTestId('plan-play').getAttribute('aria-pressed')).toBe('false');
    await planner.getByTestId('plan-time').fill('0');
    for (let i = 0; i < 4; i++) await planner.getByTestId('plan-time').press('ArrowRight');
    expect(await planner.getByTestId('plan-clock').textContent()).toBe('08:32');
    await planner.getByTestId('plan-time').fill('1800');
    expect(await planner.getByTestId('plan-clock').textContent()).toBe('09:00');
    await planner.waitForTimeout(1000);
    const moving = await countPixels(session.browser, planner, mapRegion, white);
    await planner.getByTestId('plan-map').scrollIntoViewIfNeeded();
    await shot(planner, 'campaign-plan-02a-playback-1920');
    expect(moving.white, 'team marker pixels').toBeGreaterThan(still.white + 60);
    // Under reduced motion play shows the end state at once and stops.
    await planner.emulateMedia({ reducedMotion: 'reduce' });
    await planner.getByTestId('plan-play').click();
    await expect.poll(() => planner.getByTestId('plan-time').inputValue()).toBe(await planner.getByTestId('plan-time').getAttribute('max'));
    expect(await planner.getByTestId('plan-play').getAttribute('aria-pressed')).toBe('false');
    await planner.emulateMedia({ reducedMotion: null });
    await planner.getByTestId('plan-filter-source').selectOption('random_draw');
    await expect.poll(() => planner.getByTestId('plan-target-row').count()).toBe(bySource.random_draw);
    expect(new Set(await planner.getByTestId('plan-target-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-source'))))).toEqual(new Set(['random_draw']));
    expect(await planner.getByTestId('plan-target-row').first().innerText()).toContain('双随机抽中');
    await planner.getByTestId('plan-unassigned').waitFor();
    const replanned = planner.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/plan/replan'), { timeout: 120_000 });
    await planner.getByTestId('plan-replan').click();
    const replan = await replanned;
    expect(replan.status()).toBe(200);
    expect(replan.request().postDataJSON()).toMatchObject({ version: 1, district: '310106' });
    await planner.getByTestId('plan-panel').scrollIntoViewIfNeeded();
    await shot(planner, 'campaign-plan-02-plan-1920');
    await planner.setViewportSize({ width: 1366, height: 768 });
    await planner.getByTestId('plan-map').scrollIntoViewIfNeeded();
    await shot(planner, 'campaign-plan-03-map-1366');
    await planner.getByTestId('plan-targets').scrollIntoViewIfNeeded();
    await shot(planner, 'campaign-plan-04-targets-1366');

    // The calendar now shows each day's shifts from the plan.
    await planner.getByTestId('campaign-tab-calendar').click();
    await planner.locator('[data-date="2027-01-26"]').click();
    await expect.poll(() => planner.getByTestId('campaign-day-shift').allInnerTexts()).toEqual(['第1班 08:30–12:00', '第2班 13:30–21:00']);

    // Submitted by the planner, approved by the administrator (no self-approval).
    await planner.setViewportSize({ width: 1920, height: 1080 });
    await planner.getByTestId('campaign-tab-definition').click();
    await planner.getByTestId('campaign-step-submit').click();
    await expect.poll(() => planner.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('待审批');
    const admin = await session.newPage();
    await openCampaigns(admin, 'admin', { width: 1366, height: 768 });
    await admin.getByRole('button', { name: new RegExp(NAME) }).click();
    await admin.getByTestId('campaign-step-approve').click();
    await expect.poll(() => admin.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('已批准');
    await planner.reload();
    await planner.getByTestId('campaigns-page').waitFor();
    await planner.getByRole('button', { name: new RegExp(NAME) }).click();
    await expect.poll(() => planner.getByTestId('campaign-status').textContent()).toContain('已批准');

    // An approved campaign is not planned again: no settings, the plan stays readable with its outputs.
    await planner.getByTestId('campaign-tab-plan').click();
    await planner.getByTestId('plan-summary').waitFor();
    expect(await planner.getByTestId('plan-settings').count()).toBe(0);
    expect(await planner.getByTestId('plan-replan').count()).toBe(0);

    // A team's dispatch sheet: the print view, the PDF download, and Chromium's own print of it.
    await planner.locator('[data-testid=plan-team-dispatch]:not([disabled])').first().click();
    await planner.getByTestId('dispatch-view').waitFor();
    expect(await planner.locator('.dispatch-sheet').count()).toBe(1);
    const download = planner.waitForEvent('download');
    await planner.getByTestId('dispatch-download').click();
    expect((await download).suggestedFilename()).toMatch(/^campaign\d+_dispatch_3101\d\d_2027-01-\d\d_.+\.pdf$/);
    expect(files).toContain('200 /dispatch.pdf');
    await shot(planner, 'campaign-plan-05-sheet-1920');
    await planner.emulateMedia({ media: 'print' });
    expect(await planner.locator('.topbar').isVisible()).toBe(false);
    expect(await planner.getByTestId('campaign-output-back').isVisible()).toBe(false);
    const pdf = await planner.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(screenshotDir, 'campaign-plan-sheet.pdf'), pdf);
    const texts = (await pdfPageTexts(new Uint8Array(pdf))).map((text) => squeezed(text.normalize('NFKC')));
    expect(texts[0]).toContain('校外培训联合执法检查派单');
    expect(texts.join('')).not.toContain('返回方案');
    await planner.emulateMedia({ media: 'screen' });
    await planner.getByTestId('campaign-output-back').click();

    // The 一公开 notice with its CSV, and an export.
    await planner.getByTestId('plan-open-notice').click();
    await planner.getByTestId('draw-notice').waitFor();
    const csv = planner.waitForEvent('download');
    await planner.getByTestId('draw-notice-csv').click();
    expect((await csv).suggestedFilename()).toMatch(/_draw_notice\.csv$/);
    await shot(planner, 'campaign-plan-06-notice-1920');
    await planner.getByTestId('campaign-output-back').click();
    const geojson = planner.waitForEvent('download');
    await planner.getByTestId('plan-export-routes-geojson').click();
    expect((await geojson).suggestedFilename()).toMatch(/_routes\.geojson$/);
    expect(files).toEqual(['200 /dispatch.pdf', '200 /draw-notice.csv', '200 /export/routes.geojson']);
    expect(errors).toEqual([]);
  }, 360_000);

  test('English, and a failed plan read with its retry', async () => {
    const page = await session.newPage();
    let fail = true;
    await page.route(/\/api\/campaigns\/\d+\/plan$/, (route) =>
      fail ? ((fail = false), route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'down' } }) })) : route.fallback(),
    );
    await openCampaigns(page, 'planner', { width: 1366, height: 768 });
    await page.getByRole('button', { name: new RegExp(NAME) }).click();
    await page.getByTestId('campaign-tab-plan').click();
    await page.getByTestId('plan-read-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('plan-read-error').innerText()).toContain('重试');
    await page.getByTestId('plan-read-error').getByRole('button').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('campaign-tab-plan').innerText()).toBe('Plan');
    await shot(page, 'campaign-plan-07-english-1366');
  });
});

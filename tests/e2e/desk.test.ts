import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { logIn } from './browser.js';
import { shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

const idle = (page: Page) => page.waitForSelector('[data-testid=desk][data-loading=false]', { timeout: 60_000 });
const rows = (page: Page) => page.getByTestId('desk-row');
const detailStatus = (page: Page) => page.getByTestId('desk-detail').getAttribute('data-status');
/** Thumbnails of the open clue that the browser has decoded (an image that failed has no width). */
const loadedThumbnails = (page: Page) => page.getByTestId('desk-photo').evaluateAll((els) => els.filter((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0).length);

/** A small photo with something in it (a flat colour would be as good for the server, less so for a screenshot). */
const testPng = () =>
  sharp({ create: { width: 480, height: 360, channels: 3, background: '#c8553d' } })
    .composite([{ input: Buffer.from('<svg width="480" height="360"><rect x="60" y="60" width="360" height="240" fill="#f4e9cd"/><text x="240" y="195" font-size="48" text-anchor="middle" fill="#1d3557">补课招生</text></svg>'), top: 0, left: 0 }])
    .png()
    .toBuffer();

async function openDesk(page: Page, user: string): Promise<void> {
  await page.goto(session.server.url);
  await logIn(page, user);
  await page.getByTestId('open-desk').click();
  await page.getByTestId('desk').waitFor();
  expect(new URL(page.url()).pathname).toBe('/desk');
  await idle(page);
}

/** Opens the step's form, fills it with `fill`, submits, and waits for the clue to reach `status`. */
async function step(page: Page, name: string, status: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`desk-step-${name}`).click();
  await page.getByTestId(`desk-form-step-${name}`).waitFor();
  await fill();
  await page.getByTestId('desk-form-submit').click();
  await expect.poll(() => detailStatus(page), { timeout: 30_000 }).toBe(status);
  await idle(page);
}

describe('the clue desk in Chromium', () => {
  test('a planner works an overdue clue from dispatch to 结案, each step in its timeline, and dispatches two by the matrix', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'planner');
    expect(await page.getByTestId('desk-synthetic').textContent()).toContain('synthetic');
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('desk-metric-onTime').textContent()).toMatch(/\d+\.\d%/);

    // Overdue: every clock left is red (or grey when paused), every row has an escalation level.
    await page.getByTestId('desk-due-overdue').click();
    await idle(page);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    const urgencies = await page.getByTestId('desk-row-sla').evaluateAll((els) => els.map((e) => e.getAttribute('data-urgency')));
    expect(urgencies.every((u) => u === 'overdue' || u === 'paused')).toBe(true);
    expect(await page.getByTestId('desk-row-escalation').count()).toBeGreaterThan(0);
    await shot(page, 'desk-overdue-1920');

    // A registered overdue clue: opened by the keyboard (/ to the filters, j, Enter).
    await page.getByTestId('desk-filter-status').selectOption('registered');
    await idle(page);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('desk-filter-status');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect.poll(() => detailStatus(page), { timeout: 30_000 }).toBe('registered');
    const id = Number(await page.getByTestId('desk-detail').getAttribute('data-clue'));
    expect(id).toBeGreaterThan(0);
    await idle(page);
    expect(await page.getByTestId('desk-detail-phone').textContent()).not.toMatch(/\d{11}/);

    // Dispatched by the matrix: the lead department and the rule's reason are shown.
    await step(page, 'dispatch', 'dispatched');
    expect((await page.getByTestId('desk-detail-lead').textContent())?.trim()).not.toBe('');
    expect((await page.getByTestId('desk-detail-reason').textContent())?.length).toBeGreaterThan(4);
    await step(page, 'accept', 'handling');

    // A reason too short is refused by its field, nothing changes; then the feedback goes through.
    await page.getByTestId('desk-step-feedback').click();
    await page.getByTestId('desk-form-result').fill('短');
    await page.getByTestId('desk-form-publicFeedback').fill('已经处理完毕');
    await page.getByTestId('desk-form-submit').click();
    await page.getByTestId('desk-issue-result').waitFor({ timeout: 15_000 });
    expect(await detailStatus(page)).toBe('handling');
    await page.getByTestId('desk-form-result').fill('现场核实无证办学，已责令停止培训');
    await page.getByTestId('desk-form-submit').click();
    await expect.poll(() => detailStatus(page), { timeout: 30_000 }).toBe('feedback');
    await idle(page);

    await step(page, 'verify', 'verified', async () => {
      await page.getByTestId('desk-form-evidence-ref').fill('沪教执〔2026〕118号');
      await page.getByTestId('desk-form-evidence-kind').selectOption('document');
      await page.getByTestId('desk-form-result').fill('复核属实，已停止办班');
    });
    expect(await page.getByTestId('desk-detail-verification').textContent()).toContain('118号');
    await step(page, 'close', 'closed', async () => {
      await page.getByTestId('desk-form-result').fill('查处完毕，予以结案');
    });
    await expect
      .poll(async () => page.getByTestId('desk-timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-step'))), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['dispatch', 'accept', 'feedback', 'verify', 'close']));
    const actors = await page.getByTestId('desk-timeline').textContent();
    expect(actors).toContain('专项行动策划');
    await shot(page, 'desk-closed-1920');

    // Bulk: two registered clues dispatched by the matrix at once.
    await page.getByTestId('desk-due-all').click();
    await idle(page);
    await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(2);
    const checks = page.getByTestId('desk-row-check');
    await checks.nth(0).check();
    await checks.nth(1).check();
    expect(await page.getByTestId('desk-bulk').textContent()).toContain('2');
    const before = Number((await page.getByTestId('desk-total').textContent())?.match(/\d+/)?.[0]);
    await page.getByTestId('desk-bulk-dispatch').click();
    await expect.poll(() => page.getByTestId('desk-bulk-result').textContent(), { timeout: 30_000 }).toContain('已派遣 2 条');
    await idle(page);
    await expect.poll(async () => Number((await page.getByTestId('desk-total').textContent())?.match(/\d+/)?.[0])).toBe(before - 2);

    // The shortcuts' help, at the smaller desk.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('desk-due-overdue').click();
    await page.getByTestId('desk-filter-status').selectOption('');
    await idle(page);
    await rows(page).first().getByTestId('desk-row-open').click();
    await idle(page);
    await shot(page, 'desk-1366');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    await page.getByTestId('desk-help').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('desk-help').waitFor({ state: 'detached' });
  });

  test('an operator registers a grid worker’s patrol report (网格巡查): the suspected institution found, its place taken, a photo attached, the possible duplicates', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'planner');
    const known = (await (await page.request.get(`${session.server.url}/api/institutions/search?q=${encodeURIComponent('培训')}&limit=1`)).json()) as {
      matches: { id: number; name: string; position: [number, number] }[];
    };
    const target = known.matches[0];
    expect(target).toBeDefined();

    await page.getByTestId('desk-intake').click();
    await page.getByTestId('intake').waitFor();
    expect(await page.getByTestId('intake-source').inputValue()).toBe('12345');
    expect(await page.getByTestId('intake-source').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['12345', 'grid_patrol', 'media', 'transfer']);
    await page.getByTestId('intake-source').selectOption('grid_patrol');
    await page.getByTestId('intake-phone').fill('13812345678');
    // The combobox: the name typed, the first match taken by the keyboard.
    await page.getByTestId('intake-institution').fill(target.name);
    await expect.poll(() => page.getByTestId('intake-institution-option').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('intake-institution').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('intake-institution').press('ArrowDown');
    expect(await page.getByTestId('intake-institution-option').first().getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('intake-institution').getAttribute('aria-activedescendant')).toBe('intake-institution-option-0');
    await shot(page, 'desk-intake-search-1920');
    await page.getByTestId('intake-institution').press('Enter');
    await page.getByTestId('intake-institution-chosen').waitFor();
    expect(Number(await page.getByTestId('intake-institution-chosen').getAttribute('data-id'))).toBe(target.id);
    expect(await page.getByTestId('intake-saved').count()).toBe(0);
    // No position yet: the institution's place is offered.
    expect(await page.getByTestId('intake-position').textContent()).not.toMatch(/^\d/);
    await page.getByTestId('intake-position-of-institution').click();
    expect(await page.getByTestId('intake-position').textContent()).toBe(`${target.position[0].toFixed(5)}, ${target.position[1].toFixed(5)}`);
    await page.getByTestId('intake-photos').setInputFiles({ name: 'caller.png', mimeType: 'image/png', buffer: await testPng() });
    expect(await page.getByTestId('intake-photo-list').textContent()).toContain('caller.png');
    // Without a description the server names the field.
    await page.getByTestId('intake-save').click();
    await page.getByTestId('intake-issue-description').waitFor({ timeout: 15_000 });
    await page.getByTestId('intake-description').fill('网格员巡查发现居民楼内有人开办学科类培训班，每晚有大量学生进出');
    await shot(page, 'desk-intake-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'desk-intake-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('intake-save').click();
    await page.getByTestId('intake-saved').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.getByTestId('intake-duplicate').count()) + (await page.getByTestId('intake-no-duplicates').count()), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('intake-open-saved').click();
    await expect.poll(() => detailStatus(page), { timeout: 30_000 }).toBe('received');
    expect(await page.getByTestId('desk-detail-phone').textContent()).toContain('****');
    expect(await page.getByTestId('desk-detail-source').textContent()).toContain('网格巡查');
    expect(await page.getByTestId('desk-detail').textContent()).toContain(target.name);
    await expect.poll(() => loadedThumbnails(page), { timeout: 15_000 }).toBe(1);
  });

  test('the desk shows a 随手拍 clue’s photo: its thumbnail, and the full size behind it', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'planner');
    const description = '楼道里贴着补课招生广告，附照片';
    const sent = await page.request.post(`${session.server.url}/api/public/reports`, {
      multipart: {
        category: 'residential_flat',
        description,
        longitude: '121.3975',
        latitude: '31.2494',
        photos: { name: 'poster.png', mimeType: 'image/png', buffer: await testPng() },
      },
    });
    expect(sent.status()).toBe(201);
    const queue = (await (await page.request.get(`${session.server.url}/api/clues/queue?source=${encodeURIComponent('随手拍')}&status=received&limit=200`)).json()) as { items: { id: number }[] };
    let clueId = 0;
    for (const item of queue.items) {
      const detail = (await (await page.request.get(`${session.server.url}/api/clues/${item.id}`)).json()) as { properties: { description: string } };
      if (detail.properties.description === description) clueId = item.id;
    }
    expect(clueId).toBeGreaterThan(0);

    await page.getByTestId('desk-filter-source').selectOption('随手拍');
    await page.getByTestId('desk-filter-status').selectOption('received');
    await idle(page);
    const row = page.locator(`[data-testid=desk-row][data-clue="${clueId}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.getByTestId('desk-row-open').click();
    await expect.poll(() => page.getByTestId('desk-detail').getAttribute('data-clue'), { timeout: 30_000 }).toBe(String(clueId));
    await idle(page);
    await expect.poll(() => loadedThumbnails(page), { timeout: 15_000 }).toBe(1);
    const full = await page.getByTestId('desk-photo-open').getAttribute('href');
    expect(full).toMatch(new RegExp(`^/api/clues/${clueId}/photos/[0-9a-f]{64}$`));
    const image = await page.request.get(`${session.server.url}${full!}`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/jpeg');
    await page.getByTestId('desk-photos').scrollIntoViewIfNeeded();
    await shot(page, 'desk-photos-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('desk-photos').scrollIntoViewIfNeeded();
    await shot(page, 'desk-photos-1366');
  });

  test('a district leader sees only 普陀区 clues', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openDesk(page, 'putuo_leader');
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('desk-filter-district').isDisabled()).toBe(true);
    const districts = await rows(page).evaluateAll((els) => els.map((e) => e.querySelectorAll('.desk-row__sub')[1]?.firstElementChild?.textContent ?? ''));
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.every((d) => d === '普陀区')).toBe(true);
    expect(await page.getByTestId('desk-metrics').textContent()).toContain('普陀区');
    await shot(page, 'desk-leader-1366');
  });
});

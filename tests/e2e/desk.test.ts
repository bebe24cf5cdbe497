import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn } from './browser.js';
import { shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

const idle = (page: Page) => page.waitForSelector('[data-testid=desk][data-loading=false]', { timeout: 60_000 });
const rows = (page: Page) => page.getByTestId('desk-row');
const detailStatus = (page: Page) => page.getByTestId('desk-detail').getAttribute('data-status');

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

  test('an operator registers a grid worker’s patrol report (网格巡查) and sees its possible duplicates', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'planner');
    await page.getByTestId('desk-intake').click();
    await page.getByTestId('intake').waitFor();
    expect(await page.getByTestId('intake-source').inputValue()).toBe('12345');
    expect(await page.getByTestId('intake-source').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['12345', 'grid_patrol', 'media', 'transfer']);
    await page.getByTestId('intake-source').selectOption('grid_patrol');
    await page.getByTestId('intake-phone').fill('13812345678');
    await page.getByTestId('intake-street').fill('曹杨');
    await page.getByTestId('intake-street-option').first().click();
    expect(await page.getByTestId('intake-position').textContent()).toMatch(/^121\.\d+, 31\.\d+$/);
    await page.getByTestId('intake-address').fill('曹杨新村街道南山路21号8楼');
    // Without a description the server names the field.
    await page.getByTestId('intake-save').click();
    await page.getByTestId('intake-issue-description').waitFor({ timeout: 15_000 });
    await page.getByTestId('intake-description').fill('网格员巡查发现居民楼内有人开办学科类培训班，每晚有大量学生进出');
    await shot(page, 'desk-intake-1920');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('intake-saved').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.getByTestId('intake-duplicate').count()) + (await page.getByTestId('intake-no-duplicates').count()), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('intake-open-saved').click();
    await expect.poll(() => detailStatus(page), { timeout: 30_000 }).toBe('received');
    expect(await page.getByTestId('desk-detail-phone').textContent()).toContain('****');
    expect(await page.getByTestId('desk-detail-source').textContent()).toContain('网格巡查');
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

import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { adminOpens, plannerRefused, shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

const rows = (page: Page) => page.getByTestId('audit-row');
// A string expression: functions handed to the page pick up the test runner's helpers and fail there.
const attributes = (page: Page, name: string) =>
  page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=audit-row]')].map((tr) => tr.getAttribute(${JSON.stringify(name)}) ?? '')`);
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Waits until the table shows the answer to the filters last applied (not the previous page, dimmed). */
async function settled(page: Page): Promise<void> {
  await page.locator('.audit-table--stale, [data-testid=audit-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('[data-testid=audit-table], [data-testid=audit-empty]').first().waitFor({ timeout: 30_000 });
}

describe('audit log screen (审计日志) in Chromium', () => {
  // Many steps, each waiting on the server: the default two minutes are short on a loaded machine.
  test('an administrator opens it from the top bar, reads, filters, shares and verifies the chain', async () => {
    const { page, errors } = await adminOpens(session, 'audit');
    expect(searchParam(page, 'page')).toBe('audit');
    await settled(page);

    // Newest first: the login just made heads the log, the demo data build is the oldest entry.
    const ids = (await attributes(page, 'data-id')).map(Number);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = rows(page).first();
    expect(await first.getAttribute('data-action')).toBe('auth.login');
    expect(await first.getAttribute('data-actor')).toBe('admin');
    const firstText = await first.innerText();
    expect(firstText).toContain('系统管理员 Administrator');
    expect(firstText).toContain('登录，会话有效至');
    expect(firstText).toMatch(/20\d\d-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(firstText).toMatch(/[0-9a-f]{12}…/);
    await shot(page, 'audit-01-admin-1920');

    // Keyboard: Tab to the toggle of the first row, Enter opens its JSON detail, Enter again closes it.
    const toggle = first.getByTestId('audit-row-toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = page.getByTestId('audit-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('"expiresAt"');
    await shot(page, 'audit-02-row-open-1920');
    await page.keyboard.press('Enter');
    expect(await detail.count()).toBe(0);

    // By action: the select is chosen, Enter in a text field applies the form.
    await page.getByTestId('audit-filter-action').selectOption('seed');
    await page.getByTestId('audit-filter-entity-id').press('Enter');
    await expect.poll(() => searchParam(page, 'action')).toBe('seed');
    await settled(page);
    expect(await attributes(page, 'data-action')).toEqual(['seed']);
    expect(await rows(page).first().innerText()).toContain('构建演示数据');

    // By actor, the action cleared: only the admin's entries.
    await page.getByTestId('audit-filter-action').selectOption('');
    await page.getByTestId('audit-filter-actor').fill('admin');
    await page.getByTestId('audit-filter-actor').press('Enter');
    await expect.poll(() => searchParam(page, 'actor')).toBe('admin');
    expect(searchParam(page, 'action')).toBeNull();
    await settled(page);
    const actors = await attributes(page, 'data-actor');
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set(['admin']));

    // Nothing matches: the empty state; the link brings the same filtered view back.
    await page.getByTestId('audit-filter-actor').fill('nobody');
    await page.getByTestId('audit-filter-from').fill('2026-01-01');
    await page.getByTestId('audit-filter-actor').press('Enter');
    await page.getByTestId('audit-empty').waitFor();
    expect(await page.getByTestId('audit-empty').innerText()).toContain('没有符合筛选条件的记录');
    await page.reload();
    await page.getByTestId('audit-empty').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('audit-filter-actor').inputValue()).toBe('nobody');
    expect(await page.getByTestId('audit-filter-from').inputValue()).toBe('2026-01-01');

    // A reversed range is refused by the form, naming the field, and asks nothing of the server.
    await page.getByTestId('audit-clear').click();
    await settled(page);
    await page.getByTestId('audit-filter-from').fill('2026-10-31');
    await page.getByTestId('audit-filter-to').fill('2026-10-01');
    await page.getByTestId('audit-filter-actor').press('Enter');
    expect(await page.locator('#audit-filter-to-error').innerText()).toContain('截止日期不能早于起始日期');
    expect(searchParam(page, 'from')).toBeNull();
    await page.getByTestId('audit-clear').click();
    await settled(page);

    // 校验审计链: intact, with the count and the time taken.
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('intact');
    const entryCount = (await attributes(page, 'data-id')).length;
    const verified = await page.getByTestId('audit-verify-detail').innerText();
    const checked = Number(/已校验 ([\d,]+) 条记录，用时 [\d.]+ (毫秒|秒)/.exec(verified)?.[1].replace(/,/g, ''));
    expect(checked).toBeGreaterThanOrEqual(entryCount);
    expect(await result.innerText()).toContain('审计链完整');
    await shot(page, 'audit-03-verified-1920');

    await page.setViewportSize({ width: 1366, height: 768 });
    await rows(page).first().getByTestId('audit-row-toggle').click();
    await page.waitForTimeout(300);
    await shot(page, 'audit-04-verified-1366');
    // Nothing of the header or the table may spill sideways at the smaller size.
    const overflow = await page.evaluate('document.querySelector(".audit-page").scrollWidth - document.querySelector(".audit-page").clientWidth');
    expect(overflow).toBe(0);

    // English keeps the page and its filters.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => searchParam(page, 'lang')).toBe('en');
    expect(searchParam(page, 'page')).toBe('audit');
    expect(await page.locator('.page-header__title').innerText()).toContain('Audit log');
    expect(await rows(page).first().innerText()).toContain('Log in');
    await shot(page, 'audit-05-english-1366');
    await page.getByTestId('language-switch').click();

    // A broken chain as the screen shows it: the answer is substituted here (the server's data directory belongs to
    // its process); the API tests break a real chain.
    const brokenAt = Number(await rows(page).nth(1).getAttribute('data-id'));
    await page.route('**/api/audit/verify', (route) =>
      route.fulfill({
        json: { ok: false, checked: brokenAt - 1, brokenAt, reason: "hash does not match the entry's content", durationMs: 3.2, verifiedAt: '2026-11-01T00:00:00.000Z' },
      }),
    );
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => result.getAttribute('data-status')).toBe('broken');
    expect(await result.innerText()).toContain(`审计链断裂：第 ${brokenAt} 条记录未通过校验`);
    expect(await result.innerText()).toContain('内容被改动');
    await page.getByTestId('audit-verify-show').click();
    await settled(page);
    expect(Number(await rows(page).first().getAttribute('data-id'))).toBe(brokenAt);
    await page.getByTestId('audit-detail').waitFor();
    await shot(page, 'audit-06-broken-1366');
    await page.unroute('**/api/audit/verify');

    await page.getByTestId('audit-back').click();
    await page.getByTestId('dashboard').waitFor();
    expect(searchParam(page, 'page')).toBeNull();

    // The way in sits beside the planner's in the dashboard's top bar, in both languages at the smaller size.
    for (const [language, label] of [['zh-CN', '审计日志'], ['en', 'Audit log']]) {
      if (language === 'en') await page.getByTestId('language-switch').click();
      const button = page.getByTestId('open-audit');
      expect(await button.innerText()).toBe(label);
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
      expect(box.y).toBeLessThan(60);
      await shot(page, `audit-09-dashboard-topbar-${language}-1366`);
    }
    expect(errors).toEqual([]);
  }, 300_000);

  test('a planner gets no button, and ?page=audit says 403 with a way back', async () => {
    const { page, notice, buttons } = await plannerRefused(session, 'audit');
    expect(buttons).toBe(0);
    const text = await notice.innerText();
    expect(text).toContain('403');
    expect(text).toContain('无权查看审计日志');
    expect(text).toContain('行动策划');
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    expect(await page.getByTestId('audit-verify').count()).toBe(0);
    expect(await page.evaluate("fetch('/api/audit/verify').then((r) => r.status)")).toBe(403);
    await shot(page, 'audit-07-planner-forbidden-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'audit-08-planner-forbidden-1366');
    await page.getByTestId('language-switch').click();
    expect(await notice.innerText()).toContain('You may not view the audit log');
    await page.getByTestId('language-switch').click();

    await page.getByTestId('audit-back').click();
    await page.getByTestId('dashboard').waitFor();
    expect(searchParam(page, 'page')).toBeNull();
  });
});

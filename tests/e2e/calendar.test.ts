import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { adminOpens, plannerRefused, shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const day = (page: Page, date: string) => page.locator(`[data-testid=calendar-day][data-date="${date}"]`);
// String expressions: functions handed to the page pick up the test runner's helpers and fail there.
const coverages = (page: Page) =>
  page.evaluate<string[]>(`[...new Set([...document.querySelectorAll('[data-testid=calendar-day]')].map((d) => d.getAttribute('data-coverage')))]`);
const overflow = (page: Page) => page.evaluate<number>('document.querySelector(".cal-page").scrollWidth - document.querySelector(".cal-page").clientWidth');

/** A 2027 schedule shaped like a State Council notice: test data, the real one is not published here. */
const schedule2027 = [
  '# 测试数据，非官方安排',
  'date,kind,name',
  '2027-01-01,休,元旦',
  ...['05', '06', '07', '08', '09'].map((d) => `2027-02-${d},休,春节`),
  '2027-02-20,班,春节',
  '2027-04-05,休,清明',
  '2027-05-01,休,劳动节',
  '2027-05-02,休,劳动节',
  '2027-06-09,休,端午',
  '2027-09-15,休,中秋',
  ...['01', '02', '03', '04', '05'].map((d) => `2027-10-${d},休,国庆节`),
  '2027-09-26,班,国庆节',
].join('\n');

describe('calendar screen (校历与节假日) in Chromium', () => {
  test('an administrator enters the 2027 holiday schedule: 2027 turns from fallback to official', async () => {
    const { page, errors } = await adminOpens(session, 'calendar');
    expect(searchParam(page, 'page')).toBe('calendar');

    // This year, from the shipped data: official, with Shanghai's winter vacation around the Spring Festival.
    await page.goto(`${session.server.url}/?page=calendar&year=2026`);
    await page.locator('[data-testid=calendar-coverage][data-origin=package]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('calendar-day').count()).toBe(365);
    expect(await coverages(page)).toEqual(['official']);
    expect(await day(page, '2026-02-17').getAttribute('data-type')).toBe('holiday');
    expect(await day(page, '2026-02-14').getAttribute('data-type')).toBe('vacation_day');
    expect(await day(page, '2026-02-14').innerText()).toContain('班');
    expect(await day(page, '2026-02-28').getAttribute('data-type')).toBe('makeup_workday');
    expect(await day(page, '2026-07-15').getAttribute('data-type')).toBe('vacation_day');
    expect(await page.getByTestId('calendar-fallback-notice').count()).toBe(0);
    expect(await page.getByTestId('calendar-legend').innerText()).toContain('法定节假日');
    await shot(page, 'calendar-01-2026-1920');

    // Keyboard: one day in the tab order, the arrows move the focus, and each day says what it is.
    await day(page, '2026-01-01').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.getAttribute("data-date")')).toBe('2026-01-09');
    expect(await page.evaluate('document.activeElement.getAttribute("tabindex")')).toBe('0');
    expect(await day(page, '2026-02-17').getAttribute('aria-label')).toBe('2026年2月17日 星期二：法定节假日，春节，寒假');

    // 2027 is not in the shipped data: the fallback, said plainly.
    await page.getByTestId('calendar-next-year').click();
    await page.locator('[data-testid=calendar-coverage][data-origin=fallback]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=calendar-day][data-date="2027-02-08"]').waitFor();
    expect(searchParam(page, 'year')).toBe('2027');
    expect(await coverages(page)).toEqual(['fallback']);
    expect(await page.getByTestId('calendar-fallback-notice').innerText()).toContain('2027 年的法定节假日安排尚未发布或录入');
    // The vacations of 2026学年 are configured (an estimate), and 2027学年's fall in 2028: none is missing.
    expect(await page.getByTestId('calendar-missing-vacations').count()).toBe(0);
    expect(await day(page, '2027-02-08').getAttribute('data-type')).toBe('vacation_day');
    expect(await day(page, '2027-01-01').getAttribute('data-type')).toBe('holiday');
    expect(await page.getByTestId('holiday-origin').innerText()).toContain('尚无官方安排');
    // The form starts from the fixed-date holidays the fallback assumes.
    expect(await page.getByTestId('holiday-row').count()).toBe(6);
    await shot(page, 'calendar-02-2027-fallback-1920');

    // A paste with mistakes is refused line by line; the table stays as it was.
    await page.getByTestId('holiday-import-text').fill('2027-02-06,休,春节\n2027-02-06,班,春节\n2027-02-10,班,春节\n2027-02-30,休,春节');
    await page.getByTestId('holiday-import-apply').click();
    const importIssues = page.locator('#holiday-import-issues');
    await importIssues.waitFor();
    const issuesText = await importIssues.innerText();
    expect(issuesText).toContain('第 2 行：同一天不能既放假又上班');
    expect(issuesText).toContain('第 3 行：调休上班日应为周六或周日');
    expect(issuesText).toContain('第 4 行：日期无效');
    expect(await page.getByTestId('holiday-row').count()).toBe(6);
    await shot(page, 'calendar-03-import-errors-1920');

    // The good paste fills the table; saving without a source is refused by the form.
    await page.getByTestId('holiday-import-text').fill(schedule2027);
    await page.getByTestId('holiday-import-apply').click();
    await expect.poll(() => page.getByTestId('holiday-row').count()).toBe(18);
    await page.getByTestId('holiday-save').click();
    expect(await page.locator('#holiday-source-issues').innerText()).toContain('请填写来源');
    await page.getByTestId('holiday-source').fill('测试：2027年部分节假日安排');
    await page.getByTestId('holiday-save').click();
    await page.locator('[data-testid=calendar-coverage][data-origin=entered]').waitFor({ timeout: 30_000 });
    await expect.poll(() => coverages(page), { timeout: 30_000 }).toEqual(['official']);
    expect(await page.getByTestId('holiday-status').innerText()).toContain('已保存 2027 年安排');
    expect(await page.getByTestId('calendar-fallback-notice').count()).toBe(0);
    expect(await day(page, '2027-02-08').getAttribute('data-type')).toBe('holiday');
    expect(await day(page, '2027-02-05').innerText()).toContain('春节');
    expect(await day(page, '2027-02-20').getAttribute('data-type')).toBe('vacation_day');
    expect(await day(page, '2027-02-20').innerText()).toContain('班');
    expect(await day(page, '2027-09-26').getAttribute('data-type')).toBe('makeup_workday');
    expect(await page.getByTestId('calendar-coverage').innerText()).toContain('管理员录入');
    await page.locator('.page-header').scrollIntoViewIfNeeded();
    await shot(page, 'calendar-04-2027-official-1920');

    // The write is in the audit log.
    const audited = await page.evaluate<number>(`fetch('/api/audit?action=holiday_schedule.save').then((r) => r.json()).then((b) => b.entries.length)`);
    expect(audited).toBe(1);

    // The laptop size: nothing spills sideways; the editors stack under the calendar.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(300);
    expect(await overflow(page)).toBe(0);
    await page.locator('.page-header').scrollIntoViewIfNeeded();
    await shot(page, 'calendar-05-2027-official-1366');
    await page.getByTestId('vacation-editor').scrollIntoViewIfNeeded();

    // A vacation that ends before it starts is marked on its row, and nothing is sent.
    const endsOn = page.getByTestId('vacation-endsOn').nth(2);
    await endsOn.fill('2027-01-10');
    await page.getByTestId('vacation-save').click();
    expect(await page.locator('[data-testid=vacation-editor] .cal-issues').first().innerText()).toContain('结束日期早于开始日期');
    expect(await endsOn.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'calendar-06-vacation-error-1366');
    await page.getByTestId('vacation-defaults').click();
    expect(await endsOn.inputValue()).toBe('2027-02-21');

    // English keeps the page and its year.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => searchParam(page, 'lang')).toBe('en');
    expect(searchParam(page, 'year')).toBe('2027');
    await page.locator('.page-header').scrollIntoViewIfNeeded();
    expect(await page.locator('.page-header__title').innerText()).toContain('School calendar and holidays');
    expect(await day(page, '2027-02-08').getAttribute('aria-label')).toBe('8 February 2027, Monday: Public holiday (法定节假日); 春节; Winter vacation (寒假)');
    await shot(page, 'calendar-07-english-1366');
    await page.getByTestId('language-switch').click();

    // Removing the entered schedule returns 2027 to the fallback.
    await page.getByTestId('holiday-remove').click();
    await page.locator('[data-testid=calendar-coverage][data-origin=fallback]').waitFor({ timeout: 30_000 });
    await expect.poll(() => coverages(page), { timeout: 30_000 }).toEqual(['fallback']);
    expect(await page.getByTestId('holiday-status').innerText()).toContain('已删除录入的 2027 年安排');

    await page.getByTestId('calendar-back').click();
    await page.getByTestId('dashboard').waitFor();
    expect(searchParam(page, 'page')).toBeNull();
    const button = page.getByTestId('open-calendar');
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    await shot(page, 'calendar-08-dashboard-topbar-1366');
    expect(errors).toEqual([]);
  }, 300_000);

  test('a planner gets no button, and ?page=calendar says 403 with a way back', async () => {
    const { page, notice, buttons } = await plannerRefused(session, 'calendar');
    expect(buttons).toBe(0);
    expect(await notice.innerText()).toContain('无权修改校历与节假日');
    expect(await page.evaluate(`fetch('/api/calendar/holidays/2027', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"source":"x","text":"2027-02-06,休,春节"}' }).then((r) => r.status)`)).toBe(403);
    // Reading the day types is open to every signed-in account.
    expect(await page.evaluate(`fetch('/api/calendar/days?from=2027-02-01&to=2027-02-07').then((r) => r.status)`)).toBe(200);
    await shot(page, 'calendar-09-planner-forbidden-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'calendar-10-planner-forbidden-1366');
    await page.getByTestId('calendar-back').click();
    await page.getByTestId('dashboard').waitFor();
  });
});

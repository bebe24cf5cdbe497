import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fillLogin } from '../../scripts/browser/dashboard-page.js';
import { shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

async function openCampaigns(page: Page, user: string, viewport = { width: 1920, height: 1080 }) {
  await page.setViewportSize(viewport);
  await page.goto(`${session.server.url}/?page=campaigns`);
  await fillLogin(page, user);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('campaigns-page').waitFor({ timeout: 30_000 });
}

describe('special campaigns (专项行动) in Chromium', () => {
  test('a planner drafts a two-district winter-vacation campaign and submits it; another user approves it; an edit makes version 2', async () => {
    const planner = await session.newPage();
    const errors: string[] = [];
    planner.on('pageerror', (error) => errors.push(error.message));
    await openCampaigns(planner, 'planner');
    await planner.getByTestId('campaign-new').click();

    // A bad range first: the server's refusal names the field, nothing is created.
    await planner.getByTestId('campaign-name').fill('2027年寒假校外培训专项治理');
    await planner.getByTestId('campaign-type').selectOption('winter_vacation');
    await planner.getByTestId('campaign-starts').fill('2027-02-21');
    await planner.getByTestId('campaign-ends').fill('2027-01-23');
    await planner.getByRole('checkbox', { name: '普陀区' }).check();
    await planner.getByRole('checkbox', { name: '静安区' }).check();
    await planner.getByRole('checkbox', { name: '上门一对一' }).check();
    await planner.getByTestId('campaign-save').click();
    await expect.poll(() => planner.getByTestId('campaign-error').textContent(), { timeout: 30_000 }).toContain('结束日期');
    expect(await planner.locator('[data-testid^=campaign-item-]').count()).toBe(0);

    await planner.getByTestId('campaign-starts').fill('2027-01-23');
    await planner.getByTestId('campaign-ends').fill('2027-02-21');
    await planner.getByTestId('campaign-save').click();
    await expect.poll(() => planner.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('草稿');
    await expect.poll(() => planner.locator('.campaign-detail__days').textContent()).toBe('共 30 天');
    await planner.getByTestId('campaign-step-submit').click();
    await expect.poll(() => planner.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('待审批');
    // No self-approval: the submitter is offered withdrawal, not approval.
    expect(await planner.getByTestId('campaign-step-approve').count()).toBe(0);
    await shot(planner, 'campaigns-submitted-1920');

    const admin = await session.newPage();
    await openCampaigns(admin, 'admin', { width: 1366, height: 768 });
    await admin.locator('[data-testid^=campaign-item-]').first().click();
    await admin.getByTestId('campaign-step-approve').click();
    await expect.poll(() => admin.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('已批准');
    await expect.poll(() => admin.getByTestId('campaign-version-1').textContent()).toContain('admin 批准于');
    await shot(admin, 'campaigns-approved-1366');

    // The approved version is frozen: the planner's change is saved as version 2, a draft, and the history shows both.
    await planner.reload();
    await planner.getByTestId('campaigns-page').waitFor();
    await planner.locator('[data-testid^=campaign-item-]').first().click();
    await planner.getByTestId('campaign-draw-percent').fill('8');
    await planner.getByTestId('campaign-save').click();
    await expect.poll(() => planner.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('第 2 版');
    await expect.poll(() => planner.getByTestId('campaign-version-2').textContent()).toContain('随机抽取名录库比例 (%)：5 → 8');
    await shot(planner, 'campaigns-version-2-1920');
    expect(errors).toEqual([]);
  });

  test('the wall display reads the campaign made above and is offered nothing to change', async () => {
    const page = await session.newPage();
    await openCampaigns(page, 'wall', { width: 1366, height: 768 });
    expect(await page.getByTestId('campaign-new').count()).toBe(0);
    await page.locator('[data-testid^=campaign-item-]').first().click();
    expect(await page.getByTestId('campaign-name').inputValue()).toBe('2027年寒假校外培训专项治理');
    expect(await page.getByTestId('campaign-name').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid^=campaign-step-], [data-testid=campaign-save]').count()).toBe(0);
    await shot(page, 'campaigns-wall-1366');
  });
});

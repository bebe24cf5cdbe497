import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { adminOpens, shot, useBrowserSession } from './session.js';

// 黑白名单 in Chromium: an administrator previews this month's lists on the lists panel and publishes them; the public
// page /lists shows the month without a login (both lists, the changes marked, a search) and its CSV downloads.

const session = useBrowserSession();

describe('黑白名单 publication in Chromium', () => {
  test('an administrator publishes a month; the public page shows it and the CSV downloads', async () => {
    const { page, errors } = await adminOpens(session, 'lists');
    await page.getByTestId('lists-admin-month').waitFor();
    const month = await page.getByTestId('lists-admin-month').inputValue();
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    expect(await page.getByTestId('lists-admin-publish').isDisabled()).toBe(true);
    await page.getByTestId('lists-admin-preview').click();
    const preview = page.getByTestId('lists-admin-preview-result');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.innerText()).toContain(`${month} 预览（未发布）`);
    expect(await page.getByTestId('lists-admin-preview-result-diff').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'lists-01-admin-preview');

    await page.getByTestId('lists-admin-publish').click();
    await page.getByTestId('lists-admin-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lists-admin-done').innerText()).toContain(`已发布 ${month} 第 1 版`);
    await expect.poll(() => page.getByTestId('lists-admin-history').locator('li').count()).toBe(1);
    // Publishing the same month again is refused: the panel offers a correction instead.
    await page.getByTestId('lists-admin-preview').click();
    await page.getByTestId('lists-admin-error').waitFor();
    expect(await page.getByTestId('lists-admin-error').innerText()).toContain('已发布');
    await page.getByTestId('lists-admin-note').waitFor();
    await shot(page, 'lists-02-admin-published');
    expect(errors).toEqual([]);

    // The public page, in a fresh context: no session.
    const pub = await session.newPage();
    await pub.setViewportSize({ width: 1440, height: 1000 });
    await pub.goto(`${session.server.url}/lists`);
    await pub.getByTestId('lists-black').waitFor({ timeout: 30_000 });
    expect(await pub.getByTestId('lists-month').inputValue()).toBe(month);
    expect(await pub.getByTestId('lists-version').innerText()).toContain('第 1 版');
    expect(await pub.getByTestId('lists-synthetic').innerText()).toContain('模拟数据');
    const blackRows = pub.getByTestId('lists-black').locator('tbody tr');
    const total = await blackRows.count();
    expect(total).toBeGreaterThan(0);
    // The first publication compares with the registry before it: the changes are marked in the tables.
    expect(await pub.locator('[data-change=added]').count()).toBeGreaterThan(0);
    await shot(pub, 'lists-03-public');
    const firstName = await blackRows.first().locator('td').nth(1).innerText();
    await pub.getByTestId('lists-search').fill(firstName);
    await expect.poll(() => blackRows.count()).toBeLessThan(total);
    expect(await blackRows.first().locator('td').nth(1).innerText()).toBe(firstName);
    await pub.getByTestId('lists-search').fill('');

    const [download] = await Promise.all([pub.waitForEvent('download'), pub.getByTestId('lists-csv').click()]);
    expect(download.suggestedFilename()).toBe(`lists_${month}_v1.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('名单 (list)');
    expect(text).toContain(firstName);

    // The month's own address, in English.
    await pub.goto(`${session.server.url}/lists/${month}?lang=en`);
    await pub.getByTestId('lists-white').waitFor({ timeout: 30_000 });
    expect(await pub.getByTestId('lists-white').innerText()).toContain('White list');
    await shot(pub, 'lists-04-public-en');
    // A month not published says so.
    await pub.goto(`${session.server.url}/lists/2020-01`);
    await pub.getByTestId('lists-missing').waitFor({ timeout: 30_000 });
  });
});

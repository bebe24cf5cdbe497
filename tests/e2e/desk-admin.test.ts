import gcoord from 'gcoord';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn } from './browser.js';
import { shot, useBrowserSession } from './session.js';

// The desk's tools in Chromium: an administrator edits the responsibility matrix (a new version, the dispatch follows
// it) and imports the national platform's complaints CSV (a bad row refuses the whole file, the fixed file goes in).

const session = useBrowserSession();

async function openDesk(page: Page, user: string): Promise<void> {
  await page.goto(session.server.url);
  await logIn(page, user);
  await page.getByTestId('open-desk').click();
  await page.waitForSelector('[data-testid=desk][data-loading=false]', { timeout: 60_000 });
}

const matrixIdle = (page: Page) => page.waitForSelector('[data-testid=desk-matrix][data-loading=false] [data-testid=matrix-table]', { timeout: 60_000 });
const importIdle = (page: Page) => page.waitForSelector('[data-testid=desk-import][data-loading=false] [data-testid=import-report]', { timeout: 60_000 });

const api = async (page: Page, method: 'GET' | 'POST', path: string, body?: unknown) => {
  const answer = await page.request.fetch(`${session.server.url}${path}`, { method, ...(body === undefined ? {} : { data: body }) });
  return { status: answer.status(), body: await answer.json() };
};

const HEADER = '投诉编号,投诉时间,所属区,投诉地址,投诉类型,投诉内容,被投诉机构,联系电话,经度,纬度';

describe('the desk’s tools in Chromium', () => {
  test('an administrator changes a rule of the matrix, saves version 2, sees it in the history; a clue dispatched then follows it', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'admin');
    await page.getByTestId('desk-open-matrix').click();
    await matrixIdle(page);
    expect(new URL(page.url()).search).toContain('view=matrix');
    expect(await page.getByTestId('matrix-in-force').getAttribute('data-version')).toBe('1');
    expect(await page.getByTestId('matrix-row').count()).toBeGreaterThan(5);

    // The online rule: by the keyboard to its form.
    await page.locator('[data-testid=matrix-row][data-rule=online] [data-testid=matrix-row-edit]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=matrix-form][data-rule=online]').waitFor();

    // A reason too short is named under its field as it is typed, and the save waits for it.
    await page.getByTestId('matrix-form-reason').fill('短');
    await page.getByTestId('matrix-issue-reason').waitFor();
    expect(await page.getByTestId('matrix-save').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=matrix-row][data-rule=online] .matrix-flag').count()).toBe(1);

    const reason = '线上违规培训：公安部门牵头查网络平台，教育部门认定培训性质';
    await page.getByTestId('matrix-form-reason').fill(reason);
    await page.getByTestId('matrix-form-lead').selectOption('public_security');
    await page.getByTestId('matrix-form-co-education').check();
    expect(await page.getByTestId('matrix-issue-reason').count()).toBe(0);
    await shot(page, 'desk-matrix-1920');
    await page.getByTestId('matrix-save').click();
    await page.getByTestId('matrix-saved').waitFor({ timeout: 30_000 });
    await matrixIdle(page);
    expect(await page.getByTestId('matrix-in-force').getAttribute('data-version')).toBe('2');
    const newest = page.getByTestId('matrix-version').first();
    expect(await newest.getAttribute('data-version')).toBe('2');
    expect(await newest.getAttribute('data-current')).toBe('true');
    const changes = await newest.getByTestId('matrix-version-changes').textContent();
    expect(changes).toContain('online');
    expect(changes).toContain('牵头部门');
    expect(await page.locator('[data-testid=matrix-row][data-rule=online] [data-testid=matrix-row-reason]').textContent()).toBe(reason);

    // A clue of the kind the rule covers, dispatched after the save, names the new rule's lead and reason.
    const institution = await api(page, 'GET', '/api/institutions?bbox=121.3,31.2,121.5,31.3&district=310107&limit=1');
    const created = await api(page, 'POST', '/api/clues', {
      source: '12345',
      reportedAt: '2026-10-31T10:00:00+08:00',
      geometry: { type: 'Point', coordinates: institution.body.features[0].geometry.coordinates },
      address: '普陀区 某小区 网课',
      description: '线上直播学科类培训',
      suspectedType: 'online',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await api(page, 'POST', `/api/clues/${created.body.id}/register`, {});
    const dispatched = await api(page, 'POST', `/api/clues/${created.body.id}/dispatch`, {});
    expect(dispatched.body.properties).toMatchObject({ matrixVersion: 2, matrixRuleId: 'online', leadDepartment: 'public_security', dispatchReason: reason });

    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'desk-matrix-1366');
  });

  test('an administrator imports the platform CSV: one bad row names its line and field and nothing goes in; fixed, both rows reach the queue', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'admin');
    const institution = await api(page, 'GET', '/api/institutions?bbox=121.3,31.2,121.5,31.3&district=310107&limit=1');
    const [x, y] = gcoord.transform<[number, number]>(institution.body.features[0].geometry.coordinates, gcoord.WGS84, gcoord.GCJ02);
    const row = (id: string, when: string) => [id, when, '普陀区', '普陀区 长寿路 1 号 502', '居民楼内办班', '居民楼内违规培训', '某某教育', '13900001111', x, y].join(',');
    const file = (rows: string[]) => ({ name: 'complaints.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n'), 'utf8') });
    const platformTotal = async () => (await api(page, 'GET', '/api/clues/queue?source=platform&limit=1')).body.total as number;
    const before = await platformTotal();

    await page.getByTestId('desk-open-import').click();
    await page.getByTestId('import-drop').waitFor();
    await page.getByTestId('import-file').setInputFiles(file([row('PS-E2E-1', '2026-10-20 14:22'), row('PS-E2E-2', '2026-13-01 09:00')]));
    await importIdle(page);
    expect(await page.getByTestId('import-encoding').inputValue()).toBe('auto');
    expect(await page.getByTestId('import-map-externalId').inputValue()).toBe('0');
    expect(await page.getByTestId('import-map-lat').inputValue()).toBe('9');
    expect(await page.getByTestId('import-sample').locator('tbody tr').count()).toBe(2);
    const problem = page.getByTestId('import-problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-line')).toBe('3');
    expect(await problem.getAttribute('data-field')).toBe('reportedAt');
    expect(await problem.textContent()).toContain('投诉时间');
    expect(await problem.textContent()).toContain('不是有效时间');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot(page, 'desk-import-1920');
    expect(await platformTotal()).toBe(before);

    // The fixed file, dropped onto the zone: clean, then imported whole.
    const fixed = [HEADER, row('PS-E2E-1', '2026-10-20 14:22'), row('PS-E2E-2', '2026-10-21 09:05')].join('\n');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'complaints-fixed.csv', { type: 'text/csv' }));
      document.querySelector('[data-testid=import-drop]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, fixed);
    await expect.poll(() => page.getByTestId('import-drop').textContent(), { timeout: 30_000 }).toContain('complaints-fixed.csv');
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-clean'), { timeout: 30_000 }).toBe('true');
    await importIdle(page);
    expect(await page.getByTestId('import-rows').locator('tbody tr').count()).toBe(2);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'desk-import-1366');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result').getAttribute('data-count')).toBe('2');
    expect(await platformTotal()).toBe(before + 2);

    // The link opens the queue filtered to the platform's clues, the two among them.
    expect(await page.getByTestId('import-open-queue').getAttribute('href')).toBe('/desk?source=platform');
    await page.getByTestId('import-open-queue').click();
    await page.waitForSelector('[data-testid=desk][data-loading=false]', { timeout: 60_000 });
    expect(await page.getByTestId('desk-filter-source').inputValue()).toBe('platform');
    await expect.poll(async () => Number((await page.getByTestId('desk-total').textContent())?.match(/\d+/)?.[0])).toBe(before + 2);
  });

  test('a planner is not shown the matrix editor, not even at its address', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDesk(page, 'planner');
    expect(await page.getByTestId('desk-open-matrix').count()).toBe(0);
    expect(await page.getByTestId('desk-open-import').count()).toBe(1);
    await page.goto(`${session.server.url}/desk?view=matrix`);
    await page.getByTestId('desk-matrix-forbidden').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('matrix-table').count()).toBe(0);
    expect(await page.getByTestId('matrix-save').count()).toBe(0);
  });
});

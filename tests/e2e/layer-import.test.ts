import { describe, expect, test } from 'vitest';
import { adminOpens, plannerRefused, shot, useBrowserSession } from './session.js';

// 图层导入 in Chromium: an administrator chooses a CSV whose rows have problems and reads them by line and field, maps
// an unusual header by hand, then imports a clean file all at once and finds its institutions afterwards.

const session = useBrowserSession();

const header = '机构名称,统一社会信用代码,类别,性质,状态,地址,经度,纬度\n';
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('the layer import page in Chromium', () => {
  test('a refused file lists its problems; a header mapped by hand; a clean file imported all at once', async () => {
    const { page, errors } = await adminOpens(session, 'imports');
    await page.getByTestId('imports-empty').waitFor();
    expect(await page.getByTestId('imports-guide').innerText()).toContain('统一社会信用代码');

    await page.getByTestId('import-file').setInputFiles(
      csvFile('bad.csv', `${header}浏览器甲,,学科类,营利,持证,普陀区真如路1号,121.40,31.25\n浏览器乙,,学科类,营利,开业,长宁区2号,121.42,31.22\n浏览器丙,,学科类,营利,持证,北京,116.40,39.90\n`),
    );
    await page.getByTestId('imports-problems').waitFor();
    const problems = page.getByTestId('imports-problem');
    await expect.poll(() => problems.count()).toBe(2);
    expect(await problems.nth(0).getAttribute('data-path')).toBe('line 3.status');
    expect(await problems.nth(0).innerText()).toContain('第 3 行');
    expect(await problems.nth(1).innerText()).toContain('outside Shanghai');
    expect(await page.getByTestId('imports-commit').isDisabled()).toBe(true);
    await shot(page, 'layer-import-01-refused');

    // A registry's export with its own header for the name: found by nothing, mapped by hand, checked again.
    await page.getByTestId('import-file').setInputFiles(csvFile('mapped.csv', '单位,类别,性质,状态,地址,经度,纬度\n浏览器丁,体育,营利,已登记,静安区3号,121.45,31.23\n浏览器戊,科技,营利,持证,普陀区4号,121.41,31.25\n'));
    await expect.poll(() => page.getByTestId('imports-problem').first().getAttribute('data-path')).toBe('header.name');
    await page.getByTestId('imports-map-name').selectOption('单位');
    await expect.poll(() => page.getByTestId('imports-summary').getAttribute('data-clean')).toBe('true');
    expect(await page.getByTestId('imports-ready').innerText()).toBe('2');
    await shot(page, 'layer-import-02-clean');

    await page.getByTestId('imports-commit').click();
    await page.getByTestId('imports-done').waitFor();
    expect(await page.getByTestId('imports-done').getAttribute('data-count')).toBe('2');
    expect(await page.getByTestId('imports-done').innerText()).toContain('已从 mapped.csv 导入 2 条培训机构');
    await shot(page, 'layer-import-03-done');

    const found = await page.evaluate(async () => (await fetch('/api/institutions/search?q=浏览器丁', { credentials: 'same-origin' })).json());
    expect(JSON.stringify(found)).toContain('浏览器丁');
    expect(errors).toEqual([]);
  });

  test('a planner is refused the page and offered no button for it', async () => {
    const { notice, buttons } = await plannerRefused(session, 'imports');
    expect(await notice.innerText()).toContain('仅管理员可导入图层');
    expect(buttons).toBe(0);
  });
});

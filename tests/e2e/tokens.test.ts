import { describe, expect, test } from 'vitest';
import { adminOpens, plannerRefused, shot, useBrowserSession } from './session.js';

// GIS令牌 in Chromium: an administrator issues a district token, sees its secret once, and the secret reads that
// district's features at /ogc until the token is revoked on the same page.

const session = useBrowserSession();

const readDistricts = (secret: string) =>
  fetch(`${session.server.url}/ogc/collections/districts/items`, { headers: { Authorization: `Bearer ${secret}` } });

describe('GIS tokens in Chromium', () => {
  test('an administrator issues a district token, which reads its district alone until revoked', async () => {
    const { page, errors } = await adminOpens(session, 'tokens');
    await page.getByTestId('token-name').fill('QGIS 普陀分局');
    await page.getByTestId('token-district').selectOption('310107');
    await page.getByTestId('token-issue').click();
    const secret = (await page.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^jogis_/);
    await expect.poll(() => page.getByTestId('token-row').count()).toBe(1);
    expect(await page.getByTestId('token-row').innerText()).toContain('普陀区');
    await shot(page, 'tokens-01-issued');

    const read = await readDistricts(secret);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { features: { id: string }[] }).features.map((f) => f.id)).toEqual(['310107']);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('token-revoke').click();
    await expect.poll(() => page.getByTestId('token-row').getAttribute('data-revoked')).toBe('true');
    expect(await page.getByTestId('token-row').innerText()).toContain('已撤销');
    expect((await readDistricts(secret)).status).toBe(401);
    expect(errors).toEqual([]);
  });

  test('a planner is refused the page', async () => {
    const { notice, buttons } = await plannerRefused(session, 'tokens');
    expect(await notice.innerText()).toContain('仅管理员可管理GIS令牌');
    expect(buttons).toBe(0);
  });
});

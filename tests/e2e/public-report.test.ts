import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { testJpeg } from '../support/images.js';
import { shot, useBrowserSession } from './session.js';

const session = useBrowserSession();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 768 };
const CONTACT = '13912345678';
/** In 普陀区. */
const PUTUO_POINT = { lat: 31.2494, lon: 121.3975 };

async function openReport(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.goto(`${session.server.url}/report`);
  await page.getByTestId('report-form').waitFor();
  await page.locator('[data-testid=report-map][data-ready=true]').waitFor({ timeout: 60_000 });
}

async function fillText(page: Page, description: string) {
  await page.getByTestId('report-category').selectOption('residential_flat');
  await page.getByTestId('report-description').fill(description);
  await page.getByTestId('report-contact').fill(CONTACT);
}

/** The page scrolls in its own container: back to its top for a screenshot. */
const toTop = (page: Page) => page.locator('.public-report').evaluate((element) => element.scrollTo(0, 0));

/** Sends the form and follows the receipt's link to the tracking page; answers the tracking code. */
async function submitAndTrack(page: Page, name: string): Promise<string> {
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-receipt').waitFor({ timeout: 60_000 });
  const code = (await page.getByTestId('report-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await toTop(page);
  await shot(page, `${name}-receipt`);
  await page.getByTestId('report-track-link').click();
  await page.waitForURL((url) => url.pathname === `/track/${code}`);
  await page.getByTestId('track-view').waitFor({ timeout: 30_000 });
  return code;
}

describe('随手拍 and tracking in Chromium, without a login', () => {
  test('on a phone (390×844): a photo, a tap on the map, the form sent, the tracking page shows 已受理 and no phone', async () => {
    const page = await session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openReport(page, PHONE);
    // No login form anywhere: the page is public.
    expect(await page.getByTestId('login-submit').count()).toBe(0);

    // Sent empty: an error beside each field that needs one, and nothing sent.
    await page.getByTestId('report-submit').click();
    for (const field of ['category', 'description', 'position']) await page.getByTestId(`report-error-${field}`).waitFor();
    await shot(page, 'public-report-390-errors');

    await page.getByTestId('report-photo-input').setInputFiles({ name: 'street.jpg', mimeType: 'image/jpeg', buffer: await testJpeg(800, 600) });
    await page.locator('.report-photos__item img').waitFor();
    // A photo without GPS places nothing: the map does.
    expect(await page.getByTestId('report-position').textContent()).toContain('尚未选定位置');
    const map = (await page.getByTestId('report-map').boundingBox())!;
    // The map's centre is People's Square (黄浦区); the click scrolls it into view first.
    await page.getByTestId('report-map').click({ position: { x: map.width / 2, y: map.height / 2 } });
    await expect.poll(() => page.getByTestId('report-position').textContent()).toContain('已在地图上选定');
    expect(await page.getByTestId('report-error-position').count()).toBe(0);
    await fillText(page, '小区 5 号楼 2 楼每晚有学生进出补课');
    await toTop(page);
    await shot(page, 'public-report-390-form');
    // The rest of the form, below the fold.
    await page.locator('.public-report').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await shot(page, 'public-report-390-form-bottom');

    await submitAndTrack(page, 'public-report-390');
    const steps = await page.getByTestId('track-steps').locator('li').allTextContents();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toContain('已受理');
    expect(await page.getByTestId('track-status').textContent()).toContain('已受理');
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(CONTACT);
    expect(text).not.toContain('5678');
    expect(text).toContain('居民楼');
    await shot(page, 'public-report-390-track');
    expect(errors).toEqual([]);
  });

  test('at a desk (1366×768), in English: a photo with GPS places the report by itself', async () => {
    const page = await session.newPage();
    await page.setViewportSize(DESK);
    await page.goto(`${session.server.url}/report?lang=en`);
    await page.locator('[data-testid=report-map][data-ready=true]').waitFor({ timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Report irregular tutoring');
    const photo = await testJpeg(1200, 900, { gps: PUTUO_POINT, dateTimeOriginal: '2026:11:01 19:30:00' });
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'gps.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => page.getByTestId('report-position').textContent()).toContain("photo's GPS");
    await fillText(page, 'Pupils go in and out of flat 502 every evening');
    await page.waitForTimeout(800);
    await toTop(page);
    await shot(page, 'public-report-1366-form');
    await submitAndTrack(page, 'public-report-1366');
    expect(await page.getByTestId('track-steps').textContent()).toContain('Received');
    expect(await page.locator('.track__facts').textContent()).toContain('Putuo');
    await shot(page, 'public-report-1366-track');
  });

  test('a photo that is not an image is refused on the page, before anything is sent', async () => {
    const page = await session.newPage();
    await openReport(page, PHONE);
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/public/reports')) posted++;
    });
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not an image at all') });
    await page.getByTestId('report-error-photos').waitFor();
    expect(await page.getByTestId('report-error-photos').textContent()).toContain('notes.jpg');
    expect(await page.locator('.report-photos__item').count()).toBe(0);
    expect(posted).toBe(0);
  });

  test('/track without a code: the code box; a malformed code is refused on the page, an unknown one answers not found', async () => {
    const page = await session.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${session.server.url}/track`);
    await page.getByTestId('track-box').waitFor();
    await page.getByTestId('track-code-input').fill('12345');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('查询码为 16 位字母或数字').waitFor();
    await shot(page, 'public-track-390-box');
    // Lower case without dashes is read as meant, and lands on the canonical address.
    await page.getByTestId('track-code-input').fill('zzzzzzzzzzzzzzzz');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/track/ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByTestId('track-missing').waitFor();
    expect(await page.getByTestId('track-missing').textContent()).toContain('未找到');
  });
});

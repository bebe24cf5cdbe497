import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { freePort } from '../../scripts/browser/server-process.js';
import { pdfPageTexts, squeezed } from '../support/pdf-text.js';
import { drawNoticeFixture, LONG_ADDRESS } from '../fixtures/dispatch-sheets.js';
import { launchBrowser, screenshotDir } from './browser.js';
import { shot } from './session.js';

// The dispatch sheets and the 一公开 notice in Chromium, on a test page of their own (tests/e2e/fixtures/dispatch,
// served by vite's dev server, never part of the app's build): on screen at 1920×1080 and 1366×768, by keyboard, and
// printed — the print media, and Chromium's own print to PDF read back.

const fixtureRoot = fileURLToPath(new URL('./fixtures/dispatch/', import.meta.url));
let vite: ViteDevServer | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'jointops-dispatch-vite-'));

beforeAll(async () => {
  const port = await freePort();
  vite = await createServer({
    configFile: false,
    root: fixtureRoot,
    plugins: [react()],
    cacheDir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
  });
  await vite.listen();
  baseUrl = `http://127.0.0.1:${port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const pages: Page[] = [];
afterAll(async () => {
  for (const page of pages) await page.context().close().catch(() => {});
});

/** window.print opens no dialog in a test: it counts. */
const COUNT_PRINTS = 'window.jointopsPrints = 0; window.print = () => { window.jointopsPrints += 1; };';

async function open(search: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript({ content: COUNT_PRINTS });
  const page = await context.newPage();
  pages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl}${search}`);
  await page.getByTestId(search.includes('notice') ? 'draw-notice' : 'dispatch-view').waitFor({ timeout: 60_000 });
  expect(errors, 'no errors on the page').toEqual([]);
  return page;
}

const fixtureState = (page: Page) => page.evaluate<{ downloads: number; csv: number; prints: number }>('({ ...window.jointopsFixture, prints: window.jointopsPrints })');

/** Tab until the element with `testId` has the focus; the number of presses it took. */
async function tabTo(page: Page, testId: string): Promise<number> {
  for (let presses = 1; presses <= 15; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement?.dataset?.testid ?? ""')) === testId) return presses;
  }
  throw new Error(`${testId} never took the focus`);
}

describe('dispatch sheets (派单) in Chromium', () => {
  test('on screen at 1920×1080: two sheets on paper, the map, the tables, the checklists', async () => {
    const page = await open('');
    const sheets = page.getByTestId('dispatch-sheet');
    expect(await sheets.count()).toBe(2);
    const first = sheets.first();
    expect(await first.locator('h2').innerText()).toBe('校外培训联合执法检查派单');
    expect(await first.getByTestId('dispatch-map-stop').count()).toBe(6);
    expect(await sheets.nth(1).getByTestId('dispatch-map-stop').count()).toBe(3);
    expect(await first.getByTestId('dispatch-members').innerText()).toContain('沪执310101030007');
    expect(squeezed(await first.getByTestId('dispatch-stops').innerText())).toContain(squeezed(LONG_ADDRESS));
    expect(await first.getByTestId('dispatch-check').count()).toBe(6);
    // The long address wraps inside the paper: nothing sticks out of the sheet.
    const overflow = await page.evaluate(
      '[...document.querySelectorAll(".dispatch-sheet")].map((s) => s.scrollWidth - s.clientWidth)',
    );
    expect(overflow).toEqual([0, 0]);
    await shot(page, 'dispatch-01-sheets-1920');
    await first.getByTestId('dispatch-check').first().scrollIntoViewIfNeeded();
    await shot(page, 'dispatch-02-checklist-1920');
  });

  test('print and download work from the keyboard; the download shows its progress', async () => {
    const page = await open('');
    await tabTo(page, 'dispatch-print');
    await page.keyboard.press('Enter');
    expect((await fixtureState(page)).prints).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('dispatch-download');
    await page.keyboard.press('Enter');
    const button = page.getByTestId('dispatch-download');
    await expect.poll(() => button.getAttribute('aria-busy')).toBe('true');
    expect(await button.innerText()).toContain('正在生成 PDF');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    // A second press while busy asks for nothing more, and the focus stays on the button.
    await page.keyboard.press('Enter');
    expect((await fixtureState(page)).downloads).toBe(1);
    await expect.poll(() => button.getAttribute('aria-busy'), { timeout: 5000 }).toBe('false');
    expect(await button.innerText()).toBe('下载 PDF');
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('dispatch-download');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await fixtureState(page)).downloads).toBe(2);
  });

  test('a failed download says so, and the next try can succeed', async () => {
    const page = await open('?download=fail');
    await page.getByTestId('dispatch-download').click();
    await page.getByTestId('dispatch-download-error').waitFor();
    expect(await page.getByTestId('dispatch-download-error').innerText()).toBe('PDF 生成失败，请重试');
    expect(await page.getByTestId('dispatch-download').isDisabled()).toBe(false);
    await shot(page, 'dispatch-03-download-failed-1920');
  });

  test('at 1366×768 the paper fits the window', async () => {
    const page = await open('', { width: 1366, height: 768 });
    const box = await page.getByTestId('dispatch-sheet').first().boundingBox();
    expect(box!.x).toBeGreaterThan(0);
    expect(box!.x + box!.width).toBeLessThan(1366);
    expect(await page.evaluate('document.querySelector(".dispatch-view").scrollWidth <= document.querySelector(".dispatch-view").clientWidth')).toBe(true);
    await shot(page, 'dispatch-04-sheets-1366');
  });

  test('printed: no app chrome, no toolbar, each sheet from a new page, A4 with page numbers', async () => {
    const page = await open('');
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).display`);
    expect(await display('.topbar')).toBe('none');
    expect(await display('.dispatch-toolbar')).toBe('none');
    expect(await page.evaluate('getComputedStyle(document.querySelectorAll(".dispatch-sheet")[1]).breakBefore')).toBe('page');
    expect(await page.evaluate('getComputedStyle(document.querySelector(".dispatch-sheet")).boxShadow')).toBe('none');
    // The app is dark: in a dark colour scheme Chromium paints the page margins dark too.
    expect(await page.evaluate('getComputedStyle(document.documentElement).colorScheme')).toBe('light');
    await page.screenshot({ path: join(screenshotDir, 'dispatch-05-print-emulated.png'), fullPage: true });

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(screenshotDir, 'dispatch-06-printed.pdf'), pdf);
    // Chromium maps some glyphs of the system's Noto Sans CJK back to radicals (页 reads ⻚, 黄 ⻩): NFKC folds the
    // Kangxi ones, and the page-number pattern does not depend on the rest.
    const texts = (await pdfPageTexts(new Uint8Array(pdf))).map((text) => squeezed(text.normalize('NFKC')));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    texts.forEach((text, i) => expect(text).toMatch(new RegExp(`第${i + 1}\\S/共${texts.length}\\S`)));
    expect(texts.join('')).not.toContain('synthetic');
    expect(texts.join('')).not.toContain('下载PDF');
    const titled = texts.flatMap((text, i) => (text.includes('校外培训联合执法检查派单') ? [i] : []));
    expect(titled).toHaveLength(2);
    // The second team's sheet starts a page of its own: nothing of the first team's is on it.
    expect(texts[titled[1]]).not.toContain('李晓梅');
    expect(texts[titled[1]]).toContain('第2组');
  });

  test('no sheets: an empty state, and nothing to print', async () => {
    const page = await open('?view=empty');
    expect(await page.getByTestId('dispatch-empty').innerText()).toBe('没有可打印的派单');
    expect(await page.getByTestId('dispatch-print').isDisabled()).toBe(true);
    expect(await page.getByTestId('dispatch-download').isDisabled()).toBe(true);
  });

  test('in English', async () => {
    const page = await open('?lang=en', { width: 1366, height: 768 });
    expect(await page.getByTestId('dispatch-sheet').first().locator('h2').innerText()).toBe('Joint enforcement dispatch sheet');
    expect(await page.getByTestId('dispatch-print').innerText()).toBe('Print');
    await shot(page, 'dispatch-07-english-1366');
  });
});

describe('一公开 notice in Chromium', () => {
  test('the draw’s facts, its hash and the objects with their credit codes; CSV by keyboard; printed alone', async () => {
    const page = await open('?view=notice');
    expect(await page.getByTestId('draw-notice-hash').innerText()).toBe(drawNoticeFixture().poolHash);
    expect(await page.getByTestId('draw-notice-commitment').innerText()).toBe(drawNoticeFixture().seedCommitment);
    const rows = page.getByTestId('draw-notice-objects').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(2).innerText()).toContain('913101013352Q0452P');
    expect(await page.getByTestId('draw-notice').innerText()).toContain('5%（检查对象名录库 80 家，抽取 4 家）');
    await shot(page, 'dispatch-08-notice-1920');
    await tabTo(page, 'draw-notice-csv');
    await page.keyboard.press('Enter');
    expect((await fixtureState(page)).csv).toBe(1);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'dispatch-09-notice-1366');
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate('getComputedStyle(document.querySelector(".dispatch-toolbar")).display')).toBe('none');
    await page.screenshot({ path: join(screenshotDir, 'dispatch-10-notice-print.png'), fullPage: true });
  });
});

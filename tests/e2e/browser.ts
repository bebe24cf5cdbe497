import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'jointops-demo';
export const VIEWPORT = { width: 1600, height: 900 };

export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: /用户名|Username/ }).fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
}

/** Waits until the map has loaded and no layer is loading any more, then lets a few frames render. */
export async function waitForMapIdle(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForSelector('[data-testid=dashboard][data-loading=false]', { timeout: timeoutMs });
  await page.waitForTimeout(1500);
  await page.waitForSelector('[data-testid=dashboard][data-loading=false]', { timeout: timeoutMs });
}

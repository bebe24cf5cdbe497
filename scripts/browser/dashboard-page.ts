import type { Page } from 'playwright-core';

// What the browser tests and the browser benchmark do on the dashboard page, by its roles and test ids.

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'jointops-demo';

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await fillLogin(page, username, password);
  await submitLogin(page);
}

/** Types the credentials into the login form, without sending it. */
export async function fillLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: /用户名|Username/ }).fill(username);
  await page.locator('input[name=password]').fill(password);
}

/** Presses 登录 and waits for the dashboard. */
export async function submitLogin(page: Page): Promise<void> {
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
}

/** Waits until the map has loaded and no layer is loading any more, then lets a few frames render. */
export async function waitForMapIdle(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForSelector('[data-testid=dashboard][data-loading=false]', { timeout: timeoutMs });
  await page.waitForTimeout(1500);
  await page.waitForSelector('[data-testid=dashboard][data-loading=false]', { timeout: timeoutMs });
}

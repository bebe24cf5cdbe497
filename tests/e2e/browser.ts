import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/browser/chromium.js';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const VIEWPORT = { width: 1600, height: 900 };

export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return launchChromium();
}

export { logIn, waitForMapIdle, DEMO_PASSWORD } from '../../scripts/browser/dashboard-page.js';

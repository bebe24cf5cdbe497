import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless (the browser tests and the browser benchmark): WebGL2 through SwiftShader, so maplibre and
 * deck.gl draw and their pixels can be read. Without the background-networking flags Chromium keeps trying hosts a
 * closed network refuses.
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}

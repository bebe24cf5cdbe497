// Frames per second of the wall in Chromium at a wall's sizes, as its map flies from district to district (the tour's
// districts scene, 5 s each): requestAnimationFrame callbacks counted over 20 s, and the map's pixel ratio the page
// chose (web/state/wall.ts mapPixelRatio). Headless Chromium draws WebGL through SwiftShader, a software GPU: its
// figures are a floor, far below any real GPU's. Prints JSON.
//
//   npm run --silent bench:wall-fps [-- --seconds 20]
import { launchChromium } from '../browser/chromium.js';
import { DEMO_PASSWORD } from '../browser/dashboard-page.js';
import { startServer } from '../browser/server-process.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const seconds = Number(option('seconds', '20'));
const sizes = [
  { width: 1920, height: 1080, deviceScaleFactor: 1 },
  { width: 3840, height: 2160, deviceScaleFactor: 1 },
  { width: 1920, height: 1080, deviceScaleFactor: 2 },
  { width: 7680, height: 2160, deviceScaleFactor: 1 },
];
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

progress('starting the server (the first start builds the demo data)');
const server = await startServer();
try {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const created = await fetch(`${server.url}/api/wall-displays`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ name: 'fps', districtCode: null, playlist: { scenes: [{ scene: 'districts', dwellSeconds: 5 }], nightHours: null } }),
  });
  const { path } = (await created.json()) as { path: string };
  const browser = await launchChromium();
  const runs = [];
  for (const size of sizes) {
    progress(`${size.width}×${size.height} @${size.deviceScaleFactor}`);
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.deviceScaleFactor });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.getByTestId('wall-kpis').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3_000);
    // In-page code is a string: the scripts are compiled without the DOM's types.
    const frames = await page.evaluate<number>(`new Promise((done) => {
      let n = 0;
      const end = performance.now() + ${seconds * 1000};
      const tick = (t) => { n++; if (t < end) requestAnimationFrame(tick); else done(n); };
      requestAnimationFrame(tick);
    })`);
    const ratio = Number(await page.getByTestId('wall').getAttribute('data-pixel-ratio'));
    const map = (await page.getByTestId('wall-map').boundingBox())!;
    runs.push({
      viewport: `${size.width}x${size.height}`,
      deviceScaleFactor: size.deviceScaleFactor,
      mapCss: `${Math.round(map.width)}x${Math.round(map.height)}`,
      mapPixelRatio: ratio,
      mapCanvasMegapixels: Math.round((map.width * map.height * ratio * ratio) / 1e4) / 100,
      fps: Math.round((frames / seconds) * 10) / 10,
    });
    await context.close();
  }
  await browser.close();
  console.log(JSON.stringify({ gpu: 'SwiftShader (software)', seconds, runs }, null, 2));
} finally {
  await server.stop();
}

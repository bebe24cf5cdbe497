/**
 * The desk dashboard as a user meets it, timed in headless Chromium (SwiftShader) on the demo data:
 *
 *   npm run --silent bench:dashboard [-- --url http://127.0.0.1:8787] [--viewport 1920x1080] [--steps 10]
 *
 * Without --url it starts the server on a fresh embedded database (the demo build takes a minute). Prints one JSON
 * document: per viewport, the time from pressing 登录 to each layer's count and to an idle map, the hot spot layer's
 * first (after 5 s spent reading the first view) and cached toggles, the emerging hot spots' first and cached toggles, and a drag of the hot spot slider:
 * for each step the time from the input event to the first frame painted after the layer changed, the longest
 * main-thread stall meanwhile and the long tasks, then how long the other layers take to follow the release.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.js';
import { fillLogin, submitLogin } from '../browser/dashboard-page.js';
import { startServer } from '../browser/server-process.js';
import { monotonicClock } from '../../server/domain/clock.js';

const USAGE = 'usage: bench:dashboard [--url <server>] [--viewport <w>x<h> …] [--steps <n>]';

function parseArgs(argv: string[]) {
  const viewports: { width: number; height: number }[] = [];
  let url: string | undefined;
  let steps = 10;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--url' && value) {
      url = value;
      i++;
    } else if (argv[i] === '--steps' && value && Number.isInteger(Number(value)) && Number(value) > 0) {
      steps = Number(value);
      i++;
    } else if (argv[i] === '--viewport' && value && /^\d+x\d+$/.test(value)) {
      const [width, height] = value.split('x').map(Number);
      viewports.push({ width, height });
      i++;
    } else {
      process.stderr.write(`bench:dashboard: unknown or incomplete option ${argv[i]}\n${USAGE}\n`);
      process.exit(2);
    }
  }
  return { url, steps, viewports: viewports.length ? viewports : [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }] };
}

const round = (ms: number) => Math.round(ms);
const SETTLE_MS = 10_000;
const READ_MS = 5_000;
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Watches the page's main thread: long tasks and the stalls of a 50 ms timer. Page code is text: it runs in Chromium. */
const WATCH_MAIN_THREAD = `(() => {
  const w = window;
  w.benchStalls = [];
  w.benchLongTasks = [];
  let last = performance.now();
  setInterval(() => { const now = performance.now(); w.benchStalls.push(now - last - 50); last = now; }, 50);
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) w.benchLongTasks.push(e.duration); }).observe({ type: 'longtask' }); } catch {}
})()`;

/** Polls a page expression every 50 ms (page.waitForFunction would eval it in the page, which the app's CSP forbids). */
async function until(page: Page, predicate: string, timeoutMs = 180_000): Promise<void> {
  const deadline = monotonicClock() + timeoutMs;
  while (!(await page.evaluate(predicate))) {
    if (monotonicClock() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const layerCount = (id: string) =>
  `(() => { const row = document.querySelector('[data-testid=toggle-${id}]')?.closest('.layer-row'); return !!row && !!row.querySelector('.count, .hint') && !row.querySelector('.spinner'); })()`;
const idle = `document.querySelector('[data-testid=dashboard]')?.getAttribute('data-loading') === 'false'`;
const hotspotsReady = `(() => { const p = document.querySelector('[data-testid=hotspot-panel]'); return !!document.querySelector('[data-testid=hotspot-stats]') && p?.getAttribute('data-loading') === 'false'; })()`;
const emergingReady = `(() => { const p = document.querySelector('[data-testid=hotspot-panel]'); return p?.getAttribute('data-loading') === 'false' && !!document.querySelector('[data-testid=emerging-legend] .count'); })()`;

async function timed(work: () => Promise<void>): Promise<number> {
  const start = monotonicClock();
  await work();
  return round(monotonicClock() - start);
}

async function toggle(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Space');
}

async function toggleUntil(page: Page, testId: string, ready: string): Promise<void> {
  await toggle(page, testId);
  await until(page, ready);
}

/** Drags the start handle of the hot spot slider `steps` steps to the left, one mouse move a step. */
async function dragSlider(page: Page, steps: number) {
  await page.evaluate(`(() => {
    const w = window;
    w.benchSteps = [];
    const slider = document.querySelector('[data-testid=hotspot-slider-from]');
    const stats = document.querySelector('[data-testid=hotspot-stats]');
    let pending = null;
    slider.addEventListener('input', () => { pending = { input: performance.now() }; }, true);
    new MutationObserver(() => {
      if (!pending || pending.changed) return;
      const step = pending;
      step.changed = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { step.painted = performance.now(); w.benchSteps.push(step); }));
    }).observe(stats, { subtree: true, characterData: true, childList: true, attributes: true });
    w.benchStalls = [];
    w.benchLongTasks = [];
  })()`);
  const slider = page.getByTestId('hotspot-slider-from');
  const box = (await slider.boundingBox())!;
  const max = Number(await slider.getAttribute('max'));
  const value = Number(await slider.inputValue());
  const y = box.y + box.height / 2;
  const thumb = box.x + 8 + ((box.width - 16) * value) / max;
  const stepPixels = Math.max(2, Math.min(12, (thumb - box.x - 8) / (steps + 1)));
  await page.mouse.move(thumb, y);
  await page.mouse.down();
  const started = monotonicClock();
  for (let k = 1; k <= steps; k++) {
    await page.mouse.move(thumb - k * stepPixels, y);
    // Waited for in the page, not by polling it: a poll every 50 ms would itself compete with the frames measured.
    await page.evaluate(`new Promise((resolve) => { const check = () => (window.benchSteps.length >= ${k} ? resolve(null) : setTimeout(check, 20)); check(); })`);
  }
  const dragMs = monotonicClock() - started;
  await page.mouse.up();
  const released = monotonicClock();
  await until(page, idle, 240_000);
  const followMs = monotonicClock() - released;
  const steps_ = await page.evaluate<{ input: number; changed: number; painted: number }[]>('window.benchSteps');
  const stalls = await page.evaluate<number[]>('window.benchStalls');
  const longTasks = await page.evaluate<number[]>('window.benchLongTasks');
  const latencies = steps_.map((s) => s.painted - s.input);
  return {
    steps: latencies.length,
    stepToPaintMs: { median: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), max: round(Math.max(...latencies)) },
    stepToUpdateMs: { median: round(percentile(steps_.map((s) => s.changed - s.input), 0.5)) },
    perStepMs: latencies.map(round),
    dragTotalMs: round(dragMs),
    longestMainThreadStallMs: round(Math.max(0, ...stalls)),
    longTasks: { count: longTasks.length, totalMs: round(longTasks.reduce((a, b) => a + b, 0)) },
    otherLayersAfterReleaseMs: round(followMs),
  };
}

async function measureViewport(url: string, viewport: { width: number; height: number }, steps: number) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.addInitScript(WATCH_MAIN_THREAD);
    await page.goto(url);
    // The clock starts as 登录 is pressed: typing the credentials is the script's time, not the dashboard's.
    await fillLogin(page, 'admin');
    const loginStart = monotonicClock();
    await submitLogin(page);
    const sinceLogin = () => round(monotonicClock() - loginStart);
    const layers: Record<string, number> = {};
    await Promise.all(
      ['districts', 'grid', 'institutions', 'heatmap'].map(async (id) => {
        await until(page, layerCount(id));
        layers[id] = sinceLogin();
      }),
    );
    await until(page, idle);
    const mapIdle = sinceLogin();
    // As a user would, the first view is read before anything is switched on; the dashboard prepares the hot spot
    // analysis meanwhile (its inputs and canvas), which is what the first toggle then measures.
    await page.waitForTimeout(READ_MS);

    // Hot spots, then emerging hot spots on top; both off; the same again, now answered from the caches.
    const showHotspots = () => timed(() => toggleUntil(page, 'toggle-hotspots', hotspotsReady));
    const showEmerging = () => timed(() => toggleUntil(page, 'toggle-emerging', emergingReady));
    const hotspotsFirst = await showHotspots();
    const emergingFirst = await showEmerging();
    await toggle(page, 'toggle-emerging');
    await toggle(page, 'toggle-hotspots');
    await until(page, idle);
    const hotspotsCached = await showHotspots();
    const emergingCached = await showEmerging();
    await toggle(page, 'toggle-emerging');
    await until(page, idle);
    // As a user reading the result would: SwiftShader compiles the shaders of the layers just shown and uploads their
    // buffers for a few seconds after a toggle, and a drag started meanwhile measures that work, not the drag.
    await page.waitForTimeout(SETTLE_MS);
    const slider = await dragSlider(page, steps);
    await context.close();
    return {
      viewport: `${viewport.width}x${viewport.height}`,
      afterLoginMs: { layerCounts: layers, mapIdle },
      readBeforeFirstToggleMs: READ_MS,
      hotspotsMs: { firstToggle: hotspotsFirst, cachedToggle: hotspotsCached },
      emergingMs: { firstToggle: emergingFirst, cachedToggle: emergingCached },
      slider: { settleBeforeDragMs: SETTLE_MS, ...slider },
    };
  } finally {
    await browser.close();
  }
}

const args = parseArgs(process.argv.slice(2));
const server = args.url ? null : await startServer();
try {
  const url = args.url ?? server!.url;
  const runs = [];
  for (const viewport of args.viewports) runs.push(await measureViewport(url, viewport, args.steps));
  process.stdout.write(
    `${JSON.stringify({ benchmark: 'dashboard in headless Chromium (SwiftShader), demo data', server: args.url ? 'given' : 'started (embedded PGlite)', runs }, null, 2)}\n`,
  );
} finally {
  await server?.stop();
}

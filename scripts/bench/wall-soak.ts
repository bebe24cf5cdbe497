// The wall left alone: the built server (a child process, fresh demo data) and one display touring every scene at
// D seconds each, open in headless Chromium at 1920×1080 with `?refresh=5`, for M minutes. Every minute, after a
// forced GC: the JS heap, the document's nodes and the renderer's (their difference: nodes kept alive outside the
// document, i.e. detached), the event listeners; every second the scene shown; throughout, the console's errors and
// the page's, and reloads. Reports the growth from the sample at minute 2 (after the first tour and the map's
// warm-up) to the last. JSON on stdout, progress on stderr.
//
//   npm run --silent bench:wall-soak [-- --minutes 30 --dwell 5]
import { systemClock } from '../../server/domain/clock.js';
import { readFileSync } from 'node:fs';
import { wallScenes } from '../../server/contract/wall-displays.js';
import { launchChromium } from '../browser/chromium.js';
import { startServer } from '../browser/server-process.js';
import { round } from './api/stats.js';
import { createDisplay, ensureWebBuilt, openWall, wallState } from './wall/browser-run.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const minutes = Number(option('minutes', '30'));
const dwell = Number(option('dwell', '5'));
const warmUpMinutes = 2;
const targets = { heapGrowthPercent: 10, detachedNodeGrowth: 0, consoleErrors: 0 };
const progress = (message: string) => process.stderr.write(`[wall-soak] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!(minutes > warmUpMinutes)) throw new RangeError(`--minutes must be more than ${warmUpMinutes}`);
if (!Number.isInteger(dwell) || dwell < 5) throw new RangeError('--dwell must be an integer ≥ 5 (the playlist’s bound)');

/** The server's resident memory, from /proc (Linux); null elsewhere. */
function rssMiB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}

// Every node of the document, text and comments too (as the renderer's count has them), shadow roots included; and
// performance.memory. A string: this project's Node scripts are compiled without the DOM's types.
const IN_PAGE = `(() => {
  let count = 1;
  const walk = (rootNode) => {
    const walker = document.createTreeWalker(rootNode, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) {
      count += 1;
      if (walker.currentNode.shadowRoot) walk(walker.currentNode.shadowRoot);
    }
  };
  walk(document);
  return { documentNodes: count, usedJSHeapSize: performance.memory ? performance.memory.usedJSHeapSize : null };
})()`;

async function main() {
  ensureWebBuilt(progress);
  progress('starting the server (fresh demo data: a minute or two)');
  const server = await startServer();
  const browser = await launchChromium(['--enable-precise-memory-info']);
  try {
    const path = await createDisplay(server.url, {
      name: '大屏耐久',
      districtCode: null,
      playlist: { scenes: wallScenes.map((scene) => ({ scene, dwellSeconds: dwell })), nightHours: null },
    });
    const watch = await openWall(browser, server.url, path.replace('/wall#', '/wall?refresh=5#'));
    const { page } = watch;
    await page.waitForSelector('[data-testid=wall][data-stream=live]', { timeout: 120_000 });
    progress('the wall is live');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const samples: {
      minute: number;
      jsHeapUsedMiB: number;
      usedJSHeapSizeMiB: number | null;
      rendererNodes: number;
      documentNodes: number;
      detachedNodes: number;
      listeners: number;
      serverRssMiB: number | null;
    }[] = [];
    const sample = async (minute: number) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      const inPage = await page.evaluate<{ documentNodes: number; usedJSHeapSize: number | null }>(IN_PAGE);
      const rendererNodes = metric('Nodes');
      samples.push({
        minute,
        jsHeapUsedMiB: round(metric('JSHeapUsedSize') / 2 ** 20, 2),
        usedJSHeapSizeMiB: inPage.usedJSHeapSize === null ? null : round(inPage.usedJSHeapSize / 2 ** 20, 2),
        rendererNodes,
        documentNodes: inPage.documentNodes,
        detachedNodes: rendererNodes - inPage.documentNodes,
        listeners: metric('JSEventListeners'),
        serverRssMiB: rssMiB(server.pid),
      });
      const s = samples.at(-1)!;
      progress(`minute ${minute}: heap ${s.jsHeapUsedMiB} MiB, nodes ${s.documentNodes} (+${s.detachedNodes} detached), listeners ${s.listeners}, server rss ${s.serverRssMiB} MiB`);
    };

    const scenesSeen = new Map<string, number>();
    const streamStates = new Map<string, number>();
    let staleSeconds = 0;
    let blankSeconds = 0;
    const started = systemClock().getTime();
    await sample(0);
    for (let second = 1; second <= minutes * 60; second++) {
      await sleep(started + second * 1000 - systemClock().getTime());
      const s = await wallState(page).catch(() => null);
      if (!s || !s.exists) blankSeconds += 1;
      else {
        const key = s.scene === 'districts' ? `districts:${s.step}` : (s.scene ?? '?');
        scenesSeen.set(key, (scenesSeen.get(key) ?? 0) + 1);
        streamStates.set(s.stream ?? '?', (streamStates.get(s.stream ?? '?') ?? 0) + 1);
        if (s.stale === 'true') staleSeconds += 1;
      }
      if (second % 60 === 0) await sample(second / 60);
    }

    const first = samples.find((s) => s.minute === warmUpMinutes)!;
    const last = samples.at(-1)!;
    const growth = (a: number, b: number) => round(((b - a) / a) * 100, 1);
    const scenes = [...new Set([...scenesSeen.keys()].map((k) => k.split(':')[0]))];
    const heapGrowthPercent = growth(first.jsHeapUsedMiB, last.jsHeapUsedMiB);
    const errors = watch.consoleErrors.length + watch.pageErrors.length;
    const result = {
      minutes,
      dwellSeconds: dwell,
      viewport: '1920x1080',
      gpu: 'SwiftShader (software)',
      warmUpMinutes,
      heap: { what: 'Performance.getMetrics JSHeapUsedSize after HeapProfiler.collectGarbage', firstMiB: first.jsHeapUsedMiB, lastMiB: last.jsHeapUsedMiB, growthPercent: heapGrowthPercent, maxMiB: Math.max(...samples.map((s) => s.jsHeapUsedMiB)) },
      documentNodes: { first: first.documentNodes, last: last.documentNodes, growth: last.documentNodes - first.documentNodes, max: Math.max(...samples.map((s) => s.documentNodes)) },
      detachedNodes: {
        what: 'renderer nodes (Performance.getMetrics Nodes, after GC) minus the nodes in the document: an estimate',
        first: first.detachedNodes,
        last: last.detachedNodes,
        growth: last.detachedNodes - first.detachedNodes,
      },
      listeners: { first: first.listeners, last: last.listeners, growth: last.listeners - first.listeners },
      serverRssMiB: { first: first.serverRssMiB, last: last.serverRssMiB },
      scenesSeen: scenes,
      everyScene: wallScenes.every((s) => scenes.includes(s)),
      secondsPerScene: Object.fromEntries([...scenesSeen].filter(([k]) => !k.startsWith('districts:'))),
      districtStepsSeen: [...scenesSeen.keys()].filter((k) => k.startsWith('districts:')).length,
      districtSeconds: [...scenesSeen].filter(([k]) => k.startsWith('districts:')).reduce((n, [, v]) => n + v, 0),
      streamSeconds: Object.fromEntries(streamStates),
      staleSeconds,
      blankSeconds,
      reloads: watch.navigations(),
      consoleErrors: watch.consoleErrors.length,
      pageErrors: watch.pageErrors.length,
      firstErrors: [...watch.pageErrors, ...watch.consoleErrors].slice(0, 10),
      samples,
      targets,
      met: {
        heapGrowth: heapGrowthPercent < targets.heapGrowthPercent,
        noDetachedGrowth: last.detachedNodes - first.detachedNodes <= targets.detachedNodeGrowth,
        noConsoleErrors: errors === 0,
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

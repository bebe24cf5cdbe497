// The wall through a server crash: the built server (a child process) on a data directory of its own, a display open
// in headless Chromium at 1920×1080 with `?refresh=5`. Once the wall is live and every panel current, the server is
// killed (SIGKILL: no clean shutdown) and kept down for D seconds; meanwhile, every second, whether the page still
// shows the wall (its root, the KPI strip's figures, no error page) and which panels say they are stale. Then the
// server is started again on the same port and directory, and the wall is timed from the server's first healthy answer
// until it is live with every panel current again, with no navigation of the page in between. JSON on stdout,
// progress on stderr.
//
//   npm run --silent bench:wall-fault [-- --down-seconds 60]
import { systemClock } from '../../server/domain/clock.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../browser/chromium.js';
import { startServer } from '../browser/server-process.js';
import { round } from './api/stats.js';
import { createDisplay, ensureWebBuilt, isCurrent, openWall, streamOpens, wallState, type WallState } from './wall/browser-run.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const downSeconds = Number(option('down-seconds', '60'));
const recoveryTimeoutMs = 180_000;
const targets = { blankSeconds: 0, staleMarkerShown: true, currentAfterRestartSeconds: 10, reloads: 0 };
const progress = (message: string) => process.stderr.write(`[wall-fault] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!(downSeconds > 0)) throw new RangeError('--down-seconds must be a positive number');

/** Shown: the wall's root, figures in its KPI strip, and the page still the wall's (not Chromium's error page). */
const shown = (s: WallState | null): boolean => s !== null && s.exists && /\d/.test(s.kpiText) && s.url.includes('/wall');

async function main() {
  ensureWebBuilt(progress);
  const dataDir = mkdtempSync(join(tmpdir(), 'jointops-wall-fault-'));
  progress('starting the server (fresh demo data: a minute or two)');
  let server = await startServer({ dataDir });
  const port = Number(new URL(server.url).port);
  const browser = await launchChromium();
  try {
    const path = await createDisplay(server.url, {
      name: '大屏断电',
      districtCode: null,
      playlist: { scenes: [{ scene: 'overview', dwellSeconds: 30 }, { scene: 'ranking', dwellSeconds: 30 }, { scene: 'board', dwellSeconds: 30 }], nightHours: null },
    });
    const watch = await openWall(browser, server.url, path.replace('/wall#', '/wall?refresh=5#'));
    const { page } = watch;
    const currentSince = systemClock().getTime();
    while (!isCurrent(await wallState(page))) {
      if (systemClock().getTime() - currentSince > 120_000) throw new Error(`the wall did not become current: ${JSON.stringify(await wallState(page))}`);
      await sleep(250);
    }
    progress('the wall is live and current; killing the server');
    const navigationsBefore = watch.navigations();
    const errorsBefore = watch.consoleErrors.length;

    await server.crash();
    const killedAt = systemClock().getTime();
    const down: { second: number; shown: boolean; stream: string | null; stalePanels: number; panels: number }[] = [];
    let firstStaleSecond: number | null = null;
    let allStaleSecond: number | null = null;
    for (let second = 1; second <= downSeconds; second++) {
      await sleep(killedAt + second * 1000 - systemClock().getTime());
      const s = await wallState(page).catch(() => null);
      const stalePanels = s ? s.panels.filter((p) => p.stale === 'true').length : 0;
      down.push({ second, shown: shown(s), stream: s?.stream ?? null, stalePanels, panels: s?.panels.length ?? 0 });
      if (stalePanels > 0 && firstStaleSecond === null) firstStaleSecond = second;
      if (s && stalePanels === s.panels.length && s.panels.length > 0 && allStaleSecond === null) allStaleSecond = second;
      if (second % 10 === 0) progress(`down ${second} s: stream ${s?.stream}, ${stalePanels}/${s?.panels.length ?? 0} panels stale`);
    }
    const restartedAt = systemClock().getTime();
    progress('starting the server again on the same port and data');
    server = await startServer({ dataDir, port });
    const readyAt = systemClock().getTime();
    progress(`ready after ${round((readyAt - restartedAt) / 1000, 1)} s; waiting for the wall`);
    let liveAt: number | null = null;
    let currentAt: number | null = null;
    let last: WallState | null = null;
    let blankAfterRestart = 0;
    while (systemClock().getTime() - readyAt < recoveryTimeoutMs) {
      last = await wallState(page).catch(() => null);
      if (!shown(last)) blankAfterRestart += 1;
      if (last?.stream === 'live' && liveAt === null) liveAt = systemClock().getTime();
      if (last && isCurrent(last)) {
        currentAt = systemClock().getTime();
        break;
      }
      await sleep(100);
    }
    const blankSeconds = down.filter((d) => !d.shown).length;
    const currentAfterRestartSeconds = currentAt === null ? null : round((currentAt - readyAt) / 1000, 1);
    const reloads = watch.navigations() - navigationsBefore;
    const opens = (await streamOpens(page)).filter((at) => at >= killedAt);
    const result = {
      downSeconds,
      refreshSeconds: 5,
      killedWith: 'SIGKILL',
      restartToReadySeconds: round((readyAt - restartedAt) / 1000, 1),
      blankSeconds,
      blankSamplesAfterRestart: blankAfterRestart,
      firstStalePanelAfterKillSeconds: firstStaleSecond,
      allPanelsStaleAfterKillSeconds: allStaleSecond,
      streamWhileDown: down.reduce<Record<string, number>>((n, d) => ({ ...n, [d.stream ?? 'none']: (n[d.stream ?? 'none'] ?? 0) + 1 }), {}),
      liveAfterReadySeconds: liveAt === null ? null : round((liveAt - readyAt) / 1000, 1),
      currentAfterRestartSeconds,
      /** The stream's reconnect attempts (EventSource constructions), in seconds after the kill; then the restart's. */
      streamAttemptsAfterKillSeconds: opens.map((at) => round((at - killedAt) / 1000, 1)),
      readyAfterKillSeconds: round((readyAt - killedAt) / 1000, 1),
      stateAtEnd: currentAt === null ? last : undefined,
      reloads,
      consoleErrorsDuringOutage: watch.consoleErrors.length - errorsBefore,
      consoleErrorKinds: [...new Set(watch.consoleErrors.slice(errorsBefore).map((e) => e.replace(/\d+/g, 'N')))].slice(0, 5),
      pageErrors: watch.pageErrors.length,
      perSecond: down,
      targets,
      met: {
        neverBlank: blankSeconds === 0 && blankAfterRestart === 0,
        staleMarkerShown: firstStaleSecond !== null,
        currentInTime: currentAfterRestartSeconds !== null && currentAfterRestartSeconds <= targets.currentAfterRestartSeconds,
        noReloads: reloads === 0,
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

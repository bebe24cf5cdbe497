// Time of the map's live hot spot recompute (web/analysis: sum the per-day counts of the range, then Gi* with FDR on
// prebuilt queen weights) for 50,000 grid cells and 1,000,000 clues over two years of days. Prints JSON.
//
//   npx tsx scripts/bench/hotspot-live.ts [--cells 50000] [--clues 1000000] [--runs 200]
import { weightsFromNeighbourLists } from '../../server/analytics/index.js';
import { createRandom } from '../../server/domain/random.js';
import type { CellCounts } from '../../server/contract/index.js';
import { cellMatrixFrom, sumSteps } from '../../web/analysis/cell-matrix.js';
import { createLiveHotspots } from '../../web/analysis/live-hotspots.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const nCells = option('cells', 50_000);
const nClues = option('clues', 1_000_000);
const runs = option('runs', 200);
const days = 730;
const FRAME_MS = 1000 / 60;

const round = (v: number, digits = 3) => Number(v.toFixed(digits));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** A square-ish raster of cells with queen neighbours (up to 8 each), like a 网格 layer. */
function queenRaster(n: number) {
  const cols = Math.ceil(Math.sqrt(n * 1.25));
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const list: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (dr === 0 && dc === 0) continue;
        const rr = r + dr;
        const cc = c + dc;
        const j = rr * cols + cc;
        if (rr >= 0 && cc >= 0 && cc < cols && j < n) list.push(j);
      }
    }
    lists.push(list);
  }
  return weightsFromNeighbourLists(lists, 'queen');
}

function syntheticCounts(weights: ReturnType<typeof queenRaster>): CellCounts {
  const prng = createRandom(20261121);
  const random = () => prng.next();
  // Clustered: half the clues fall in 200 hot neighbourhoods, the rest anywhere.
  const centres = Array.from({ length: 200 }, () => Math.floor(random() * nCells));
  const perDay = new Map<number, Map<number, number>>();
  for (let k = 0; k < nClues; k++) {
    let cell = Math.floor(random() * nCells);
    if (random() < 0.5) {
      const centre = centres[Math.floor(random() * centres.length)];
      const row = weights.neighbours.subarray(weights.offsets[centre], weights.offsets[centre + 1]);
      cell = random() < 0.4 || row.length === 0 ? centre : row[Math.floor(random() * row.length)];
    }
    const day = Math.floor(random() * days);
    let cells = perDay.get(day);
    if (!cells) perDay.set(day, (cells = new Map<number, number>()));
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const stepOffsets = [0];
  const cellIndex: number[] = [];
  const count: number[] = [];
  for (let d = 0; d < days; d++) {
    const cells = [...(perDay.get(d) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]);
    for (const [cell, n] of cells) {
      cellIndex.push(cell);
      count.push(n);
    }
    stepOffsets.push(count.length);
  }
  return {
    from: '2024-11-21T16:00:00.000Z',
    to: '2026-11-21T16:00:00.000Z',
    step: 'day',
    districtCode: null,
    stepStarts: Array.from({ length: days }, (_, d) => new Date(Date.UTC(2024, 10, 22 + d)).toISOString().slice(0, 10)),
    cellIds: Array.from({ length: nCells }, (_, i) => i + 1),
    stepOffsets,
    cellIndex,
    count,
    neighbours: { weights: 'queen', offsets: Array.from(weights.offsets), index: Array.from(weights.neighbours) },
  };
}

/**
 * Wall-clock median, p95 and max of `runs` calls, and the mean CPU time of this process per call: on a machine whose
 * cores are shared the wall clock includes waiting for a core, the CPU time does not.
 */
function time(work: () => void): { medianMs: number; p95Ms: number; maxMs: number; cpuMsPerRun: number } {
  for (let w = 0; w < 5; w++) work();
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  return {
    medianMs: round(quantile(samples, 0.5)),
    p95Ms: round(quantile(samples, 0.95)),
    maxMs: round(samples[samples.length - 1]),
    cpuMsPerRun: round((cpu.user + cpu.system) / 1000 / runs),
  };
}

const weights = queenRaster(nCells);
const body = syntheticCounts(weights);
let t0 = performance.now();
const matrix = cellMatrixFrom(body);
const matrixMs = performance.now() - t0;
t0 = performance.now();
const live = createLiveHotspots(matrix);
const setupMs = performance.now() - t0;

const out = new Float64Array(nCells);
const ranges = [30, 90, 365, 730].map((length) => {
  const from = days - length;
  // A drag moves the range by one day per event: alternate between two neighbouring ranges so nothing is cached.
  let flip = 0;
  const whole = time(() => {
    flip ^= 1;
    live.forSteps(from - flip, days - flip);
  });
  const sum = time(() => {
    flip ^= 1;
    sumSteps(matrix, from - flip, days - flip, out);
  });
  const entries = matrix.stepOffsets[days] - matrix.stepOffsets[from];
  return { rangeDays: length, entriesSummed: entries, recompute: whole, sumOnly: sum, withinFrameWallClockP95: whole.p95Ms < FRAME_MS, withinFrameCpu: whole.cpuMsPerRun < FRAME_MS };
});

const frame = live.forSteps(days - 90, days);
let hot = 0;
for (const b of frame.result.binFdr) if (b > 0) hot++;

console.log(
  JSON.stringify(
    {
      benchmark: 'live hot spot recompute in the browser path (web/analysis)',
      runtime: `node ${process.version}`,
      loadAverage: (await import('node:os')).loadavg().map((v) => round(v, 1)),
      cores: (await import('node:os')).cpus().length,
      cells: nCells,
      clues: nClues,
      days,
      nonZeroCellDays: matrix.count.length,
      meanNeighbours: round(weights.neighbours.length / nCells, 2),
      frameBudgetMs: round(FRAME_MS, 2),
      oneOff: { matrixFromResponseMs: round(matrixMs, 1), weightsSetupMs: round(setupMs, 1) },
      runsPerRange: runs,
      ranges,
      sanity: { hotCellsFdrLast90Days: hot },
    },
    null,
    2,
  ),
);

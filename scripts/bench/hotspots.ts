// Benchmark of the Gi* hotspot path on 50,000 grid cells with distance-band weights (8 neighbours
// inside the grid), against R spdep on the same data when Rscript is available. Prints JSON.
//
//   npm run --silent bench:hotspots [-- --cols 250 --rows 200 --reps 7 --no-r]

import { cpus, loadavg } from 'node:os';
import { emergingHotspots } from '../../server/analytics/emerging.js';
import { createGiStarComputer } from '../../server/analytics/gistar.js';
import { permutationPValuesFor } from '../../server/analytics/permutation.js';
import { contiguityWeights } from '../../server/analytics/weights/contiguity.js';
import { distanceBandWeights } from '../../server/analytics/weights/distanceBand.js';
import { gridSquares } from './hotspots/gridData.js';
import { lonLatFromGrid } from './hotspots/lonLat.js';
import { makeCounts, makeGrid } from './hotspots/gridData.js';
import { timeSpdep } from './hotspots/spdep.js';
import { medianMs, round } from './hotspots/timing.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const cols = option('cols', 250);
const rows = option('rows', 200);
const reps = option('reps', 7);
const cell = 250;
const distance = 1.5 * cell;
const { n, xy, values } = makeGrid(cols, rows, cell, 1);

let weights = distanceBandWeights(xy, { distance, planar: true });
const weightsTime = medianMs(reps, () => {
  weights = distanceBandWeights(xy, { distance, planar: true });
});
const lonLat = lonLatFromGrid(xy);
const lonLatWeightsTime = medianMs(reps, () => distanceBandWeights(lonLat.points, { distance: lonLat.distanceMetres(distance) }));
const squares = gridSquares(xy, cell);
const queenTime = medianMs(Math.min(reps, 3), () => contiguityWeights(squares, { rule: 'queen' }));
const rookEdgesTime = medianMs(Math.min(reps, 3), () => contiguityWeights(squares, { rule: 'rook', match: 'edges' }));
let computer = createGiStarComputer(weights);
const prepareTime = medianMs(reps, () => {
  computer = createGiStarComputer(weights);
});
const oneShotTime = medianMs(reps, () => createGiStarComputer(weights).compute(values));
// The live path: new values (e.g. another time range) on prebuilt weights, every call different.
const valueSets = Array.from({ length: 8 }, (_, s) => makeCounts(cols, rows, 100 + s));
const recomputeTime = medianMs(Math.max(reps, 50), (run) => {
  computer.compute(valueSets[(run + 8) % 8]);
});
const z = Float64Array.from(computer.compute(values).z);
// Emerging hot spots on a year of monthly counts for the same cells (server side).
const months = 12;
const cube = new Float64Array(n * months);
for (let t = 0; t < months; t++) cube.set(makeCounts(cols, rows, 200 + t), t * n);
const emergingTime = medianMs(Math.min(reps, 3), () => emergingHotspots({ nCells: n, nSteps: months, values: cube }, { weights, timeNeighbourSteps: 1 }));
const permutationTime = medianMs(1, () => permutationPValuesFor(computer, values, { permutations: 99, seed: 1 }));

const spdep = process.argv.includes('--no-r') ? { skipped: '--no-r given' } : timeSpdep(xy, values, distance, Math.min(reps, 3));
let comparison: Record<string, number> | { skipped: string };
if ('skipped' in spdep) {
  comparison = { skipped: spdep.skipped };
} else {
  let maxAbsDiffZ = 0;
  for (let i = 0; i < n; i++) maxAbsDiffZ = Math.max(maxAbsDiffZ, Math.abs(spdep.z[i] - z[i]));
  const spdepWeightsMs = spdep.dnearneighMs + spdep.includeSelfNb2listwMs;
  comparison = {
    maxAbsDiffZ,
    weightsSpeedup: round(spdepWeightsMs / weightsTime.medianMs, 1),
    statisticSpeedup: round(spdep.localGMs / oneShotTime.medianMs, 1),
    recomputeSpeedup: round(spdep.localGMs / recomputeTime.medianMs, 1),
    endToEndSpeedup: round((spdepWeightsMs + spdep.localGMs) / (weightsTime.medianMs + oneShotTime.medianMs), 1),
  };
}
const { z: _z, ...spdepTimes } = 'z' in spdep ? spdep : { ...spdep, z: null };

console.log(
  JSON.stringify(
    {
      data: { cells: n, grid: `${cols} x ${rows}`, cellMetres: cell, distanceMetres: distance, meanNeighbours: round(weights.neighbours.length / n, 2) },
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, loadAverage1m: round(loadavg()[0], 2) },
      ours: {
        distanceBandPlanar: weightsTime,
        distanceBandGreatCircle: lonLatWeightsTime,
        queenContiguityPolygons: queenTime,
        rookContiguityEdgeMatching: rookEdgesTime,
        prepareComputer: prepareTime,
        giStarOneShotWithFdr: oneShotTime,
        giStarRecomputeWithFdr: recomputeTime,
        permutations99: permutationTime,
        emergingHotspots12Months: emergingTime,
      },
      spdep: spdepTimes,
      comparison,
      frameBudgetMs: 16,
      recomputeWithinFrame: recomputeTime.medianMs < 16,
    },
    null,
    2,
  ),
);

/**
 * npx tsx scripts/bench/network.ts [file.osm | file.osm.gz] [--locations 200] [--repeat 5]
 *
 * Times the road network on an OSM extract (default: the committed demo network) and prints JSON: parse + build,
 * graph preparation (CSR, components, snapping index), an N×N travel-cost matrix for N seeded random locations in
 * the network's bounding box, route geometry for N legs, and the circuity measured on the network (road distance
 * over great-circle distance, pairs farther apart than 500 m) next to the factor the straight-line fallback uses.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DEMO_OSM_FILE } from '../../db/seed/osm/index.js';
import { computeTravelCosts, prepareRoadNetwork, roadNetworkFromOsmXml, routeBetween, summariseNetwork } from '../../server/routing/network/index.js';
import { distanceMetres, type LonLat } from '../../server/domain/geodesy.js';
import { CIRCUITY_FACTOR } from '../../server/domain/travel.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const positional = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
const file = positional[0] ?? DEMO_OSM_FILE;
const locationCount = option('--locations', 200);
const repeat = option('--repeat', 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time<T>(work: () => T): { result: T; ms: number[] } {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    result = work();
    ms.push(performance.now() - started);
  }
  return { result, ms };
}

const bytes = readFileSync(file);
const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');

const parse = time(() => roadNetworkFromOsmXml(text));
const prepare = time(() => prepareRoadNetwork(parse.result.network));
const network = prepare.result;
const summary = summariseNetwork(network);
const [minLon, minLat, maxLon, maxLat] = summary.bbox!;

let seed = 20261121;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const locations: LonLat[] = Array.from({ length: locationCount }, () => [minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat)]);

const matrix = time(() => computeTravelCosts(network, locations, { departureHour: 18 }));
const routes = time(() => {
  let points = 0;
  for (let i = 0; i + 1 < locations.length; i++) points += routeBetween(network, locations[i], locations[i + 1]).coordinates.length;
  return points;
});

const onNetwork = new Set(locations.map((_, i) => i));
for (const i of matrix.result.offNetworkLocations) onNetwork.delete(i);
const ratios: number[] = [];
for (const i of onNetwork) {
  for (const j of onNetwork) {
    const greatCircle = distanceMetres(locations[i], locations[j]);
    if (i !== j && greatCircle > 500) ratios.push(matrix.result.distances[i][j] / greatCircle);
  }
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
process.stdout.write(
  `${JSON.stringify(
    {
      file: file.split('/').slice(-1)[0],
      fileMegabytes: round(text.length / 1e6, 3),
      network: { ...summary, roadKilometres: round(summary.roadKilometres) },
      parseAndBuildMs: round(median(parse.ms)),
      prepareGraphMs: round(median(prepare.ms)),
      matrix: {
        locations: locationCount,
        offNetwork: matrix.result.offNetworkLocations.length,
        unreachablePairs: matrix.result.unreachablePairs.length,
        medianMs: round(median(matrix.ms)),
        pairsPerSecond: Math.round((locationCount * locationCount) / (median(matrix.ms) / 1000)),
      },
      routeGeometry: { legs: locationCount - 1, medianMs: round(median(routes.ms)), points: routes.result },
      circuity: {
        pairs: ratios.length,
        measuredMedian: ratios.length ? round(median(ratios), 3) : null,
        measuredMean: ratios.length ? round(ratios.reduce((a, b) => a + b, 0) / ratios.length, 3) : null,
        fallbackFactor: CIRCUITY_FACTOR,
      },
      repeat,
      node: process.version,
    },
    null,
    2,
  )}\n`,
);

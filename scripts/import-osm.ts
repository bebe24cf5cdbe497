/**
 * npm run import:osm -- <file.osm | file.osm.gz> [--out <network.json.gz>]
 *
 * Reads an OpenStreetMap XML extract, builds the drivable road network and stores it in the database chosen by
 * DATABASE_URL (else the embedded PGlite under DATA_DIR, default ./data), replacing the previous network. With
 * --out the network is written as gzipped JSON instead (that is how the demo seed's copy is made).
 * Exit 2 with a message when the file is missing, not OSM XML, truncated or holds no drivable road.
 */
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { createDb, migrate } from '../db/client.js';
import { replaceRoadNetwork } from '../db/queries/roads.js';
import { progressBar } from './progress-bar.js';
import { createOsmRoadReader, prepareRoadNetwork, RoadNetworkInputError, summariseNetwork, type OsmRoadImport } from '../server/routing/network/index.js';

class UsageError extends Error {}

function parseArguments(argv: string[]): { file: string; out: string | null } {
  const positional: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      out = argv[++i] ?? null;
      if (!out) throw new UsageError('--out needs a file name');
    } else if (argv[i].startsWith('--')) throw new UsageError(`unknown option ${argv[i]}`);
    else positional.push(argv[i]);
  }
  if (positional.length !== 1) throw new UsageError('usage: npm run import:osm -- <file.osm | file.osm.gz> [--out <network.json.gz>]');
  return { file: positional[0], out };
}

async function readOsm(file: string): Promise<OsmRoadImport> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  const raw = createReadStream(file);
  const firstBytes = await new Promise<Buffer>((resolve, reject) => {
    const probe = createReadStream(file, { start: 0, end: 1 });
    probe.once('data', (chunk) => resolve(chunk as Buffer)).once('error', reject).once('end', () => resolve(Buffer.alloc(0)));
  });
  const gzipped = firstBytes[0] === 0x1f && firstBytes[1] === 0x8b;
  let readBytes = 0;
  const bar = progressBar('reading  ');
  raw.on('data', (chunk) => bar(size === 0 ? 1 : (readBytes += chunk.length) / size));
  const text: Readable = gzipped ? raw.pipe(createGunzip()) : raw;
  const decoder = new TextDecoder('utf-8');
  const reader = createOsmRoadReader();
  try {
    for await (const chunk of text) reader.write(decoder.decode(chunk as Buffer, { stream: true }));
  } catch (error) {
    if (error instanceof RoadNetworkInputError) throw error;
    throw new RoadNetworkInputError(`the compressed file is damaged (${(error as Error).message})`);
  }
  reader.write(decoder.decode());
  bar(1);
  return reader.finish();
}

async function main(): Promise<void> {
  const { file, out } = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const imported = await readOsm(file);
  const routable = prepareRoadNetwork(imported.network);
  const summary = summariseNetwork(routable);

  if (out) {
    writeFileSync(out, gzipSync(JSON.stringify(imported.network), { level: 9 }));
  } else {
    const database = await createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' });
    try {
      await migrate(database);
      const bar = progressBar('storing  ');
      await replaceRoadNetwork(database, imported.network, (done, total) => bar(total === 0 ? 1 : done / total));
    } finally {
      await database.close();
    }
  }

  const report = {
    file,
    storedIn: out ?? (process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${process.env.DATA_DIR ?? './data'})`),
    inFile: imported.fileCounts,
    ...imported.report,
    nodes: summary.nodes,
    edges: summary.edges,
    oneWayEdges: summary.oneWayEdges,
    roadKilometres: Number(summary.roadKilometres.toFixed(2)),
    weakComponents: summary.weakComponents,
    strongComponents: summary.strongComponents,
    largestStrongComponentShare: Number(summary.largestStrongComponentShare.toFixed(3)),
    bbox: summary.bbox,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  process.stdout.write(
    [
      `imported ${report.nodes} nodes and ${report.edges} edges (${report.oneWayEdges} one-way), ${report.roadKilometres} km of road`,
      `components: ${report.weakComponents} weak, ${report.strongComponents} strong; ` +
        `the largest strong one holds ${(report.largestStrongComponentShare * 100).toFixed(1)} % of the vertices (routes are computed on it)`,
      JSON.stringify(report),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof RoadNetworkInputError) {
    process.stderr.write(`\nimport:osm: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`\nimport:osm: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

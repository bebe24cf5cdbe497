/**
 * npm run import -- --layer <institutions|clues|grid-cells> [--crs wgs84|gcj02|bd09|cgcs2000] [--encoding utf8|gbk]
 *                   [--dry-run] [--map field=column]… <file>
 *
 * Imports a GeoJSON, CSV or zipped Shapefile into the database chosen by DATABASE_URL (else the embedded PGlite under
 * DATA_DIR, default ./data): every row in one transaction, or none. Progress on stderr; the report as JSON on stdout.
 * Exit 0 imported (or a dry run found nothing wrong), 2 refused (the report names every problem by record and field),
 * 1 a usage error or a failure.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createDb, migrate } from '../db/client.js';
import { systemClock } from '../server/domain/clock.js';
import type { Encoding } from '../server/domain/platform-csv.js';
import { importLayers, type ImportLayer } from '../server/interop/import/layers.js';
import { importCrses, type ByteSource, type ImportCrs } from '../server/interop/import/source.js';
import { CalendarCache } from '../server/services/calendar.js';
import { importLayerFile, type ImportStage } from '../server/services/layer-import.js';
import { progressBar } from './progress-bar.js';

const USAGE =
  'usage: npm run import -- --layer <institutions|clues|grid-cells> [--crs wgs84|gcj02|bd09|cgcs2000] [--encoding utf8|gbk] [--dry-run] [--map field=column]… <file>';

class UsageError extends Error {}

interface Arguments {
  layer: ImportLayer;
  crs?: ImportCrs;
  encoding?: Encoding;
  dryRun: boolean;
  mapping: Record<string, string>;
  file: string;
}

const ENCODINGS: Record<string, Encoding> = { utf8: 'utf-8', 'utf-8': 'utf-8', gbk: 'gbk' };

function parseArguments(argv: readonly string[]): Arguments {
  const positional: string[] = [];
  const mapping: Record<string, string> = {};
  let layer: string | undefined;
  let crs: string | undefined;
  let encoding: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--map=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--layer') layer = value();
    else if (name === '--crs') crs = value().toLowerCase();
    else if (name === '--encoding') encoding = value().toLowerCase();
    else if (name === '--dry-run') dryRun = true;
    else if (name === '--map' || name.startsWith('--map=')) {
      const pair = name.startsWith('--map=') ? name.slice(6) : value();
      const at = pair.indexOf('=');
      if (at <= 0 || at === pair.length - 1) throw new UsageError(`--map needs field=column, not ${JSON.stringify(pair)}`);
      mapping[pair.slice(0, at)] = pair.slice(at + 1);
    } else if (name === '--help' || name === '-h') throw new UsageError(USAGE);
    else if (name.startsWith('--')) throw new UsageError(`unknown option ${name}\n${USAGE}`);
    else positional.push(arg);
  }
  if (!layer) throw new UsageError(`--layer is required\n${USAGE}`);
  if (!(importLayers as readonly string[]).includes(layer)) throw new UsageError(`--layer ${layer}: not one of ${importLayers.join(', ')}`);
  if (crs !== undefined && !(importCrses as readonly string[]).includes(crs)) throw new UsageError(`--crs ${crs}: not one of ${importCrses.join(', ')}`);
  if (encoding !== undefined && !ENCODINGS[encoding]) throw new UsageError(`--encoding ${encoding}: not one of utf8, gbk`);
  if (positional.length !== 1) throw new UsageError(positional.length ? `one file at a time, not ${positional.length}\n${USAGE}` : `no file given\n${USAGE}`);
  return { layer: layer as ImportLayer, crs: crs as ImportCrs | undefined, encoding: encoding ? ENCODINGS[encoding] : undefined, dryRun, mapping, file: positional[0] };
}

/** The file, read in chunks of a megabyte each time the import asks for it: never held whole (a Shapefile's zip aside). */
function fileSource(file: string): ByteSource {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(`cannot read ${file}: a directory`);
    return { size: stat.size, chunks: () => createReadStream(file, { highWaterMark: 1 << 20 }) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const source = fileSource(args.file);
  const database = await createDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? './data' });
  try {
    await migrate(database);
    const bars = new Map<ImportStage, (fraction: number) => void>();
    const report = await importLayerFile(
      { database, now: systemClock, calendar: new CalendarCache() },
      'cli',
      source,
      { layer: args.layer, fileName: basename(args.file), encoding: args.encoding, crs: args.crs, mapping: args.mapping, dryRun: args.dryRun },
      (stage, fraction) => {
        if (!bars.has(stage)) bars.set(stage, progressBar(stage.padEnd(9)));
        bars.get(stage)!(fraction);
      },
    );
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.problemCount ? 2 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof UsageError ? `import: ${error.message}\n` : `import: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

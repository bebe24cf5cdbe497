/**
 * 线索查重: the duplicate groups of a GeoJSON FeatureCollection of clues, one JSON line on stdout, nothing else:
 *
 *   npm run --silent dedup -- <clues.geojson> [--radius <m>] [--window-days <d>] [--threshold <0..1>]
 *   {"groups":[[id, …], …]}
 *
 * Each feature is a Point [lon, lat] (WGS84) with properties id, reportedAt (an ISO instant with its offset),
 * category, text and optionally institutionId; ids are printed as given. Bad arguments or input: one line on
 * stderr naming the feature and field, exit code 2. docs/clues.md describes the rule.
 */
import { readJsonFile } from './cli-input.js';
import { z } from 'zod';
import { AnalyticsInputError } from '../server/analytics/errors.js';
import { duplicateGroups, type DedupClue, type DedupOptions } from '../server/analytics/clue-dedup/index.js';

const USAGE = 'usage: npm run --silent dedup -- <clues.geojson> [--radius <m>] [--window-days <d>] [--threshold <0..1>]';

function fail(message: string): never {
  process.stderr.write(`dedup: ${message}\n`);
  process.exit(2);
}

const FLAGS: Record<string, keyof DedupOptions> = { '--radius': 'radiusMetres', '--window-days': 'windowDays', '--threshold': 'threshold' };

function parseArgs(argv: string[]): { file: string; options: Partial<DedupOptions> } {
  const options: Partial<DedupOptions> = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const key = FLAGS[arg];
      if (!key) fail(`unknown option "${arg}"; ${USAGE}`);
      const text = argv[++i];
      if (text === undefined || text.startsWith('--')) fail(`option ${arg} needs a value`);
      if (key in options) fail(`option ${arg} given twice`);
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) fail(`${arg} must be a number, got "${text}"`);
      options[key] = value;
    } else if (file === undefined) {
      file = arg;
    } else {
      fail(`one input file only, got "${file}" and "${arg}"`);
    }
  }
  if (file === undefined) fail(`missing the clues file; ${USAGE}`);
  return { file, options };
}

const idSchema = z.union([z.string().min(1), z.number().finite()]);
const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number()),
  }),
  properties: z.object({
    id: idSchema,
    reportedAt: z.iso.datetime({ offset: true }),
    category: z.string().min(1),
    text: z.string(),
    institutionId: idSchema.nullable().optional(),
  }),
});
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

function cluesOf(input: unknown, file: string): DedupClue[] {
  const collection = collectionSchema.safeParse(input);
  if (!collection.success) fail(`${file} is not a GeoJSON FeatureCollection`);
  const seen = new Set<string | number>();
  return collection.data.features.map((raw, index) => {
    const parsed = featureSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length > 0 ? issue.path.join('.') : 'feature';
      fail(`feature ${index}: ${field}: ${issue.message}`);
    }
    const { geometry, properties } = parsed.data;
    if (seen.has(properties.id)) fail(`feature ${index}: properties.id: ${JSON.stringify(properties.id)} occurs twice`);
    seen.add(properties.id);
    return {
      id: properties.id,
      lon: geometry.coordinates[0],
      lat: geometry.coordinates[1],
      reportedAtMs: Date.parse(properties.reportedAt),
      category: properties.category,
      text: properties.text,
      institutionId: properties.institutionId ?? null,
    };
  });
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { file, options } = parseArgs(argv);
  const input = readJsonFile(file, fail);
  const { groups } = duplicateGroups(cluesOf(input, file), options);
  process.stdout.write(`${JSON.stringify({ groups })}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof AnalyticsInputError) fail(error.message);
  throw error;
}

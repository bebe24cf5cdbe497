/**
 * 双随机: draws inspection objects from a pool of ids and prints one JSON line on stdout, nothing else:
 *
 *   npm run --silent draw -- --pool <ids.json> --count <n> --seed <text> [--weights <weights.json>]
 *   {"seed":"<text>","poolHash":"<sha-256 hex>","drawn":[ids in draw order]}
 *
 * Uniform without replacement unless weights are given (Efraimidis–Spirakis). The seed is a text, taken as written;
 * the same seed and pool print the same line whatever the order of the pool file. Bad input: one line on stderr,
 * exit code 2. docs/campaigns-draws.md describes the formats.
 */
import { readJsonFile } from './cli-input.js';
import { DomainInputError } from '../server/domain/errors.js';
import { DRAW_USAGE, parseDrawArgs, parseIdWeights, parsePoolIds } from '../server/planning/draw-cli.js';
import { drawInspectionObjects } from '../server/services/draws.js';

function fail(message: string): never {
  process.stderr.write(`draw: ${message}\n`);
  process.exit(2);
}

const readJson = (file: string) => readJsonFile(file, fail);

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${DRAW_USAGE}\n`);
    return;
  }
  const args = parseDrawArgs(argv);
  const ids = parsePoolIds(readJson(args.pool), args.pool, args.count);
  const weights = args.weights === undefined ? undefined : parseIdWeights(readJson(args.weights), ids, args.weights);
  const result = drawInspectionObjects({
    seed: args.seed,
    registry: ids.map((id) => ({ id, ...(weights ? { weight: weights.get(id) } : {}) })),
    sample: { count: args.count },
    stratify: 'none',
    weighting: weights ? 'entry' : 'uniform',
  });
  process.stdout.write(`${JSON.stringify({ seed: result.seed, poolHash: result.poolHash, drawn: result.drawn })}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof DomainInputError) fail(error.message);
  throw error;
}

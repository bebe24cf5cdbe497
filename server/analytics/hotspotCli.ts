// Argument parsing of the hotspot command line, kept pure so that tests need not spawn the CLI.

import { AnalyticsInputError } from './errors.js';
import { parseWeightsSpec, type WeightsSpec } from './weightsSpec.js';

export type HotspotCliArgs = {
  inPath: string;
  outPath: string;
  value: string;
  weights: WeightsSpec;
  planar: boolean;
  style: 'binary' | 'row';
  permutations?: number;
  seed?: number;
};

export const HOTSPOT_USAGE =
  'usage: npm run --silent hotspots -- --in <file.geojson> --value <property> --weights queen|rook|distance:<d>|knn:<k> ' +
  '[--planar] [--style binary|row] [--permutations N --seed S] --out <file.geojson>';

const WITH_VALUE = new Set(['--in', '--out', '--value', '--weights', '--style', '--permutations', '--seed']);
const FLAGS = new Set(['--planar']);

function integer(name: string, text: string, min: number): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new AnalyticsInputError(`${name} must be an integer ≥ ${min}, got "${text}"`);
  return v;
}

/** Parses argv (without node and script). Throws AnalyticsInputError with a one-line message. */
export function parseHotspotCliArgs(argv: string[]): HotspotCliArgs {
  const seen = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (FLAGS.has(arg) && inline === undefined) {
      flags.add(arg);
      continue;
    }
    if (!WITH_VALUE.has(arg)) throw new AnalyticsInputError(`unknown option "${argv[i]}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new AnalyticsInputError(`option ${arg} needs a value`);
    if (seen.has(arg)) throw new AnalyticsInputError(`option ${arg} given twice`);
    seen.set(arg, value);
  }
  for (const required of ['--in', '--out', '--value', '--weights']) {
    if (!seen.has(required)) throw new AnalyticsInputError(`missing ${required}`);
  }
  const style = seen.get('--style') ?? 'binary';
  if (style !== 'binary' && style !== 'row') throw new AnalyticsInputError(`--style must be binary or row, got "${style}"`);
  const args: HotspotCliArgs = {
    inPath: seen.get('--in')!,
    outPath: seen.get('--out')!,
    value: seen.get('--value')!,
    weights: parseWeightsSpec(seen.get('--weights')!),
    planar: flags.has('--planar'),
    style,
  };
  if (seen.has('--permutations')) {
    args.permutations = integer('--permutations', seen.get('--permutations')!, 1);
    args.seed = seen.has('--seed') ? integer('--seed', seen.get('--seed')!, 0) : 1;
  } else if (seen.has('--seed')) {
    throw new AnalyticsInputError('--seed needs --permutations');
  }
  return args;
}

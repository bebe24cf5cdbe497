// Gi* hotspot analysis of a GeoJSON file: writes the features with gi_z, gi_p, gi_p_fdr, gi_bin,
// gi_bin_fdr (and gi_p_sim with --permutations). Bad input: one line on stderr, exit code 2.

import { readFileSync, writeFileSync } from 'node:fs';
import { AnalyticsInputError } from '../server/analytics/errors.js';
import { analyseFeatureHotspots } from '../server/analytics/featureHotspots.js';
import { HOTSPOT_USAGE, parseHotspotCliArgs } from '../server/analytics/hotspotCli.js';

function fail(message: string, code: number): never {
  process.stderr.write(`hotspots: ${message}\n`);
  process.exit(code);
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HOTSPOT_USAGE}\n`);
    return;
  }
  const args = parseHotspotCliArgs(argv);
  let text: string;
  try {
    text = readFileSync(args.inPath, 'utf8');
  } catch (e) {
    throw new AnalyticsInputError(`cannot read ${args.inPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new AnalyticsInputError(`${args.inPath} is not JSON, so not GeoJSON`);
  }
  const out = analyseFeatureHotspots(input, args);
  writeFileSync(args.outPath, JSON.stringify(out));
  const s = out.gi_summary;
  const islands = s.islands.length ? `, ${s.islands.length} without neighbours (${s.islands.slice(0, 10).join(', ')})` : '';
  process.stderr.write(
    `hotspots: ${s.n} features, ${s.weights}, ${s.meanNeighbours.toFixed(2)} neighbours on average${islands}; ` +
      `FDR hot ${s.hotFdr.p90 + s.hotFdr.p95 + s.hotFdr.p99}, cold ${s.coldFdr.p90 + s.coldFdr.p95 + s.coldFdr.p99} → ${args.outPath}\n`,
  );
}

try {
  main();
} catch (e) {
  if (e instanceof AnalyticsInputError) fail(e.message, 2);
  fail(e instanceof Error ? e.message : String(e), 1);
}

/**
 * Solves a VROOM-style routing problem and prints the solution JSON on stdout, nothing else.
 *
 *   npm run --silent vrp -- <problem.json | -> [--time-limit <seconds>] [--seed <n>] [--iterations <n>]
 *
 * Bad input: a message on stderr and exit code 2. With `--iterations` and no time limit the run
 * is fully deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { RoutingInputError } from '../server/routing/problem/errors.js';
import { solve } from '../server/routing/solver/solve.js';

const USAGE = 'usage: vrp <problem.json | -> [--time-limit <seconds>] [--seed <n>] [--iterations <n>]';
const DEFAULT_TIME_LIMIT_SECONDS = 5;

function fail(message: string): never {
  process.stderr.write(`vrp: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let file: string | undefined;
  const numbers: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--time-limit' || a === '--seed' || a === '--iterations') {
      const value = Number(argv[++i]);
      if (argv[i] === undefined || !Number.isFinite(value) || value < 0) fail(`${a} needs a non-negative number\n${USAGE}`);
      numbers[a.slice(2)] = value;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (file === undefined) file = a;
    else fail(`more than one problem file given\n${USAGE}`);
  }
  if (file === undefined) fail(`no problem file given\n${USAGE}`);
  return { file, ...numbers } as { file: string; 'time-limit'?: number; seed?: number; iterations?: number };
}

const args = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
} catch (e) {
  fail(`cannot read ${args.file}: ${(e as Error).message}`);
}
let problem: unknown;
try {
  problem = JSON.parse(text);
} catch (e) {
  fail(`${args.file} is not valid JSON: ${(e as Error).message}`);
}
const timeLimit = args['time-limit'] ?? (args.iterations === undefined ? DEFAULT_TIME_LIMIT_SECONDS : undefined);
try {
  const solution = solve(problem, {
    seed: args.seed ?? 1,
    maxIterations: args.iterations,
    ...(timeLimit !== undefined ? { timeLimitMs: timeLimit * 1000 } : {}),
    now: () => performance.now(),
  });
  process.stdout.write(`${JSON.stringify(solution)}\n`);
} catch (e) {
  if (e instanceof RoutingInputError) fail(e.message);
  throw e;
}

// The draw command line's arguments and files, read without I/O so that each rule is one function. Errors are
// DomainInputErrors whose message is the one line the command prints.
import { DomainInputError } from '../domain/errors.js';
import { checkDrawSeed, sortedPoolIds } from './draw-seed.js';
import { PlanningInputError } from './errors.js';

export const DRAW_USAGE = 'usage: npm run --silent draw -- --pool <ids.json> --count <n> --seed <text> [--weights <weights.json>]';

export interface DrawCliArgs {
  pool: string;
  count: number;
  seed: string;
  weights?: string;
}

const OPTIONS = new Set(['--pool', '--count', '--seed', '--weights']);

const bad = (message: string): never => {
  throw new DomainInputError(message);
};

/** The same check, its issues without the draw's prefix: the command names the file or option itself. */
function plainly<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof PlanningInputError) throw new DomainInputError(error.issues);
    throw error;
  }
}

/** argv without node and the script; `--option value` or `--option=value`. */
export function parseDrawArgs(argv: readonly string[]): DrawCliArgs {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const name = eq > 0 ? argv[i].slice(0, eq) : argv[i];
    if (!OPTIONS.has(name)) bad(`unknown argument "${argv[i]}" (${DRAW_USAGE})`);
    // A seed may itself begin with "--", so the value is the next argument whatever it looks like.
    const value = eq > 0 ? argv[i].slice(eq + 1) : argv[++i];
    if (value === undefined) bad(`${name} needs a value`);
    if (seen.has(name)) bad(`${name} given twice`);
    seen.set(name, value);
  }
  for (const required of ['--pool', '--count', '--seed']) if (!seen.has(required)) bad(`missing ${required} (${DRAW_USAGE})`);
  const countText = seen.get('--count')!;
  if (!/^\d{1,15}$/.test(countText)) bad(`--count must be a non-negative whole number, got "${countText}"`);
  const seed = plainly(() => checkDrawSeed(seen.get('--seed'), '--seed'));
  return { pool: seen.get('--pool')!, count: Number(countText), seed, ...(seen.has('--weights') ? { weights: seen.get('--weights') } : {}) };
}

/** The pool file's content: a JSON array of integer ids, each once, and at least `count` of them. */
export function parsePoolIds(value: unknown, file: string, count: number): number[] {
  if (!Array.isArray(value)) bad(`${file} must hold a JSON array of integer ids, not ${value === null ? 'null' : typeof value}`);
  const ids = value as number[];
  plainly(() => sortedPoolIds(ids, file));
  if (count > ids.length) bad(`--count ${count} is more than the ${ids.length} ids of ${file}`);
  return ids;
}

/** The weights file's content: a JSON object from every pool id (as a key) to a positive weight, and nothing else. */
export function parseIdWeights(value: unknown, ids: readonly number[], file: string): Map<number, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${file} must hold a JSON object {"<id>": weight, …}`);
  const weights = new Map<number, number>();
  const pool = new Set(ids);
  for (const [key, w] of Object.entries(value as Record<string, unknown>)) {
    const id = Number(key);
    if (!/^-?\d+$/.test(key) || !pool.has(id)) bad(`${file}: "${key}" is not an id of the pool`);
    if (typeof w !== 'number' || !(w > 0) || !Number.isFinite(w)) bad(`${file}: the weight of ${key} must be a positive number, got ${JSON.stringify(w)}`);
    weights.set(id, w as number);
  }
  const missing = ids.filter((id) => !weights.has(id));
  if (missing.length) bad(`${file}: no weight for id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  return weights;
}

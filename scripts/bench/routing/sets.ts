import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VrpProblem } from '../../../server/routing/problem/schema.js';
import { cvrpProblem, solomonDimacsProblem, tspProblem } from '../../../server/routing/solver/formats/benchmark-problems.js';
import { parseSolomon } from '../../../server/routing/solver/formats/solomon.js';
import { parseTsplib } from '../../../server/routing/solver/formats/tsplib.js';
import { readKnownValues } from './known-values.js';

export interface BenchInstance {
  name: string;
  /** Optimal or best-known value under the set's convention. */
  known: number;
  /** Jobs of the instance: every node but the depot (known_values.csv counts the depot in n). */
  customers: number;
  load: () => VrpProblem;
}

export type SetName = 'tsp' | 'solomon' | 'cvrp';

export const MAX_TSP_NODES = 280;

/** Instances of a set present in `dir` (a copy of the reference layout), in file order. */
export function listInstances(dir: string, set: SetName): BenchInstance[] {
  const known = readKnownValues(join(dir, 'known_values.csv'));
  const present = (file: string) => existsSync(join(dir, file));
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  switch (set) {
    case 'tsp':
      return known
        .filter((k) => k.problem === 'TSP' && k.n <= MAX_TSP_NODES && present(k.file))
        .map((k) => ({
          name: k.instance,
          known: k.value,
          customers: k.n - 1,
          load: () => tspProblem(parseTsplib(read(k.file))),
        }));
    case 'solomon':
      return known
        .filter((k) => k.problem === 'VRPTW' && k.costConvention.startsWith('DIMACS'))
        .map((k) => ({ ...k, file: k.file.split(';')[0].trim() }))
        .filter((k) => present(k.file))
        .map((k) => ({
          name: k.instance,
          known: k.value,
          customers: k.n - 1,
          load: () => solomonDimacsProblem(parseSolomon(read(k.file))),
        }));
    case 'cvrp':
      return known
        .filter((k) => k.problem === 'CVRP' && k.file.startsWith('cvrp/A/') && present(k.file))
        .map((k) => ({
          name: k.instance,
          known: k.value,
          customers: k.n - 1,
          load: () => cvrpProblem(parseTsplib(read(k.file))),
        }));
  }
}

import type { Random } from '../../../domain/random.js';
import type { CvrpModel } from './model.js';

/** One solution of the genetic search: its routes, its giant tour and its neighbours in the population. */
export class Individual {
  readonly routes: Int32Array[];
  /** The routes one after the other: the chromosome crossover works on. */
  readonly tour: Int32Array;
  /** Travel cost. */
  readonly cost: number;
  /** Load above capacity, summed over routes. */
  readonly excess: number;
  penalized = 0;
  /** Successor and predecessor of every customer node (0 is the depot), for the distance between solutions. */
  readonly succ: Int32Array;
  readonly pred: Int32Array;
  /** Other members of the subpopulation by increasing distance. */
  readonly closest: { distance: number; other: Individual }[] = [];
  fitness = 0;

  constructor(model: CvrpModel, routes: Int32Array[], penalty: number) {
    this.routes = routes;
    this.tour = new Int32Array(model.customers);
    this.succ = new Int32Array(model.size);
    this.pred = new Int32Array(model.size);
    let k = 0;
    let cost = 0;
    let excess = 0;
    const { dist, size, demand, capacity } = model;
    for (const route of routes) {
      let prev = 0;
      let load = 0;
      for (let i = 0; i < route.length; i++) {
        const c = route[i];
        this.tour[k++] = c;
        cost += dist[prev * size + c];
        load += demand[c];
        this.pred[c] = prev;
        if (prev !== 0) this.succ[prev] = c;
        prev = c;
      }
      if (prev !== 0) {
        cost += dist[prev * size];
        this.succ[prev] = 0;
      }
      if (load > capacity) excess += load - capacity;
    }
    this.cost = cost;
    this.excess = excess;
    this.reprice(penalty);
  }

  get feasible(): boolean {
    return this.excess < 1e-9;
  }

  reprice(penalty: number): void {
    this.penalized = this.cost + penalty * this.excess;
  }

  /**
   * Broken-pairs distance (Prins 2009; as used by Vidal et al. 2012): the share of customers
   * whose neighbours in this solution are not their neighbours in the other.
   */
  distance(other: Individual): number {
    let broken = 0;
    const n = this.succ.length - 1;
    for (let j = 1; j <= n; j++) {
      if (this.succ[j] !== other.succ[j] && this.succ[j] !== other.pred[j]) broken++;
      if (this.pred[j] === 0 && other.pred[j] !== 0 && other.succ[j] !== 0) broken++;
    }
    return broken / n;
  }

  /** Mean distance to the `count` closest members: its contribution to diversity. */
  diversity(count: number): number {
    const k = Math.min(count, this.closest.length);
    if (k === 0) return 0;
    let sum = 0;
    for (let i = 0; i < k; i++) sum += this.closest[i].distance;
    return sum / k;
  }
}

export interface PopulationParameters {
  /** Smallest size of each subpopulation (μ) and the number added before survivors are selected (λ). */
  minSize: number;
  generationSize: number;
  /** Members counted as elite: their biased fitness weighs cost more. */
  elite: number;
  /** Closest members averaged in the diversity contribution. */
  close: number;
}

/**
 * A subpopulation (feasible or infeasible solutions) managed by biased fitness (Vidal et al.,
 * "A hybrid genetic algorithm for multidepot and periodic vehicle routing problems", Operations
 * Research 60(3), 2012): rank by cost plus rank by diversity contribution, so that the search
 * keeps solutions that are good or different, and drops clones first.
 */
export class Subpopulation {
  readonly members: Individual[] = [];
  private readonly params: PopulationParameters;

  constructor(params: PopulationParameters) {
    this.params = params;
  }

  add(ind: Individual): void {
    for (const other of this.members) {
      const d = ind.distance(other);
      insertSorted(ind.closest, d, other);
      insertSorted(other.closest, d, ind);
    }
    this.members.push(ind);
    if (this.members.length >= this.params.minSize + this.params.generationSize) {
      while (this.members.length > this.params.minSize) this.removeWorst();
    }
  }

  /** Recomputes every member's biased fitness. */
  updateFitness(): void {
    const members = this.members;
    const size = members.length;
    if (size === 1) {
      members[0].fitness = 0;
      return;
    }
    const byCost = members.map((m, i) => i).sort((a, b) => members[a].penalized - members[b].penalized);
    const costRank = new Float64Array(size);
    byCost.forEach((m, rank) => (costRank[m] = rank / (size - 1)));
    const diversity = members.map((m) => m.diversity(this.params.close));
    const byDiversity = members.map((m, i) => i).sort((a, b) => diversity[b] - diversity[a]);
    const weight = 1 - this.params.elite / size;
    byDiversity.forEach((m, rank) => (members[m].fitness = costRank[m] + weight * (rank / (size - 1))));
  }

  /** Reprices every member after the penalty changed. */
  reprice(penalty: number): void {
    for (const m of this.members) m.reprice(penalty);
  }

  private removeWorst(): void {
    this.updateFitness();
    let worst = -1;
    let worstClone = false;
    let worstFitness = -Infinity;
    this.members.forEach((m, i) => {
      const clone = m.closest.length > 0 && m.closest[0].distance < 1e-9;
      if ((clone && !worstClone) || (clone === worstClone && m.fitness > worstFitness)) {
        worst = i;
        worstClone = clone;
        worstFitness = m.fitness;
      }
    });
    const [gone] = this.members.splice(worst, 1);
    for (const m of this.members) {
      const k = m.closest.findIndex((c) => c.other === gone);
      if (k >= 0) m.closest.splice(k, 1);
    }
  }
}

/** Binary tournament on biased fitness over both subpopulations. */
export function tournament(a: Subpopulation, b: Subpopulation, rng: Random): Individual {
  const size = a.members.length + b.members.length;
  const pick = () => {
    const i = rng.int(size);
    return i < a.members.length ? a.members[i] : b.members[i - a.members.length];
  };
  const x = pick();
  const y = pick();
  return x.fitness <= y.fitness ? x : y;
}

function insertSorted(list: { distance: number; other: Individual }[], distance: number, other: Individual): void {
  let i = list.length;
  while (i > 0 && list[i - 1].distance > distance) i--;
  list.splice(i, 0, { distance, other });
}

import type { CvrpModel } from './model.js';

/**
 * Optimal cut of a giant tour into routes (Beasley 1983; Prins 2004), the decoder of the genetic
 * search: a shortest path over tour positions where the arc i → j is the route serving tour
 * positions i + 1..j. Loads above capacity are allowed at `penalty` per unit, as in the search
 * itself, up to `MAX_OVERLOAD` × capacity, which bounds a route's length and so the work to
 * O(customers × customers per route).
 */
const MAX_OVERLOAD = 1.5;

export class Splitter {
  private readonly model: CvrpModel;
  private readonly potential: Float64Array;
  private readonly pred: Int32Array;

  constructor(model: CvrpModel) {
    this.model = model;
    this.potential = new Float64Array(model.customers + 1);
    this.pred = new Int32Array(model.customers + 1);
  }

  /** Routes (lists of customer nodes) of the cheapest cut of `tour`. */
  split(tour: Int32Array, penalty: number): Int32Array[] {
    const { dist, demand, capacity, size } = this.model;
    const m = tour.length;
    const pot = this.potential;
    const pred = this.pred;
    pot.fill(Infinity);
    pot[0] = 0;
    const limit = MAX_OVERLOAD * capacity;
    for (let i = 0; i < m; i++) {
      const base = pot[i];
      if (base === Infinity) continue;
      let load = 0;
      // Depot to the route's first customer plus the arcs between its customers.
      let travel = dist[tour[i]];
      for (let j = i + 1; j <= m; j++) {
        const c = tour[j - 1];
        load += demand[c];
        // A route of one customer is always allowed, so that every tour has a cut.
        if (load > limit && j > i + 1) break;
        if (j > i + 1) travel += dist[tour[j - 2] * size + c];
        const over = load > capacity ? load - capacity : 0;
        const total = base + travel + dist[c * size] + penalty * over;
        if (total < pot[j]) {
          pot[j] = total;
          pred[j] = i;
        }
      }
    }
    const routes: Int32Array[] = [];
    for (let j = m; j > 0; j = pred[j]) routes.push(tour.slice(pred[j], j));
    return routes.reverse();
  }
}

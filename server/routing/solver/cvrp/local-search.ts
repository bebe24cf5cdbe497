import type { Random } from '../../../domain/random.js';
import type { CvrpModel } from './model.js';

/** Improvements smaller than this are rounding noise. */
const EPSILON = 1e-9;
const TOP = 3;

/**
 * Local search of the CVRP genetic search ("education"): granular neighbourhoods (each customer
 * paired with its nearest customers only; Toth & Vigo 2003) with relocate of one or two
 * customers (both orientations), swaps 1-1, 2-1 and 2-2, 2-opt and both 2-opt* (as in Vidal et
 * al. 2012), and SWAP* between routes that hold neighbours (Vidal 2022). Loads above capacity
 * cost `penalty` per unit instead of being forbidden: with vehicles filled to 95 %, a strictly
 * feasible search can hardly move a customer between two full routes, and many good solutions
 * are only reachable through slightly overloaded ones.
 *
 * Routes are doubly linked lists with a start and an end sentinel per route (both the depot). A
 * move is priced from the arcs it changes and the loads of its routes, and applied by
 * rebuilding the routes it touches. The pair being tried is held in fields (u with its
 * predecessor and successors, v likewise) so that each move reads only what it needs.
 */
export class CvrpLocalSearch {
  penalty = 1;
  /** Nearest customers each customer is paired with. */
  granularity: number;
  private readonly rng: Random;
  private readonly routes: number;
  private readonly size: number;
  private readonly dist: Float64Array;
  private readonly demand: Float64Array;
  private readonly capacity: number;
  private readonly nearest: Int32Array[];
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly routeOf: Int32Array;
  /** Matrix row of each node: customers their own, sentinels the depot's. */
  private readonly loc: Int32Array;
  /** Load from the route's start up to and including the node. */
  private readonly cumLoad: Float64Array;
  /** Position in the route: the start sentinel is 0, customers 1.. . */
  private readonly pos: Int32Array;
  private readonly rLoad: Float64Array;
  private readonly rSize: Int32Array;
  /** Logical clock of the last change of each route, and of the last look at each customer. */
  private readonly rChanged: Float64Array;
  private readonly lastTested: Float64Array;
  private clock = 0;
  private readonly order: Int32Array;
  /** Route pairs met this loop (stamped with the loop), and when SWAP* last tried them. */
  private readonly pairSeen: Int32Array;
  private readonly pairTested: Float64Array;
  private readonly pairList: number[] = [];
  private readonly pairCap: number;
  private loopStamp = 0;
  private readonly seqA: number[] = [];
  private readonly seqB: number[] = [];
  // SWAP* preprocessing, per customer: removal gain and cheapest insertions into the other route.
  private readonly removal: Float64Array;
  private readonly topCost: Float64Array;
  private readonly topAfter: Int32Array;
  private bestAfter = -1;

  // The pair under test: u, its predecessor pu, successors x and xx; v, pv, y, yy (-1 when absent).
  private u = 0;
  private pu = 0;
  private x = 0;
  private xx = -1;
  private ru = 0;
  private v = 0;
  private pv = -1;
  private y = 0;
  private yy = -1;
  private rv = 0;
  // Their matrix rows, the arcs around them and their routes' loads.
  private lu = 0;
  private lpu = 0;
  private lx = 0;
  private lxx = 0;
  private lv = 0;
  private lpv = 0;
  private ly = 0;
  private lyy = 0;
  private cUin = 0;
  private cUout = 0;
  private cXout = 0;
  private cVin = 0;
  private cVout = 0;
  private cYout = 0;
  /** Gain of taking u out, and (u, x) out, of u's route. */
  private removeU = 0;
  private removeUX = 0;
  private loadU = 0;
  private loadV = 0;
  private penU = 0;
  private penV = 0;

  constructor(model: CvrpModel, rng: Random, routes: number, granularity = 20) {
    this.rng = rng;
    this.routes = routes;
    this.granularity = granularity;
    this.size = model.size;
    this.dist = model.dist;
    this.demand = new Float64Array(model.size + 2 * routes);
    this.demand.set(model.demand);
    this.capacity = model.capacity;
    this.nearest = model.nearest;
    const nodes = model.size + 2 * routes;
    this.next = new Int32Array(nodes);
    this.prev = new Int32Array(nodes);
    this.routeOf = new Int32Array(nodes);
    this.loc = new Int32Array(nodes);
    for (let i = 0; i < model.size; i++) this.loc[i] = i;
    this.cumLoad = new Float64Array(nodes);
    this.pos = new Int32Array(nodes);
    this.rLoad = new Float64Array(routes);
    this.rSize = new Int32Array(routes);
    this.rChanged = new Float64Array(routes);
    this.lastTested = new Float64Array(model.size);
    this.order = Int32Array.from({ length: model.customers }, (_, i) => i + 1);
    // Routes in use keep low indices (splits fill from 0, openings take the first empty), so
    // pairs are stamped in a square of the first routes only; SWAP* skips pairs beyond it.
    this.pairCap = Math.min(routes, 4 * Math.ceil(model.totalDemand / model.capacity) + 16);
    this.pairSeen = new Int32Array(this.pairCap * this.pairCap);
    this.pairTested = new Float64Array(this.pairCap * this.pairCap);
    this.removal = new Float64Array(model.size);
    this.topCost = new Float64Array(model.size * TOP);
    this.topAfter = new Int32Array(model.size * TOP);
    for (let r = 0; r < routes; r++) {
      this.routeOf[this.start(r)] = r;
      this.routeOf[this.end(r)] = r;
      this.loc[this.start(r)] = 0;
      this.loc[this.end(r)] = 0;
      this.setRoute(r, []);
    }
  }

  private start(r: number): number {
    return this.size + 2 * r;
  }

  private end(r: number): number {
    return this.size + 2 * r + 1;
  }

  private isDepot(node: number): boolean {
    return node >= this.size;
  }

  private d(a: number, b: number): number {
    return this.dist[this.loc[a] * this.size + this.loc[b]];
  }

  private pen(load: number): number {
    return load > this.capacity ? (load - this.capacity) * this.penalty : 0;
  }

  /** Loads routes (customer lists; at most `routes` of them). */
  load(routes: ArrayLike<number>[]): void {
    if (routes.length > this.routes) throw new RangeError(`${routes.length} routes, room for ${this.routes}`);
    for (let r = 0; r < this.routes; r++) {
      if (r >= routes.length && this.rSize[r] === 0) continue;
      const seq = this.seqA;
      seq.length = 0;
      if (r < routes.length) for (let i = 0; i < routes[r].length; i++) seq.push(routes[r][i]);
      this.setRoute(r, seq);
    }
  }

  /** The non-empty routes, in route order. */
  export(): Int32Array[] {
    const out: Int32Array[] = [];
    for (let r = 0; r < this.routes; r++) {
      if (this.rSize[r] === 0) continue;
      const route = new Int32Array(this.rSize[r]);
      let k = 0;
      for (let c = this.next[this.start(r)]; !this.isDepot(c); c = this.next[c]) route[k++] = c;
      out.push(route);
    }
    return out;
  }

  /** Runs the descent to a local optimum under the current penalty. */
  run(): void {
    const order = this.order;
    this.lastTested.fill(-1);
    this.pairTested.fill(-1);
    for (let loop = 0, improved = true; improved; loop++) {
      improved = false;
      shuffle(order, this.rng);
      this.loopStamp++;
      this.pairList.length = 0;
      let empty = loop > 0 ? this.emptyRoute() : -1;
      for (let i = 0; i < order.length; i++) {
        const u = order[i];
        const tested = this.lastTested[u];
        this.lastTested[u] = this.clock;
        const near = this.nearest[u];
        const k = Math.min(this.granularity, near.length);
        this.setU(u);
        for (let t = 0; t < k; t++) {
          const v = near[t];
          const rv = this.routeOf[v];
          if (rv !== this.ru) this.notePair(this.ru, rv);
          if (this.rChanged[this.ru] <= tested && this.rChanged[rv] <= tested) continue;
          this.setV(v);
          if (this.tryPair()) {
            improved = true;
            this.setU(u);
            continue;
          }
          const pv = this.prev[v];
          if (this.isDepot(pv)) {
            this.setV(pv);
            if (this.tryPair()) {
              improved = true;
              this.setU(u);
            }
          }
        }
        // Opening a route: after the first loop has settled the obvious moves.
        if (empty >= 0) {
          if (this.rSize[empty] > 0) empty = this.emptyRoute();
          if (empty >= 0) {
            this.setV(this.start(empty));
            if (this.tryPair()) improved = true;
          }
        }
      }
      if (this.swapStarPairs()) improved = true;
    }
  }

  private emptyRoute(): number {
    for (let r = 0; r < this.routes; r++) if (this.rSize[r] === 0) return r;
    return -1;
  }

  private setU(u: number): void {
    const dist = this.dist;
    const size = this.size;
    this.u = u;
    this.pu = this.prev[u];
    this.x = this.next[u];
    this.xx = this.isDepot(this.x) ? -1 : this.next[this.x];
    this.ru = this.routeOf[u];
    this.lu = u;
    this.lpu = this.loc[this.pu];
    this.lx = this.loc[this.x];
    this.lxx = this.xx < 0 ? 0 : this.loc[this.xx];
    this.cUin = dist[this.lpu * size + u];
    this.cUout = dist[u * size + this.lx];
    this.cXout = this.xx < 0 ? 0 : dist[this.lx * size + this.lxx];
    this.removeU = dist[this.lpu * size + this.lx] - this.cUin - this.cUout;
    this.removeUX = this.xx < 0 ? 0 : dist[this.lpu * size + this.lxx] - this.cUin - this.cXout;
    this.loadU = this.rLoad[this.ru];
    this.penU = this.pen(this.loadU);
  }

  /** v is a customer or a route's start sentinel (then moves insert at the route's head). */
  private setV(v: number): void {
    const dist = this.dist;
    const size = this.size;
    this.v = v;
    const depot = this.isDepot(v);
    this.pv = depot ? -1 : this.prev[v];
    this.y = this.next[v];
    this.yy = this.isDepot(this.y) ? -1 : this.next[this.y];
    this.rv = this.routeOf[v];
    this.lv = this.loc[v];
    this.lpv = depot ? 0 : this.loc[this.pv];
    this.ly = this.loc[this.y];
    this.lyy = this.yy < 0 ? 0 : this.loc[this.yy];
    this.cVin = depot ? 0 : dist[this.lpv * size + this.lv];
    this.cVout = dist[this.lv * size + this.ly];
    this.cYout = this.yy < 0 ? 0 : dist[this.ly * size + this.lyy];
    this.loadV = this.rLoad[this.rv];
    this.penV = this.pen(this.loadV);
  }

  private tryPair(): boolean {
    const customer = this.pv >= 0;
    if (this.relocate(1, false) || this.relocate(2, false) || this.relocate(2, true)) return true;
    if (customer && (this.swap(1, 1) || this.swap(2, 1) || this.swap(2, 2))) return true;
    if (this.ru === this.rv) return customer && this.twoOpt();
    return this.twoOptStar(false) || this.twoOptStar(true);
  }

  /**
   * Total change of a move of travel change `cost` that shifts q units from u's route to v's,
   * or +Infinity when it cannot improve: within one route only `cost` counts; between routes the
   * penalties can fall by at most what they are now, which settles most pairs before pricing them.
   */
  private withLoads(cost: number, q: number): number {
    if (this.ru === this.rv) return cost;
    if (cost >= this.penU + this.penV) return Infinity;
    return cost + this.pen(this.loadU - q) - this.penU + this.pen(this.loadV + q) - this.penV;
  }

  /** Moves u — with `len` 2 also x, as (u, x), or as (x, u) with `reverse` — to right after v. */
  private relocate(len: number, reverse: boolean): boolean {
    const { u, x, v, y } = this;
    if (len === 2 && this.xx < 0) return false;
    if (v === u || y === u || (len === 2 && v === x)) return false;
    const dist = this.dist;
    const size = this.size;
    let cost: number;
    if (len === 1) cost = this.removeU + dist[this.lv * size + this.lu] + dist[this.lu * size + this.ly] - this.cVout;
    else if (!reverse) cost = this.removeUX + dist[this.lv * size + this.lu] + dist[this.lx * size + this.ly] - this.cVout;
    else cost = this.removeUX + dist[this.lv * size + this.lx] + dist[this.lu * size + this.ly] - this.cVout;
    const delta = this.withLoads(cost, len === 2 ? this.demand[u] + this.demand[x] : this.demand[u]);
    if (!(delta < -EPSILON)) return false;
    const moved = len === 2 ? (reverse ? [x, u] : [u, x]) : [u];
    const a = this.sequence(this.ru, this.seqA, moved);
    if (this.ru === this.rv) {
      insertAfter(a, v, moved, this.isDepot(v));
      this.setRoute(this.ru, a);
    } else {
      const b = this.sequence(this.rv, this.seqB);
      insertAfter(b, v, moved, this.isDepot(v));
      this.setRoute(this.ru, a);
      this.setRoute(this.rv, b);
    }
    return true;
  }

  /** Exchanges u (with x when `lu` is 2) and v (with y when `lv` is 2). */
  private swap(lu: number, lv: number): boolean {
    const { u, x, v, y } = this;
    if ((lu === 2 && this.xx < 0) || (lv === 2 && this.yy < 0)) return false;
    const au = lu === 2 ? this.xx : x;
    const av = lv === 2 ? this.yy : y;
    // Overlapping or adjacent segments are relocations, priced there.
    if (au === v || av === u || v === x || u === y) return false;
    const dist = this.dist;
    const size = this.size;
    const lastU = lu === 2 ? this.lx : this.lu;
    const lastV = lv === 2 ? this.ly : this.lv;
    const cost =
      dist[this.lpu * size + this.lv] + dist[lastV * size + (lu === 2 ? this.lxx : this.lx)] - this.cUin -
      (lu === 2 ? this.cXout : this.cUout) +
      dist[this.lpv * size + this.lu] + dist[lastU * size + (lv === 2 ? this.lyy : this.ly)] - this.cVin -
      (lv === 2 ? this.cYout : this.cVout);
    const qu = this.demand[u] + (lu === 2 ? this.demand[x] : 0);
    const qv = this.demand[v] + (lv === 2 ? this.demand[y] : 0);
    if (!(this.withLoads(cost, qu - qv) < -EPSILON)) return false;
    const segU = lu === 2 ? [u, x] : [u];
    const segV = lv === 2 ? [v, y] : [v];
    if (this.ru === this.rv) {
      const a = this.sequence(this.ru, this.seqA);
      const out: number[] = [];
      for (const c of a) {
        if (c === u) out.push(...segV);
        else if (c === v) out.push(...segU);
        else if (!(lu === 2 && c === x) && !(lv === 2 && c === y)) out.push(c);
      }
      this.setRoute(this.ru, out);
    } else {
      // Both sequences are read before either route is relinked.
      const a = replace(this.sequence(this.ru, this.seqA), u, lu, segV);
      const b = replace(this.sequence(this.rv, this.seqB), v, lv, segU);
      this.setRoute(this.ru, a);
      this.setRoute(this.rv, b);
    }
    return true;
  }

  /**
   * Within one route: 2-opt making u and v adjacent — reverses x..v when u comes first,
   * v..pu otherwise.
   */
  private twoOpt(): boolean {
    const { u, x, v, y, pu, pv } = this;
    let cost: number;
    let from: number;
    let to: number;
    if (this.pos[u] < this.pos[v]) {
      if (x === v) return false;
      cost = this.d(u, v) + this.d(x, y) - this.d(u, x) - this.d(v, y);
      from = this.pos[x];
      to = this.pos[v];
    } else {
      if (pu === v) return false;
      cost = this.d(pv, pu) + this.d(v, u) - this.d(pv, v) - this.d(pu, u);
      from = this.pos[v];
      to = this.pos[pu];
    }
    if (!(cost < -EPSILON)) return false;
    const a = this.sequence(this.ru, this.seqA);
    // Positions are 1-based: the stretch is a[from - 1 .. to - 1].
    this.setRoute(this.ru, [...a.slice(0, from - 1), ...a.slice(from - 1, to).reverse(), ...a.slice(to)]);
    return true;
  }

  /**
   * 2-opt* between two routes at u and v: the tails trade places (u → y, v → x), or with
   * `cross` u is joined to v and x to y, which turns both heads' order around.
   */
  private twoOptStar(cross: boolean): boolean {
    const { u, v, ru, rv } = this;
    const headU = this.cumLoad[u];
    const headV = this.cumLoad[v];
    const tailU = this.rLoad[ru] - headU;
    const tailV = this.rLoad[rv] - headV;
    const dist = this.dist;
    const size = this.size;
    const cost = cross
      ? dist[this.lu * size + this.lv] + dist[this.lx * size + this.ly] - this.cUout - this.cVout
      : dist[this.lu * size + this.ly] + dist[this.lv * size + this.lx] - this.cUout - this.cVout;
    if (cost >= this.penU + this.penV) return false;
    const loadU = cross ? headU + headV : headU + tailV;
    const loadV = cross ? tailU + tailV : headV + tailU;
    const delta = cost + this.pen(loadU) - this.pen(this.rLoad[ru]) + this.pen(loadV) - this.pen(this.rLoad[rv]);
    if (!(delta < -EPSILON)) return false;
    const a = this.sequence(ru, this.seqA);
    const b = this.sequence(rv, this.seqB);
    const iu = this.pos[u];
    const iv = this.isDepot(v) ? 0 : this.pos[v];
    const aHead = a.slice(0, iu);
    const aTail = a.slice(iu);
    const bHead = b.slice(0, iv);
    const bTail = b.slice(iv);
    if (cross) {
      this.setRoute(ru, [...aHead, ...bHead.reverse()]);
      this.setRoute(rv, [...aTail.reverse(), ...bTail]);
    } else {
      this.setRoute(ru, [...aHead, ...bTail]);
      this.setRoute(rv, [...bHead, ...aTail]);
    }
    return true;
  }

  // ---- SWAP* ----

  private notePair(r1: number, r2: number): void {
    const cap = this.pairCap;
    if (r1 >= cap || r2 >= cap) return;
    const key = r1 < r2 ? r1 * cap + r2 : r2 * cap + r1;
    if (this.pairSeen[key] === this.loopStamp) return;
    this.pairSeen[key] = this.loopStamp;
    this.pairList.push(key);
  }

  /** SWAP* on every pair of routes met this loop that changed since SWAP* last tried it. */
  private swapStarPairs(): boolean {
    let improved = false;
    const cap = this.pairCap;
    for (const key of this.pairList) {
      const r1 = Math.floor(key / cap);
      const r2 = key % cap;
      if (this.rSize[r1] === 0 || this.rSize[r2] === 0) continue;
      const tested = this.pairTested[key];
      if (this.rChanged[r1] <= tested && this.rChanged[r2] <= tested) continue;
      this.pairTested[key] = this.clock;
      if (this.swapStar(r1, r2)) improved = true;
    }
    return improved;
  }

  /** Removal gain of every customer of `from`, and its cheapest insertions into route `into`. */
  private preprocess(from: number, into: number): void {
    // The hottest loop of the search: matrix rows and arrays read directly.
    const { dist, size, loc, next, prev, topCost, topAfter } = this;
    const s = this.start(into);
    const e = this.end(into);
    for (let w = next[this.start(from)]; w < size; w = next[w]) {
      const row = w * size;
      const lp = loc[prev[w]];
      const ln = loc[next[w]];
      this.removal[w] = dist[lp * size + ln] - dist[row + lp] - dist[row + ln];
      const base = w * TOP;
      for (let k = 0; k < TOP; k++) {
        topCost[base + k] = Infinity;
        topAfter[base + k] = -1;
      }
      let la = 0;
      for (let a = s; a !== e; ) {
        const b = next[a];
        const lb = loc[b];
        // Symmetric matrix: w's row gives both arcs.
        const c = dist[row + la] + dist[row + lb] - dist[la * size + lb];
        if (c < topCost[base + TOP - 1]) {
          let k = TOP - 1;
          while (k > 0 && topCost[base + k - 1] > c) {
            topCost[base + k] = topCost[base + k - 1];
            topAfter[base + k] = topAfter[base + k - 1];
            k--;
          }
          topCost[base + k] = c;
          topAfter[base + k] = a;
        }
        a = b;
        la = lb;
      }
    }
  }

  /**
   * Cheapest place for w in the route of `out` once `out` has left it: `out`'s own place or the
   * best of w's cached insertions that does not touch `out`. Leaves the node to insert after in
   * `bestAfter`.
   */
  private insertionWithout(w: number, out: number): number {
    const po = this.prev[out];
    const no = this.next[out];
    let best = this.d(po, w) + this.d(w, no) - this.d(po, no);
    this.bestAfter = po;
    const base = w * TOP;
    for (let k = 0; k < TOP; k++) {
      const after = this.topAfter[base + k];
      if (after < 0) break;
      if (after === out || after === po) continue;
      if (this.topCost[base + k] < best) {
        best = this.topCost[base + k];
        this.bestAfter = after;
      }
      break;
    }
    return best;
  }

  private swapStar(r1: number, r2: number): boolean {
    this.preprocess(r1, r2);
    this.preprocess(r2, r1);
    const demand = this.demand;
    const l1 = this.rLoad[r1];
    const l2 = this.rLoad[r2];
    const p1 = this.pen(l1);
    const p2 = this.pen(l2);
    let best = -EPSILON;
    let bu = -1;
    let bv = -1;
    let afterU = -1;
    let afterV = -1;
    for (let u = this.next[this.start(r1)]; !this.isDepot(u); u = this.next[u]) {
      for (let v = this.next[this.start(r2)]; !this.isDepot(v); v = this.next[v]) {
        const shift = demand[v] - demand[u];
        const penalty = this.pen(l1 + shift) - p1 + this.pen(l2 - shift) - p2;
        // Insertions cost at least nothing (triangle inequality): pairs that cannot win are skipped.
        if (penalty + this.removal[u] + this.removal[v] >= best) continue;
        const insV = this.insertionWithout(v, u);
        const vAfter = this.bestAfter;
        const delta = penalty + this.removal[u] + this.removal[v] + insV + this.insertionWithout(u, v);
        if (delta < best) {
          best = delta;
          bu = u;
          bv = v;
          afterV = vAfter;
          afterU = this.bestAfter;
        }
      }
    }
    if (bu < 0) return false;
    const a = this.sequence(r1, this.seqA, [bu]);
    const b = this.sequence(r2, this.seqB, [bv]);
    insertAfter(a, afterV, [bv], this.isDepot(afterV));
    insertAfter(b, afterU, [bu], this.isDepot(afterU));
    this.setRoute(r1, a);
    this.setRoute(r2, b);
    return true;
  }

  // ---- route bookkeeping ----

  /** The customers of route r in order, without `skip`, into `out`. */
  private sequence(r: number, out: number[], skip?: number[]): number[] {
    out.length = 0;
    for (let c = this.next[this.start(r)]; !this.isDepot(c); c = this.next[c]) if (!skip || !skip.includes(c)) out.push(c);
    return out;
  }

  private setRoute(r: number, customers: number[]): void {
    let prev = this.start(r);
    let load = 0;
    for (let i = 0; i < customers.length; i++) {
      const c = customers[i];
      this.next[prev] = c;
      this.prev[c] = prev;
      this.routeOf[c] = r;
      load += this.demand[c];
      this.cumLoad[c] = load;
      this.pos[c] = i + 1;
      prev = c;
    }
    const e = this.end(r);
    this.next[prev] = e;
    this.prev[e] = prev;
    this.cumLoad[this.start(r)] = 0;
    this.cumLoad[e] = load;
    this.rLoad[r] = load;
    this.rSize[r] = customers.length;
    this.rChanged[r] = ++this.clock;
  }
}

/** Inserts `items` right after `after` in `seq` (at the front when `after` is the route's start). */
function insertAfter(seq: number[], after: number, items: number[], atFront: boolean): void {
  const i = atFront ? 0 : seq.indexOf(after) + 1;
  seq.splice(i, 0, ...items);
}

/** `seq` with the `len` customers from `first` replaced by `items`. */
function replace(seq: number[], first: number, len: number, items: number[]): number[] {
  const i = seq.indexOf(first);
  return [...seq.slice(0, i), ...items, ...seq.slice(i + len)];
}

function shuffle(a: Int32Array, rng: Random): void {
  for (let i = a.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    const t = a[i];
    a[i] = a[k];
    a[k] = t;
  }
}

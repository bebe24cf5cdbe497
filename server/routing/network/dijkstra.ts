import type { RoadGraph } from './graph.js';
import { MinHeap } from './min-heap.js';

/** A starting label: the search begins at `node` having already spent this time and distance. */
export interface SearchOrigin {
  node: number;
  seconds: number;
  metres: number;
}

/**
 * Dijkstra over free-flow travel time on one graph, reusable across runs: labels are invalidated by a run counter
 * instead of being cleared, so N searches for an N×N matrix cost N × (settled part of the graph), not N × graph.
 */
export class ShortestPathSearch {
  private readonly seconds: Float64Array;
  private readonly metres: Float64Array;
  private readonly predecessorArc: Int32Array;
  private readonly originIndex: Int32Array;
  private readonly labelledInRun: Uint32Array;
  private readonly settledInRun: Uint32Array;
  private readonly targetInRun: Uint32Array;
  private readonly heap = new MinHeap();
  private run = 0;

  constructor(private readonly graph: RoadGraph) {
    const n = graph.nodeCount;
    this.seconds = new Float64Array(n);
    this.metres = new Float64Array(n);
    this.predecessorArc = new Int32Array(n);
    this.originIndex = new Int32Array(n);
    this.labelledInRun = new Uint32Array(n);
    this.settledInRun = new Uint32Array(n);
    this.targetInRun = new Uint32Array(n);
  }

  /**
   * Labels nodes with their fastest time from the nearest origin. With `targets`, stops once all of them are
   * settled (their labels are then final); other nodes may be left unlabelled.
   */
  search(origins: readonly SearchOrigin[], targets?: ArrayLike<number>): void {
    const { graph, heap, seconds, metres, predecessorArc, originIndex, labelledInRun, settledInRun, targetInRun } = this;
    const run = ++this.run;
    heap.clear();
    let targetsLeft = 0;
    if (targets) {
      for (let i = 0; i < targets.length; i++) {
        if (targetInRun[targets[i]] !== run) {
          targetInRun[targets[i]] = run;
          targetsLeft++;
        }
      }
    }
    origins.forEach((origin, index) => {
      const node = origin.node;
      if (labelledInRun[node] === run && seconds[node] <= origin.seconds) return;
      labelledInRun[node] = run;
      seconds[node] = origin.seconds;
      metres[node] = origin.metres;
      predecessorArc[node] = -1;
      originIndex[node] = index;
      heap.push(origin.seconds, node);
    });
    const { arcStart, arcHead, arcSeconds, arcMetres } = graph;
    while (heap.size > 0) {
      const key = heap.peekKey();
      const node = heap.pop();
      if (settledInRun[node] === run || key > seconds[node]) continue;
      settledInRun[node] = run;
      if (targets && targetInRun[node] === run && --targetsLeft === 0) return;
      const base = seconds[node];
      for (let arc = arcStart[node], end = arcStart[node + 1]; arc < end; arc++) {
        const head = arcHead[arc];
        const candidate = base + arcSeconds[arc];
        if (labelledInRun[head] !== run || candidate < seconds[head]) {
          labelledInRun[head] = run;
          seconds[head] = candidate;
          metres[head] = metres[node] + arcMetres[arc];
          predecessorArc[head] = arc;
          originIndex[head] = originIndex[node];
          heap.push(candidate, head);
        }
      }
    }
  }

  /** Fastest time to the node in the last search, Infinity when it was not reached. */
  secondsTo(node: number): number {
    return this.settledInRun[node] === this.run ? this.seconds[node] : Number.POSITIVE_INFINITY;
  }

  /** Length of that fastest path. */
  metresTo(node: number): number {
    return this.settledInRun[node] === this.run ? this.metres[node] : Number.POSITIVE_INFINITY;
  }

  /** Which origin the fastest path to the node starts from. */
  originOf(node: number): number {
    return this.originIndex[node];
  }

  /** The arcs of the fastest path to the node, in driving order; only meaningful for a settled node. */
  arcsTo(node: number): number[] {
    const arcs: number[] = [];
    const { arcEdge, arcAlongEdge, edgeSource, edgeTarget } = this.graph;
    for (let arc = this.predecessorArc[node]; arc !== -1; ) {
      arcs.push(arc);
      const edge = arcEdge[arc];
      const tail = arcAlongEdge[arc] ? edgeSource[edge] : edgeTarget[edge];
      arc = this.predecessorArc[tail];
    }
    return arcs.reverse();
  }
}

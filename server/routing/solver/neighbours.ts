import type { Instance } from './instance.js';

/**
 * For each job, the other jobs in increasing travel cost from it (first travel class),
 * truncated to `limit`: the adjacency lists SISR walks to pick the strings to remove.
 */
export function jobNeighbours(inst: Instance, limit: number): Int32Array[] {
  const J = inst.jobCount;
  const n = inst.n;
  const cost = inst.classes[0].cost;
  const k = Math.min(limit, Math.max(0, J - 1));
  const out: Int32Array[] = [];
  const order = new Int32Array(J);
  const key = new Float64Array(J);
  for (let i = 0; i < J; i++) {
    const li = inst.taskLoc[i];
    for (let j = 0; j < J; j++) {
      const lj = inst.taskLoc[j];
      // Outgoing cost only: one matrix row, read in order.
      key[j] = i === j ? Infinity : cost[li * n + lj];
      order[j] = j;
    }
    const selected = selectSmallest(order, key, k);
    out.push(selected);
  }
  return out;
}

/** The k indices of smallest key, sorted; quickselect then sort, O(J + k log k). */
export function selectSmallest(order: Int32Array, key: Float64Array, k: number): Int32Array {
  const J = order.length;
  if (k < J) {
    let lo = 0;
    let hi = J - 1;
    while (lo < hi) {
      const pivot = key[order[(lo + hi) >> 1]];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (key[order[i]] < pivot) i++;
        while (key[order[j]] > pivot) j--;
        if (i <= j) {
          const t = order[i];
          order[i] = order[j];
          order[j] = t;
          i++;
          j--;
        }
      }
      if (k - 1 <= j) hi = j;
      else if (k - 1 >= i) lo = i;
      else break;
    }
  }
  const top = Array.from(order.subarray(0, k));
  top.sort((a, b) => key[a] - key[b] || a - b);
  return Int32Array.from(top);
}

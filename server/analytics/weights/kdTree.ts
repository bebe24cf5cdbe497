// A static k-d tree over points in 2 or 3 dimensions (planar coordinates, or lon/lat mapped onto the
// unit sphere), for radius and k-nearest queries in O(log n) each instead of scanning all pairs.

const LEAF_SIZE = 8;

export type KdTree = {
  readonly dim: 2 | 3;
  readonly coords: Float64Array;
  /** Point indices, reordered so that every subtree is a contiguous range. */
  readonly order: Int32Array;
};

function select(order: Int32Array, coords: Float64Array, dim: number, axis: number, lo: number, hi: number, k: number): void {
  // Quickselect: afterwards order[k] holds the median along axis within [lo, hi).
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    const pivot = coords[order[(left + right) >> 1] * dim + axis];
    let i = left;
    let j = right;
    while (i <= j) {
      while (coords[order[i] * dim + axis] < pivot) i++;
      while (coords[order[j] * dim + axis] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function build(order: Int32Array, coords: Float64Array, dim: number, lo: number, hi: number, depth: number): void {
  if (hi - lo <= LEAF_SIZE) return;
  const mid = (lo + hi) >> 1;
  select(order, coords, dim, depth % dim, lo, hi, mid);
  build(order, coords, dim, lo, mid, depth + 1);
  build(order, coords, dim, mid + 1, hi, depth + 1);
}

export function buildKdTree(coords: Float64Array, dim: 2 | 3): KdTree {
  const n = coords.length / dim;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  build(order, coords, dim, 0, n, 0);
  return { dim, coords, order };
}

function squaredDistance(coords: Float64Array, dim: number, a: number, q: ArrayLike<number>): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const diff = coords[a * dim + d] - q[d];
    s += diff * diff;
  }
  return s;
}

/** Calls visit(j, squaredDistance) for every point j with squared distance ≤ radiusSquared from q. */
export function forEachWithin(tree: KdTree, q: ArrayLike<number>, radiusSquared: number, visit: (j: number, d2: number) => void): void {
  const { dim, coords, order } = tree;
  const walk = (lo: number, hi: number, depth: number): void => {
    if (hi - lo <= LEAF_SIZE) {
      for (let k = lo; k < hi; k++) {
        const d2 = squaredDistance(coords, dim, order[k], q);
        if (d2 <= radiusSquared) visit(order[k], d2);
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    const axis = depth % dim;
    const p = order[mid];
    const diff = q[axis] - coords[p * dim + axis];
    const d2 = squaredDistance(coords, dim, p, q);
    if (d2 <= radiusSquared) visit(p, d2);
    if (diff <= 0) {
      walk(lo, mid, depth + 1);
      if (diff * diff <= radiusSquared) walk(mid + 1, hi, depth + 1);
    } else {
      walk(mid + 1, hi, depth + 1);
      if (diff * diff <= radiusSquared) walk(lo, mid, depth + 1);
    }
  };
  walk(0, order.length, 0);
}

/**
 * The k points nearest to q other than `exclude`, by Euclidean distance, ties broken by lower index.
 * Writes indices to outIndex and squared distances to outD2 (both length ≥ k), nearest first; returns the count found.
 */
export function nearestK(
  tree: KdTree,
  q: ArrayLike<number>,
  k: number,
  exclude: number,
  outIndex: Int32Array,
  outD2: Float64Array,
): number {
  const { dim, coords, order } = tree;
  let count = 0;
  const offer = (j: number): void => {
    if (j === exclude) return;
    const d2 = squaredDistance(coords, dim, j, q);
    if (count === k && (d2 > outD2[k - 1] || (d2 === outD2[k - 1] && j > outIndex[k - 1]))) return;
    let pos = count < k ? count++ : k - 1;
    while (pos > 0 && (outD2[pos - 1] > d2 || (outD2[pos - 1] === d2 && outIndex[pos - 1] > j))) {
      outD2[pos] = outD2[pos - 1];
      outIndex[pos] = outIndex[pos - 1];
      pos--;
    }
    outD2[pos] = d2;
    outIndex[pos] = j;
  };
  const walk = (lo: number, hi: number, depth: number): void => {
    if (hi - lo <= LEAF_SIZE) {
      for (let t = lo; t < hi; t++) offer(order[t]);
      return;
    }
    const mid = (lo + hi) >> 1;
    const axis = depth % dim;
    const diff = q[axis] - coords[order[mid] * dim + axis];
    offer(order[mid]);
    const [first, second] = diff <= 0 ? [[lo, mid], [mid + 1, hi]] : [[mid + 1, hi], [lo, mid]];
    walk(first[0], first[1], depth + 1);
    if (count < k || diff * diff <= outD2[count - 1]) walk(second[0], second[1], depth + 1);
  };
  walk(0, order.length, 0);
  return count;
}

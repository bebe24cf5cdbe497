import type { RoadGraph } from './graph.js';

export interface Components {
  count: number;
  /** Component index of every node. */
  componentOf: Int32Array;
  /** Number of nodes in each component. */
  sizes: number[];
  /** Index of the component with the most nodes (-1 for an empty graph). */
  largest: number;
}

function summarise(componentOf: Int32Array, count: number): Components {
  const sizes = new Array<number>(count).fill(0);
  for (const component of componentOf) sizes[component]++;
  let largest = -1;
  sizes.forEach((size, component) => {
    if (largest === -1 || size > sizes[largest]) largest = component;
  });
  return { count, componentOf, sizes, largest };
}

/** Components ignoring direction (union–find with path halving). */
export function weaklyConnectedComponents(graph: RoadGraph): Components {
  const parent = new Int32Array(graph.nodeCount);
  for (let n = 0; n < graph.nodeCount; n++) parent[n] = n;
  const find = (n: number) => {
    while (parent[n] !== n) {
      parent[n] = parent[parent[n]];
      n = parent[n];
    }
    return n;
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = find(graph.edgeSource[e]);
    const b = find(graph.edgeTarget[e]);
    if (a !== b) parent[a] = b;
  }
  const componentOf = new Int32Array(graph.nodeCount);
  const label = new Map<number, number>();
  for (let n = 0; n < graph.nodeCount; n++) {
    const root = find(n);
    let component = label.get(root);
    if (component === undefined) {
      component = label.size;
      label.set(root, component);
    }
    componentOf[n] = component;
  }
  return summarise(componentOf, label.size);
}

/**
 * Components in which every node can reach every other along the allowed directions (Tarjan's algorithm, with an
 * explicit stack so that long chains of roads cannot overflow the call stack).
 */
export function stronglyConnectedComponents(graph: RoadGraph): Components {
  const n = graph.nodeCount;
  const { arcStart, arcHead } = graph;
  const index = new Int32Array(n).fill(-1);
  const lowLink = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let stackSize = 0;
  const callNode = new Int32Array(n);
  const callArc = new Int32Array(n);
  let nextIndex = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callArc[0] = arcStart[root];
    index[root] = lowLink[root] = nextIndex++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const node = callNode[depth];
      if (callArc[depth] < arcStart[node + 1]) {
        const head = arcHead[callArc[depth]++];
        if (index[head] === -1) {
          index[head] = lowLink[head] = nextIndex++;
          stack[stackSize++] = head;
          onStack[head] = 1;
          depth++;
          callNode[depth] = head;
          callArc[depth] = arcStart[head];
        } else if (onStack[head] && index[head] < lowLink[node]) {
          lowLink[node] = index[head];
        }
        continue;
      }
      if (lowLink[node] === index[node]) {
        let member: number;
        do {
          member = stack[--stackSize];
          onStack[member] = 0;
          componentOf[member] = count;
        } while (member !== node);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (lowLink[node] < lowLink[parent]) lowLink[parent] = lowLink[node];
      }
    }
  }
  return summarise(componentOf, count);
}

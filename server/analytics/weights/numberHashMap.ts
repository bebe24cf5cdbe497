// Open-addressing hash map from non-negative integer keys below 2^53 (grid cells, unit pairs) to
// 32-bit integers. Much faster than Map for large-number keys, which V8 stores as heap doubles.

export type NumberHashMap = {
  get(key: number): number;
  /** Adds delta to the value of key (0 when absent), capped at `cap`; returns the new value. */
  add(key: number, delta: number, cap: number): number;
  set(key: number, value: number): void;
  forEach(visit: (key: number, value: number) => void): void;
  readonly size: number;
};

const EMPTY = -1;

function hash(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return h & mask;
}

export function createNumberHashMap(expected: number, missing = -1): NumberHashMap {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  let keys = new Float64Array(capacity).fill(EMPTY);
  let values = new Int32Array(capacity);
  let size = 0;
  const slotOf = (key: number): number => {
    const mask = capacity - 1;
    let s = hash(key, mask);
    while (keys[s] !== EMPTY && keys[s] !== key) s = (s + 1) & mask;
    return s;
  };
  const grow = (): void => {
    const oldKeys = keys;
    const oldValues = values;
    capacity *= 2;
    keys = new Float64Array(capacity).fill(EMPTY);
    values = new Int32Array(capacity);
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] === EMPTY) continue;
      const t = slotOf(oldKeys[s]);
      keys[t] = oldKeys[s];
      values[t] = oldValues[s];
    }
  };
  const insert = (key: number, value: number): void => {
    let s = slotOf(key);
    if (keys[s] === EMPTY) {
      if ((size + 1) * 2 > capacity) {
        grow();
        s = slotOf(key);
      }
      keys[s] = key;
      size++;
    }
    values[s] = value;
  };
  return {
    get(key) {
      const s = slotOf(key);
      return keys[s] === EMPTY ? missing : values[s];
    },
    add(key, delta, cap) {
      const s = slotOf(key);
      const current = keys[s] === EMPTY ? 0 : values[s];
      const next = Math.min(cap, current + delta);
      if (next !== current || keys[s] === EMPTY) insert(key, next);
      return next;
    },
    set: insert,
    forEach(visit) {
      for (let s = 0; s < keys.length; s++) if (keys[s] !== EMPTY) visit(keys[s], values[s]);
    },
    get size() {
      return size;
    },
  };
}

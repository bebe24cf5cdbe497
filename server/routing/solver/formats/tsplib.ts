/**
 * Reader for TSPLIB 95 / CVRPLIB files (Reinelt 1991, "TSPLIB — A Traveling Salesman Problem
 * Library"): header keys, coordinates or explicit weights, demands and depots, with the
 * library's own integer distance functions.
 */
export interface TsplibData {
  name: string;
  type: string;
  dimension: number;
  capacity?: number;
  /** Integer distances, row-major dimension × dimension. */
  distances: number[][];
  demands?: number[];
  /** 0-based depot nodes. */
  depots: number[];
}

export function parseTsplib(text: string): TsplibData {
  const header = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let i = 0;
  const coords: [number, number][] = [];
  let weights: number[] = [];
  const demands: number[] = [];
  const depots: number[] = [];
  while (i < lines.length) {
    const line = lines[i].trim();
    i++;
    if (line === '' || line === 'EOF') continue;
    const section = line.split(/\s|:/)[0];
    const readUntilSection = (onTokens: (tokens: number[]) => void) => {
      while (i < lines.length) {
        const l = lines[i].trim();
        if (l === '' ) { i++; continue; }
        if (/^[A-Z_]+/.test(l) && !/^-?\d/.test(l)) break;
        onTokens(l.split(/\s+/).map(Number));
        i++;
      }
    };
    if (section === 'NODE_COORD_SECTION') readUntilSection((t) => coords.push([t[1], t[2]]));
    else if (section === 'EDGE_WEIGHT_SECTION') readUntilSection((t) => (weights = weights.concat(t)));
    else if (section === 'DEMAND_SECTION') readUntilSection((t) => demands.push(t[1]));
    else if (section === 'DEPOT_SECTION') readUntilSection((t) => t.forEach((d) => d >= 1 && depots.push(d - 1)));
    else if (section === 'DISPLAY_DATA_SECTION' || section === 'FIXED_EDGES_SECTION') readUntilSection(() => undefined);
    else if (line.includes(':')) {
      const k = line.indexOf(':');
      header.set(line.slice(0, k).trim(), line.slice(k + 1).trim());
    }
  }
  const dimension = Number(header.get('DIMENSION'));
  if (!(dimension > 0)) throw new Error('TSPLIB: missing DIMENSION');
  const type = header.get('EDGE_WEIGHT_TYPE') ?? '';
  const distances =
    type === 'EXPLICIT'
      ? explicitMatrix(weights, dimension, header.get('EDGE_WEIGHT_FORMAT') ?? 'FULL_MATRIX')
      : coordinateMatrix(coords, type);
  const capacity = header.has('CAPACITY') ? Number(header.get('CAPACITY')) : undefined;
  return {
    name: header.get('NAME') ?? '',
    type: header.get('TYPE') ?? '',
    dimension,
    capacity,
    distances,
    demands: demands.length > 0 ? demands : undefined,
    depots: depots.length > 0 ? depots : [0],
  };
}

const nint = (x: number) => Math.floor(x + 0.5);

function coordinateMatrix(coords: [number, number][], type: string): number[][] {
  const n = coords.length;
  const d = (a: [number, number], b: [number, number]): number => {
    const dx = a[0] - b[0];
    const dy = a[1] - b[1];
    switch (type) {
      case 'EUC_2D':
        return nint(Math.sqrt(dx * dx + dy * dy));
      case 'CEIL_2D':
        return Math.ceil(Math.sqrt(dx * dx + dy * dy));
      case 'ATT': {
        const r = Math.sqrt((dx * dx + dy * dy) / 10);
        const t = nint(r);
        return t < r ? t + 1 : t;
      }
      case 'GEO':
        return geoDistance(a, b);
      default:
        throw new Error(`TSPLIB: unsupported EDGE_WEIGHT_TYPE ${type}`);
    }
  };
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : d(coords[i], coords[j]))));
}

/** TSPLIB's GEO: coordinates as DDD.MM, the library's truncated PI and earth radius. */
function geoDistance(a: [number, number], b: [number, number]): number {
  const PI = 3.141592;
  const rad = (x: number) => {
    const deg = Math.trunc(x);
    return (PI * (deg + (5.0 * (x - deg)) / 3.0)) / 180.0;
  };
  const RRR = 6378.388;
  const q1 = Math.cos(rad(a[1]) - rad(b[1]));
  const q2 = Math.cos(rad(a[0]) - rad(b[0]));
  const q3 = Math.cos(rad(a[0]) + rad(b[0]));
  return Math.trunc(RRR * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
}

function explicitMatrix(w: number[], n: number, format: string): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  const set = (i: number, j: number) => {
    m[i][j] = w[k];
    m[j][i] = w[k];
    k++;
  };
  switch (format) {
    case 'FULL_MATRIX':
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i][j] = w[k++];
      break;
    case 'UPPER_ROW':
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) set(i, j);
      break;
    case 'LOWER_ROW':
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) set(i, j);
      break;
    case 'UPPER_DIAG_ROW':
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) set(i, j);
      break;
    case 'LOWER_DIAG_ROW':
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) set(i, j);
      break;
    default:
      throw new Error(`TSPLIB: unsupported EDGE_WEIGHT_FORMAT ${format}`);
  }
  if (k > w.length) throw new Error(`TSPLIB: EDGE_WEIGHT_SECTION has ${w.length} numbers, needs ${k}`);
  return m;
}

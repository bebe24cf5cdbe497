// vt-pbf ships no types; this is the part of its API the tile encoder uses.
declare module 'vt-pbf' {
  export interface GeojsonVtFeature {
    id?: number;
    /** 1 point, 2 line, 3 polygon. */
    type: 1 | 2 | 3;
    /** Points: the positions; lines and polygons: the rings (polygon rings closed). Tile units. */
    geometry: [number, number][] | [number, number][][];
    tags: Record<string, string | number | boolean>;
  }
  export function fromGeojsonVt(
    layers: Record<string, { features: GeojsonVtFeature[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}

import { buildWeights, formatWeightsSpec, type SpatialWeights, type WeightsSpec } from '../analytics/index.js';
import { gridCellFingerprint, gridCellGeometries, type CellScopeParams } from '../../db/queries/analysis.js';
import type { Queryable } from '../../db/queries/queryable.js';

/** Spatial weights of the grid cells of one scope, with the cells they index. */
export interface CellWeights {
  cellIds: Int32Array;
  codes: string[];
  districtCodes: string[];
  indexOfId: Map<number, number>;
  weights: SpatialWeights;
  spec: string;
}

const noWeights = (spec: WeightsSpec): SpatialWeights => ({
  n: 0,
  offsets: new Int32Array(1),
  neighbours: new Int32Array(0),
  weights: null,
  islands: [],
  kind: formatWeightsSpec(spec),
});

/**
 * Built weights per (scope, district, weights spec), kept while the cells' identity (ids and geometry digest) is
 * unchanged: building queen contiguity for thousands of cells takes far longer than the Gi* itself, and cells rarely
 * change. Concurrent requests for the same key share one build; a failed build is not kept.
 */
export class CellWeightsCache {
  private readonly entries = new Map<string, Promise<CellWeights>>();
  builds = 0;

  constructor(private readonly maxEntries = 48) {}

  async get(q: Queryable, where: CellScopeParams, spec: WeightsSpec): Promise<CellWeights> {
    const fingerprint = await gridCellFingerprint(q, where);
    const key = [where.scope.districtCode ?? '*', where.district ?? '*', formatWeightsSpec(spec), fingerprint.count, fingerprint.digest].join('|');
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last, so the oldest goes first when full.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    entry = this.build(q, where, spec);
    this.entries.set(key, entry);
    entry.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  private async build(q: Queryable, where: CellScopeParams, spec: WeightsSpec): Promise<CellWeights> {
    this.builds++;
    const cells = await gridCellGeometries(q, where);
    return {
      cellIds: Int32Array.from(cells.map((c) => c.id)),
      codes: cells.map((c) => c.code),
      districtCodes: cells.map((c) => c.districtCode),
      indexOfId: new Map(cells.map((c, i) => [c.id, i])),
      weights: cells.length === 0 ? noWeights(spec) : buildWeights(cells.map((c) => c.geometry), spec),
      spec: formatWeightsSpec(spec),
    };
  }
}

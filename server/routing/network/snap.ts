import { haversineDistanceMetres, type LonLat } from '../../domain/geodesy.js';
import { localProjection, type LocalProjection } from './geo.js';
import type { RoadGraph } from './graph.js';

/** Where a location joins the road network. */
export interface Snap {
  edge: number;
  /** Distance along the edge's polyline from its source vertex to the snapped point. */
  offsetMetres: number;
  /** The nearest point on the road. */
  point: LonLat;
  /** Straight-line length of the access leg from the location to the road. */
  accessMetres: number;
}

const CELL_METRES = 250;

/**
 * A uniform grid over the road segments (each consecutive pair of polyline points) in a local metric projection.
 * Only edges accepted by `includeEdge` are indexed, so snapping can be confined to one connected component.
 */
export class SnapIndex {
  private readonly projection: LocalProjection;
  private readonly originX: number;
  private readonly originY: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly cellStart: Int32Array;
  private readonly cellSegments: Int32Array;
  /** Edge of each indexed segment point (the segment runs from point p to p + 1). */
  private readonly pointEdge: Int32Array;
  private readonly visited: Uint32Array;
  private query = 0;
  readonly indexedEdges: number;

  constructor(private readonly graph: RoadGraph, includeEdge: (edge: number) => boolean = () => true) {
    const { pointLon, pointLat, edgePointStart, edgeCount } = graph;
    let latSum = 0;
    for (let p = 0; p < pointLat.length; p++) latSum += pointLat[p];
    this.projection = localProjection(pointLat.length > 0 ? latSum / pointLat.length : 0);
    this.pointEdge = new Int32Array(pointLon.length).fill(-1);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let indexedEdges = 0;
    for (let e = 0; e < edgeCount; e++) {
      if (!includeEdge(e)) continue;
      indexedEdges++;
      for (let p = edgePointStart[e]; p < edgePointStart[e + 1]; p++) {
        if (p < edgePointStart[e + 1] - 1) this.pointEdge[p] = e;
        const x = this.x(pointLon[p]);
        const y = this.y(pointLat[p]);
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
    this.indexedEdges = indexedEdges;
    if (indexedEdges === 0) {
      minX = minY = 0;
      maxX = maxY = 0;
    }
    this.originX = minX;
    this.originY = minY;
    this.columns = Math.floor((maxX - minX) / CELL_METRES) + 1;
    this.rows = Math.floor((maxY - minY) / CELL_METRES) + 1;

    // Two passes (count, then fill) give a CSR list of segments per cell without per-cell arrays.
    this.cellStart = new Int32Array(this.columns * this.rows + 1);
    const forEachCell = (p: number, visit: (cell: number) => void) => {
      const x0 = this.column(Math.min(this.x(pointLon[p]), this.x(pointLon[p + 1])));
      const x1 = this.column(Math.max(this.x(pointLon[p]), this.x(pointLon[p + 1])));
      const y0 = this.row(Math.min(this.y(pointLat[p]), this.y(pointLat[p + 1])));
      const y1 = this.row(Math.max(this.y(pointLat[p]), this.y(pointLat[p + 1])));
      for (let r = y0; r <= y1; r++) for (let c = x0; c <= x1; c++) visit(r * this.columns + c);
    };
    for (let p = 0; p < this.pointEdge.length; p++) {
      if (this.pointEdge[p] !== -1) forEachCell(p, (cell) => this.cellStart[cell + 1]++);
    }
    for (let cell = 0; cell < this.columns * this.rows; cell++) this.cellStart[cell + 1] += this.cellStart[cell];
    this.cellSegments = new Int32Array(this.cellStart[this.columns * this.rows]);
    const fill = this.cellStart.slice(0, this.columns * this.rows);
    for (let p = 0; p < this.pointEdge.length; p++) {
      if (this.pointEdge[p] !== -1) forEachCell(p, (cell) => (this.cellSegments[fill[cell]++] = p));
    }
    this.visited = new Uint32Array(this.pointEdge.length);
  }

  private x(lon: number): number {
    return lon * this.projection.metresPerDegreeLon;
  }
  private y(lat: number): number {
    return lat * this.projection.metresPerDegreeLat;
  }
  private column(x: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.floor((x - this.originX) / CELL_METRES)));
  }
  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.originY) / CELL_METRES)));
  }

  /** The nearest indexed road point to the location, or null when none lies within `maxDistanceMetres`. */
  nearest(location: LonLat, maxDistanceMetres = Number.POSITIVE_INFINITY): Snap | null {
    if (this.indexedEdges === 0) return null;
    const { pointLon, pointLat, pointOffsetMetres } = this.graph;
    const px = this.x(location[0]);
    const py = this.y(location[1]);
    // Cell of the location, unclamped: it may lie outside the grid.
    const cx = Math.floor((px - this.originX) / CELL_METRES);
    const cy = Math.floor((py - this.originY) / CELL_METRES);
    const query = ++this.query;
    let bestSquared = Infinity;
    let bestPoint = -1;
    let bestT = 0;
    const maxRing = Math.max(cx, this.columns - 1 - cx, cy, this.rows - 1 - cy, 0);
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every cell of this ring or beyond lies at least (ring - 1) cells away from the location.
      const ringDistance = Math.max(0, ring - 1) * CELL_METRES;
      if (ringDistance * ringDistance > bestSquared || ringDistance > maxDistanceMetres * 1.01 + CELL_METRES) break;
      for (let r = cy - ring; r <= cy + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const onEdgeRow = r === cy - ring || r === cy + ring;
        for (let c = cx - ring; c <= cx + ring; c += onEdgeRow ? 1 : 2 * ring || 1) {
          if (c < 0 || c >= this.columns) continue;
          const cell = r * this.columns + c;
          for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
            const p = this.cellSegments[k];
            if (this.visited[p] === query) continue;
            this.visited[p] = query;
            const ax = this.x(pointLon[p]);
            const ay = this.y(pointLat[p]);
            const dx = this.x(pointLon[p + 1]) - ax;
            const dy = this.y(pointLat[p + 1]) - ay;
            const lengthSquared = dx * dx + dy * dy;
            const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
            const ex = ax + t * dx - px;
            const ey = ay + t * dy - py;
            const squared = ex * ex + ey * ey;
            if (squared < bestSquared) {
              bestSquared = squared;
              bestPoint = p;
              bestT = t;
            }
          }
        }
      }
    }
    if (bestPoint === -1) return null;
    const lon = pointLon[bestPoint] + bestT * (pointLon[bestPoint + 1] - pointLon[bestPoint]);
    const lat = pointLat[bestPoint] + bestT * (pointLat[bestPoint + 1] - pointLat[bestPoint]);
    const accessMetres = haversineDistanceMetres(location[0], location[1], lon, lat);
    if (accessMetres > maxDistanceMetres) return null;
    const segmentStart = pointOffsetMetres[bestPoint];
    const offsetMetres = segmentStart + bestT * (pointOffsetMetres[bestPoint + 1] - segmentStart);
    return { edge: this.pointEdge[bestPoint], offsetMetres, point: [lon, lat], accessMetres };
  }
}

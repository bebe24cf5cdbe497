import type { ClueTileProperties, InstitutionTileProperties } from '../../server/contract/tile-features.js';
import type {
  DistrictProperties,
  Feature,
  GridCellProperties,
  PointGeometry,
  PolygonalGeometry,
} from '../../server/contract/index.js';

export type DistrictFeature = Feature<PolygonalGeometry, DistrictProperties>;
export type GridCellFeature = Feature<PolygonalGeometry, GridCellProperties>;
// The map draws institutions and clues from vector tiles, which carry what drawing, the tooltip and a click need.
export type InstitutionFeature = Feature<PointGeometry, InstitutionTileProperties>;
export type ClueFeature = Feature<PointGeometry, ClueTileProperties>;

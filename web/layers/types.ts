import type {
  ClueProperties,
  DistrictProperties,
  Feature,
  GridCellProperties,
  InstitutionProperties,
  PointGeometry,
  PolygonalGeometry,
} from '../../server/contract/index.js';

export type DistrictFeature = Feature<PolygonalGeometry, DistrictProperties>;
export type GridCellFeature = Feature<PolygonalGeometry, GridCellProperties>;
export type InstitutionFeature = Feature<PointGeometry, InstitutionProperties>;
export type ClueFeature = Feature<PointGeometry, ClueProperties>;

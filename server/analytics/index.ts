// Public surface of the hotspot analytics: pure functions (no I/O, no clock, no Node built-ins) that
// the server, the CLI and the browser import. See docs/analytics.md for formulas and conventions.

export { AnalyticsInputError } from './errors.js';
export type {
  AnalysisGeometry,
  GeoJsonFeature,
  GeoJsonFeatureCollection,
  MultiPointGeometry,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
  Position,
} from './geojson.js';

// Spatial weights
export type { SpatialWeights } from './weights/types.js';
export { weightsFromNeighbourLists, weightsFromEdges, neighboursOf, cardinalities, isSymmetric } from './weights/csr.js';
export { contiguityWeights, DEFAULT_SNAP, type ContiguityOptions } from './weights/contiguity.js';
export { distanceBandWeights, type DistanceBandOptions } from './weights/distanceBand.js';
export { knnWeights, type KnnOptions } from './weights/knn.js';
export { centroidOf, centroidsOf } from './weights/centroid.js';
export { greatCircleDistanceKm, greatCircleDistanceMetres } from './weights/distance.js';
export { buildWeights, parseWeightsSpec, formatWeightsSpec, type WeightsSpec, type BuildWeightsOptions } from './weightsSpec.js';

// Gi*, p-values, FDR, bins, permutations
export {
  createGiStarComputer,
  localGiStar,
  type GiStarComputer,
  type GiStarOptions,
  type GiStarResult,
} from './gistar.js';
export type { GiWeightStyle, GiRows } from './giStarRows.js';
export { erf, erfc, normalCdf, normalUpperTail, twoSidedNormalP } from './normal.js';
export { benjaminiHochberg, createBenjaminiHochberg } from './fdr.js';
export { confidenceBin, binConfidencePercent, type ConfidenceBin } from './bins.js';
export { giPermutationPValues, permutationPValuesFor, type PermutationOptions } from './permutation.js';

// Whole-feature-collection analysis (CLI and API)
export { analyseFeatureHotspots, type HotspotOptions, type HotspotOutput, type HotspotSummary } from './featureHotspots.js';
export { validateFeatureInput, type ValidatedFeatures } from './featureInput.js';
export { parseHotspotCliArgs, HOTSPOT_USAGE, type HotspotCliArgs } from './hotspotCli.js';

// Emerging hot spots
export {
  emergingHotspots,
  EMERGING_CATEGORIES,
  classifyEmerging,
  mannKendall,
  createMannKendall,
  type EmergingCategory,
  type EmergingOptions,
  type EmergingResult,
  type MannKendallResult,
  type SpaceTimeCube,
} from './emerging.js';
export { spaceTimeGiStar, type SpaceTimeGiStarResult } from './emerging/spaceTimeGiStar.js';

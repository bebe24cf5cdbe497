// Public surface of the hotspot analytics: pure functions (no I/O, no clock, no Node built-ins) that
// the server, the CLI and the browser import. See docs/analytics.md for formulas and conventions.

export { AnalyticsInputError } from './errors';
export type {
  AnalysisGeometry,
  GeoJsonFeature,
  GeoJsonFeatureCollection,
  MultiPointGeometry,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
  Position,
} from './geojson';

// Spatial weights
export type { SpatialWeights } from './weights/types';
export { weightsFromNeighbourLists, weightsFromEdges, neighboursOf, cardinalities, isSymmetric } from './weights/csr';
export { contiguityWeights, DEFAULT_SNAP, type ContiguityOptions } from './weights/contiguity';
export { distanceBandWeights, type DistanceBandOptions } from './weights/distanceBand';
export { knnWeights, type KnnOptions } from './weights/knn';
export { centroidOf, centroidsOf } from './weights/centroid';
export { greatCircleDistanceKm, greatCircleDistanceMetres } from './weights/distance';
export { buildWeights, parseWeightsSpec, formatWeightsSpec, type WeightsSpec, type BuildWeightsOptions } from './weightsSpec';

// Gi*, p-values, FDR, bins, permutations
export {
  createGiStarComputer,
  localGiStar,
  type GiStarComputer,
  type GiStarOptions,
  type GiStarResult,
} from './gistar';
export type { GiWeightStyle, GiRows } from './giStarRows';
export { erf, erfc, normalCdf, normalUpperTail, twoSidedNormalP } from './normal';
export { benjaminiHochberg, createBenjaminiHochberg } from './fdr';
export { confidenceBin, binConfidencePercent, type ConfidenceBin } from './bins';
export { giPermutationPValues, permutationPValuesFor, type PermutationOptions } from './permutation';
export { createPrng, type Prng } from './prng';

// Whole-feature-collection analysis (CLI and API)
export { analyseFeatureHotspots, type HotspotOptions, type HotspotOutput, type HotspotSummary } from './featureHotspots';
export { validateFeatureInput, type ValidatedFeatures } from './featureInput';
export { parseHotspotCliArgs, HOTSPOT_USAGE, type HotspotCliArgs } from './hotspotCli';

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
} from './emerging';
export { spaceTimeGiStar, type SpaceTimeGiStarResult } from './emerging/spaceTimeGiStar';

// Institution risk
export {
  institutionRisk,
  rankInstitutionsByRisk,
  RISK_FACTORS,
  RISK_TIER_THRESHOLDS,
  INSPECTION_FREQUENCY,
  RECENT_CLUE_WINDOW_DAYS,
  VIOLATION_WINDOW_DAYS,
  type InstitutionRiskInput,
  type InstitutionRisk,
  type RiskFactor,
  type RiskFactorKey,
  type RiskTier,
  type InspectionFrequency,
  type DateInput,
} from './risk';

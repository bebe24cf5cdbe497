import {
  analysisCellCollectionSchema,
  analysisCellsRoute,
  cellCountsRoute,
  cellCountsSchema,
  emergingHotspotsRoute,
  emergingHotspotsSchema,
  gridHotspotsRoute,
  gridHotspotsSchema,
  institutionRiskRoute,
  postHotspotsRoute,
  riskListRoute,
} from '../contract/analysis.js';
import { createRouter } from '../http/router.js';
import { analysisCells, cellCounts, emergingHotspots, featureHotspots, gridHotspots } from '../services/analysis.js';
import type { Deps } from '../services/deps.js';
import { institutionRisk, riskList } from '../services/risk.js';
import { cachedJson } from './cached-json.js';

export function analysisRouter(deps: Deps) {
  return createRouter()
    .openapi(postHotspotsRoute, (c) => c.json(featureHotspots(c.req.valid('json')), 200))
    .openapi(gridHotspotsRoute, async (c) => cachedJson(c, deps, gridHotspotsSchema, 'grid-hotspots', c.req.valid('query'), async (user, query) => JSON.stringify(await gridHotspots(deps, user, query))))
    .openapi(emergingHotspotsRoute, async (c) => cachedJson(c, deps, emergingHotspotsSchema, 'emerging-hotspots', c.req.valid('query'), async (user, query) => JSON.stringify(await emergingHotspots(deps, user, query))))
    .openapi(cellCountsRoute, async (c) => cachedJson(c, deps, cellCountsSchema, 'cell-counts', c.req.valid('query'), async (user, query) => JSON.stringify(await cellCounts(deps, user, query))))
    .openapi(analysisCellsRoute, async (c) => cachedJson(c, deps, analysisCellCollectionSchema, 'analysis-cells', c.req.valid('query'), (user, query) => analysisCells(deps, user, query)))
    .openapi(institutionRiskRoute, async (c) => c.json(await institutionRisk(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(riskListRoute, async (c) => c.json(await riskList(deps, c.get('user'), c.req.valid('query')), 200));
}

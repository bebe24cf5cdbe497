import {
  analysisCellCollectionSchema,
  analysisCellsRoute,
  cellCountsRoute,
  emergingHotspotsRoute,
  gridHotspotsRoute,
  institutionRiskRoute,
  postHotspotsRoute,
  riskListRoute,
} from '../contract/analysis.js';
import { createRouter, jsonText } from '../http/router.js';
import { analysisCells, cellCounts, emergingHotspots, featureHotspots, gridHotspots } from '../services/analysis.js';
import type { Deps } from '../services/deps.js';
import { institutionRisk, riskList } from '../services/risk.js';

export function analysisRouter(deps: Deps) {
  return createRouter()
    .openapi(postHotspotsRoute, (c) => c.json(featureHotspots(c.req.valid('json')), 200))
    .openapi(gridHotspotsRoute, async (c) => c.json(await gridHotspots(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(emergingHotspotsRoute, async (c) => c.json(await emergingHotspots(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(cellCountsRoute, async (c) => c.json(await cellCounts(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(analysisCellsRoute, async (c) => jsonText(c, analysisCellCollectionSchema, await analysisCells(deps, c.get('user'), c.req.valid('query'))))
    .openapi(institutionRiskRoute, async (c) => c.json(await institutionRisk(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(riskListRoute, async (c) => c.json(await riskList(deps, c.get('user'), c.req.valid('query')), 200));
}

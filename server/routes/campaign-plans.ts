import { getCampaignPlanJobRoute, getCampaignPlanRoute, replanCampaignRoute, startCampaignPlanRoute } from '../contract/campaign-plans.js';
import { replanTeamsRoute } from '../contract/campaign-replan.js';
import { createRouter } from '../http/router.js';
import { campaignPlanJob, getCampaignPlan, replanCampaignDay, startCampaignPlanJob } from '../services/campaign-plans.js';
import { replanTeams } from '../services/campaign-replan.js';
import type { Deps } from '../services/deps.js';

export function campaignPlansRouter(deps: Deps) {
  return createRouter()
    .openapi(getCampaignPlanRoute, async (c) => c.json(await getCampaignPlan(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(startCampaignPlanRoute, async (c) =>
      c.json(await startCampaignPlanJob(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 202),
    )
    .openapi(getCampaignPlanJobRoute, (c) => {
      const { id, jobId } = c.req.valid('param');
      return c.json(campaignPlanJob(deps, c.get('user'), id, jobId), 200);
    })
    .openapi(replanCampaignRoute, async (c) =>
      c.json(await replanCampaignDay(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(replanTeamsRoute, async (c) => c.json(await replanTeams(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200));
}

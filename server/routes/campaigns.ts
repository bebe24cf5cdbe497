import {
  campaignVersionsRoute,
  createCampaignRoute,
  editCampaignRoute,
  getCampaignRoute,
  listCampaignsRoute,
  transitionCampaignRoute,
} from '../contract/campaigns.js';
import { createRouter } from '../http/router.js';
import { createCampaign, editCampaign, getCampaign, getCampaignVersions, listCampaignsFor, stepCampaign } from '../services/campaigns.js';
import type { Deps } from '../services/deps.js';

export function campaignsRouter(deps: Deps) {
  return createRouter()
    .openapi(listCampaignsRoute, async (c) => c.json(await listCampaignsFor(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(getCampaignRoute, async (c) => c.json(await getCampaign(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(campaignVersionsRoute, async (c) => c.json(await getCampaignVersions(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(createCampaignRoute, async (c) => {
      const campaign = await createCampaign(deps, c.get('user'), c.req.valid('json'));
      c.header('Location', `/api/campaigns/${campaign.id}`);
      return c.json(campaign, 201);
    })
    .openapi(editCampaignRoute, async (c) => c.json(await editCampaign(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(transitionCampaignRoute, async (c) =>
      c.json(await stepCampaign(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}

import { campaignProgressRoute } from '../contract/campaign-progress.js';
import { createRouter } from '../http/router.js';
import { getCampaignProgress } from '../services/campaign-progress.js';
import type { Deps } from '../services/deps.js';

export function campaignProgressRouter(deps: Deps) {
  return createRouter().openapi(campaignProgressRoute, async (c) => c.json(await getCampaignProgress(deps, c.get('user'), c.req.valid('param').id), 200));
}

// The campaign board's data (行动看板): the stored plan of the campaign's current version against the check-ins and
// arrivals recorded so far, in the caller's district scope.
import { campaignArrivals, campaignCheckIns } from '../../db/queries/campaign-progress.js';
import { campaignPlanOf } from '../../db/queries/campaign-plans.js';
import { campaignById } from '../../db/queries/campaigns.js';
import type { UserRow } from '../../db/queries/users.js';
import { campaignPlanSchema } from '../contract/campaign-plans.js';
import type { CampaignProgress } from '../contract/campaign-progress.js';
import { campaignDefinitionSchema } from '../contract/campaigns.js';
import { campaignProgress } from '../planning/campaign-progress.js';
import { scopeOf } from './access.js';
import type { Deps } from './deps.js';
import { notFound } from './errors.js';

export async function getCampaignProgress(deps: Pick<Deps, 'database'>, user: UserRow, id: number): Promise<CampaignProgress> {
  const scope = scopeOf(user);
  const row = await campaignById(deps.database, { scope, id });
  if (!row) throw notFound(`campaign ${id}`);
  const stored = await campaignPlanOf(deps.database, { campaignId: id, version: row.currentVersion });
  if (!stored) throw notFound(`plan of campaign ${id} version ${row.currentVersion}`);
  const plan = campaignPlanSchema.parse(stored.plan);
  const [checkIns, arrivals] = [await campaignCheckIns(deps.database, { campaignId: id, scope }), await campaignArrivals(deps.database, { campaignId: id, scope })];
  return campaignProgress({
    campaign: { id, version: row.currentVersion, status: row.status, name: campaignDefinitionSchema.parse(row.definition).name },
    plan,
    district: scope.districtCode,
    checkIns,
    arrivals,
  });
}

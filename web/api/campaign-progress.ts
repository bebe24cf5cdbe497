import type { CampaignProgress } from '../../server/contract/campaign-progress.js';
import { client, withSignal } from './client.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

export const campaignProgress = (id: number, signal?: AbortSignal) =>
  readJson<CampaignProgress>(client.api.campaigns[':id'].progress.$get({ param: { id: String(id) } }, withSignal(signal)));

/** The board's figures; `revision` moves on each live change, which reads them afresh (never from the cache). */
export function useCampaignProgress(id: number | null, revision: number) {
  return useResource(id === null ? null : `campaign-progress:${id}:${revision}`, (signal) => campaignProgress(id!, signal));
}

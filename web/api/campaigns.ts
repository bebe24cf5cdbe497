import { useState } from 'react';
import type { Campaign, CampaignDefinitionInput, CampaignList, CampaignVersions } from '../../server/contract/index.js';
import type { campaignActions } from '../../server/contract/campaigns.js';
import { client, withSignal } from './client.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const campaigns = client.api.campaigns;
export type CampaignStep = (typeof campaignActions)[number];

export const listCampaigns = (signal?: AbortSignal) => readJson<CampaignList>(campaigns.$get({ query: {} }, withSignal(signal)));

export const campaignVersions = (id: number, signal?: AbortSignal) =>
  readJson<CampaignVersions>(campaigns[':id'].versions.$get({ param: { id: String(id) } }, withSignal(signal)));

export const createCampaign = (definition: CampaignDefinitionInput) => readJson<Campaign>(campaigns.$post({ json: definition }));

export const editCampaign = (id: number, baseVersion: number, definition: CampaignDefinitionInput) =>
  readJson<Campaign>(campaigns[':id'].$put({ param: { id: String(id) }, json: { baseVersion, definition } }));

export const stepCampaign = (id: number, action: CampaignStep, version: number, note?: string) =>
  readJson<Campaign>(campaigns[':id'].transitions.$post({ param: { id: String(id) }, json: { action, version, ...(note ? { note } : {}) } }));

let visits = 0;

/**
 * The campaigns in scope, read afresh on each visit and after each change (`revision`): a campaign list is short and
 * others change it, so it is never served from the resource cache of an earlier visit.
 */
export function useCampaigns(revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(`campaigns:${visit}:${revision}`, listCampaigns);
}

export function useCampaignVersions(id: number | null, revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(id === null ? null : `campaign-versions:${visit}:${id}:${revision}`, (signal) => campaignVersions(id!, signal));
}

// The after-action report of a campaign, its files, and the 一公开 list: publishing it (planners, administrators) and
// reading it without a login. JSON goes through the typed client; the files are fetched by path (downloadFile).
import { useState } from 'react';
import type { CampaignReport, Publication, ReportTable } from '../../server/contract/campaign-report.js';
import { client, withSignal } from './client.js';
import { ApiError } from './errors.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const idParam = (id: number) => ({ id: String(id) });

export const campaignReport = (id: number, signal?: AbortSignal) =>
  readJson<CampaignReport>(client.api.campaigns[':id'].report.$get({ param: idParam(id) }, withSignal(signal)));

export const reportPdfPath = (id: number) => `/api/campaigns/${id}/report.pdf`;
export const reportCsvPath = (id: number, table: ReportTable) => `/api/campaigns/${id}/report/${table}.csv`;
export const publicResultsCsvPath = (id: number) => `/api/public/campaigns/${id}/results.csv`;
export const publicResultsPagePath = (id: number) => `/results/${id}`;

export const publishResults = (id: number, correctionNote?: string) =>
  readJson<Publication>(client.api.campaigns[':id'].publication.$post({ param: idParam(id), json: correctionNote ? { correctionNote } : {} }));

/** The published list, or null when nothing is published (404). */
export async function publicResults(id: number, signal?: AbortSignal): Promise<Publication | null> {
  try {
    return await readJson<Publication>(client.api.public.campaigns[':id'].results.$get({ param: idParam(id) }, withSignal(signal)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

let visits = 0;

/** The report, read afresh on each visit and after each publication (`revision`): the teams keep checking in. */
export function useCampaignReport(id: number | null, revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(id === null ? null : `campaign-report:${visit}:${id}:${revision}`, (signal) => campaignReport(id!, signal));
}

export function usePublicResults(id: number | null, revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(id === null ? null : `public-results:${visit}:${id}:${revision}`, (signal) => publicResults(id!, signal));
}

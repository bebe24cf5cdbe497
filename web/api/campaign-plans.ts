// The plan of a special campaign: the stored plan, the planning job and its progress, re-planning one district-day,
// and the outputs (dispatch sheets, the 一公开 notice, exports). The plan and its job go through the typed client; the
// outputs are fetched by path (files are read as blobs, which the typed client does not help with).
import { useState } from 'react';
import type { CampaignPlan } from '../../server/contract/campaign-plans.js';
import type { TeamReplanRequest, TeamReplanResult } from '../../server/contract/campaign-replan.js';
import type { DispatchSheet, DrawNotice } from '../../server/planning/dispatch/schema.js';
import type { CampaignPlanJob, DispatchQuery, PlanSettingsBody } from '../state/campaign-plan.js';
import { client, withSignal } from './client.js';
import { ApiError, errorFromBody } from './errors.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const base = (id: number) => `/api/campaigns/${encodeURIComponent(String(id))}/plan`;

const send = (path: string, init: RequestInit = {}): Promise<Response> => fetch(path, { credentials: 'same-origin', ...init });

const query = (q: Partial<DispatchQuery>) => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const text = params.toString();
  return text ? `?${text}` : '';
};

const plans = client.api.campaigns[':id'].plan;
const idParam = (id: number) => ({ id: String(id) });

/** The stored plan, or null when the campaign has none yet (404). */
export async function campaignPlan(id: number, signal?: AbortSignal): Promise<CampaignPlan | null> {
  try {
    return await readJson<CampaignPlan>(plans.$get({ param: idParam(id) }, withSignal(signal)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const startCampaignPlan = (id: number, version: number, settings: PlanSettingsBody, signal?: AbortSignal) =>
  readJson<CampaignPlanJob>(plans.jobs.$post({ param: idParam(id), json: { version, settings } }, withSignal(signal)));

export const campaignPlanJob = (id: number, jobId: string, signal?: AbortSignal) =>
  readJson<CampaignPlanJob>(plans.jobs[':jobId'].$get({ param: { ...idParam(id), jobId } }, withSignal(signal)));

export const replanDistrictDay = (id: number, version: number, district: string, date: string) =>
  readJson<CampaignPlan>(plans.replan.$post({ param: idParam(id), json: { version, district, date } }));

/** 调整: re-plans the remaining stops of a running day after an officer drops out or an urgent target arrives. */
export const replanTeams = (id: number, body: TeamReplanRequest) => readJson<TeamReplanResult>(plans.teams.replan.$post({ param: idParam(id), json: body }));

export const dispatchSheets = (id: number, q: DispatchQuery, signal?: AbortSignal) =>
  readJson<DispatchSheet[]>(send(`${base(id)}/dispatch${query(q)}`, { signal }));

export const drawNotice = (id: number, signal?: AbortSignal) => readJson<DrawNotice>(send(`${base(id)}/draw-notice`, { signal }));

export type ExportTable = 'targets' | 'routes' | 'assignments';
export type ExportFormat = 'csv' | 'geojson';

export const dispatchPdfPath = (id: number, q: DispatchQuery) => `${base(id)}/dispatch.pdf${query(q)}`;
export const drawNoticeCsvPath = (id: number) => `${base(id)}/draw-notice.csv`;
export const exportPath = (id: number, table: ExportTable, format: ExportFormat) => `${base(id)}/export/${table}.${format}`;

/** Fetches a file of the API and saves it under `fileName` (the session's cookie goes with it; errors as ApiError). */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  let res: Response;
  try {
    res = await send(path);
  } catch (error) {
    throw new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  }
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not the error shape: the status says enough.
    }
    throw errorFromBody(res.status, body);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob after the click's task; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const POLL_MS = 400;
const finished = (job: CampaignPlanJob) => job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

/** Polls a planning job until it ends, reporting every state; an aborted signal stops polling. */
export async function followCampaignPlanJob(id: number, job: CampaignPlanJob, onUpdate: (job: CampaignPlanJob) => void, signal: AbortSignal): Promise<CampaignPlanJob> {
  let current = job;
  onUpdate(current);
  while (!finished(current)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    current = await campaignPlanJob(id, job.id, signal);
    onUpdate(current);
  }
  return current;
}

let visits = 0;

/** The stored plan, read afresh on each visit and after each change (`revision`): others may plan the same campaign. */
export function useCampaignPlan(id: number | null, revision: number) {
  const [visit] = useState(() => ++visits);
  return useResource(id === null ? null : `campaign-plan:${visit}:${id}:${revision}`, (signal) => campaignPlan(id!, signal));
}

export function useDispatchSheets(id: number | null, q: DispatchQuery | null, revision: number) {
  const key = id === null || q === null ? null : `campaign-dispatch:${id}:${revision}:${q.district}:${q.date}:${q.team ?? ''}`;
  return useResource(key, (signal) => dispatchSheets(id!, q!, signal));
}

export function useDrawNotice(id: number | null, revision: number) {
  return useResource(id === null ? null : `campaign-draw-notice:${id}:${revision}`, (signal) => drawNotice(id!, signal));
}

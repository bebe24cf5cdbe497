import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Campaign } from '../../server/contract/index.js';
import type { TeamReplanRequest, TeamReplanResult } from '../../server/contract/campaign-replan.js';
import { useCampaignDays } from '../api/calendar.js';
import {
  dispatchPdfPath,
  downloadFile,
  drawNoticeCsvPath,
  exportPath,
  followCampaignPlanJob,
  replanDistrictDay,
  replanTeams,
  startCampaignPlan,
  useCampaignPlan,
  useDispatchSheets,
  useDrawNotice,
  type ExportFormat,
  type ExportTable,
} from '../api/campaign-plans.js';
import { ApiError, isAbort } from '../api/errors.js';
import {
  emptyPlanView,
  idleRun,
  outputFileName,
  planRunReducer,
  planSettingsBody,
  planSettingsForm,
  planViewReducer,
  type DispatchQuery,
  type PlanSettingsField,
  type PlanSettingsForm,
} from '../state/campaign-plan.js';

/** What the page shows instead of the campaigns: the dispatch sheets of a query, or the 一公开 notice. */
export type CampaignOutput = { kind: 'dispatch'; query: DispatchQuery } | { kind: 'notice' };

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(String(error), 0, 'network'));

/**
 * Everything the plan of the open campaign needs from the server, held at page level and handed down as props: the
 * campaign's days, the stored plan, the planning job, re-planning, and the outputs with their downloads.
 */
export function useCampaignPlanPage(campaign: Campaign | null, onChanged: () => void) {
  const id = campaign?.id ?? null;
  const [revision, setRevision] = useState(0);
  const days = useCampaignDays(campaign ? { from: campaign.definition.startsOn, to: campaign.definition.endsOn } : null);
  const plan = useCampaignPlan(id, revision);
  const storedPlan = plan.data && plan.data.campaignId === id ? plan.data : null;
  const [run, dispatchRun] = useReducer(planRunReducer, idleRun);
  const [view, dispatchView] = useReducer(planViewReducer, emptyPlanView);
  const [form, setForm] = useState<PlanSettingsForm>(() => planSettingsForm(null));
  const [formFields, setFormFields] = useState<PlanSettingsField[]>([]);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [replanning, setReplanning] = useState(false);
  const [output, setOutput] = useState<CampaignOutput | null>(null);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const job = useRef<{ controller: AbortController } | null>(null);

  // Another campaign, or a plan read afresh: the form starts from its settings (adjusted while rendering, as React
  // advises for state that follows a prop). Another campaign also forgets the last run and the output shown.
  const planKey = storedPlan ? `${storedPlan.campaignId}:${storedPlan.createdAt}` : `none:${id}`;
  const [formFor, setFormFor] = useState(planKey);
  if (formFor !== planKey) {
    setFormFor(planKey);
    setForm(planSettingsForm(storedPlan));
    setFormFields([]);
  }
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    dispatchRun({ type: 'reset' });
    setActionError(null);
    setOutput(null);
  }
  // Leaving the campaign (or the page) stops following its job.
  useEffect(() => {
    const current = job;
    return () => current.current?.controller.abort();
  }, [id]);

  const startPlan = useCallback(async () => {
    if (!campaign) return;
    const parsed = planSettingsBody(form);
    if (!parsed.ok) return setFormFields(parsed.fields);
    setFormFields([]);
    setActionError(null);
    job.current?.controller.abort();
    const controller = new AbortController();
    job.current = { controller };
    dispatchRun({ type: 'started' });
    try {
      const started = await startCampaignPlan(campaign.id, campaign.version, parsed.body, controller.signal);
      const end = await followCampaignPlanJob(campaign.id, started, (update) => dispatchRun({ type: 'jobUpdated', job: update }), controller.signal);
      if (end.status === 'done') {
        setRevision((r) => r + 1);
        onChanged();
      }
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      const apiError = asApiError(error);
      setActionError(apiError);
      dispatchRun({ type: 'failed', code: apiError.code });
    }
  }, [campaign, form, onChanged]);

  const replan = useCallback(
    async (district: string, date: string) => {
      if (!campaign) return;
      setReplanning(true);
      setActionError(null);
      try {
        await replanDistrictDay(campaign.id, campaign.version, district, date);
        setRevision((r) => r + 1);
      } catch (error) {
        setActionError(asApiError(error));
      } finally {
        setReplanning(false);
      }
    },
    [campaign],
  );

  // 调整 of a running day: the change summary is shown until the next one; a refusal is shown in its place.
  const [teamReplan, setTeamReplan] = useState<{ busy: boolean; result: TeamReplanResult | null; error: ApiError | null }>({ busy: false, result: null, error: null });
  const adjust = useCallback(
    async (body: Omit<TeamReplanRequest, 'version'>) => {
      if (!campaign) return;
      setTeamReplan({ busy: true, result: null, error: null });
      try {
        const result = await replanTeams(campaign.id, { ...body, version: campaign.version });
        setTeamReplan({ busy: false, result, error: null });
        setRevision((r) => r + 1);
      } catch (error) {
        setTeamReplan({ busy: false, result: null, error: asApiError(error) });
      }
    },
    [campaign],
  );

  const sheets = useDispatchSheets(output?.kind === 'dispatch' ? id : null, output?.kind === 'dispatch' ? output.query : null, revision);
  const notice = useDrawNotice(output?.kind === 'notice' ? id : null, revision);

  const download = useCallback(
    async (path: string, name: string) => {
      setDownloadError(null);
      try {
        await downloadFile(path, name);
      } catch (error) {
        setDownloadError(asApiError(error));
        throw error;
      }
    },
    [],
  );
  const downloads = {
    dispatchPdf: (q: DispatchQuery) => (id === null ? Promise.resolve() : download(dispatchPdfPath(id, q), `${outputFileName(id, 'dispatch', q)}.pdf`)),
    noticeCsv: () => void (id !== null && download(drawNoticeCsvPath(id), `${outputFileName(id, 'draw_notice')}.csv`).catch(() => {})),
    exportFile: (table: ExportTable, format: ExportFormat) => void (id !== null && download(exportPath(id, table, format), `${outputFileName(id, table)}.${format}`).catch(() => {})),
  };

  return {
    days,
    plan: { ...plan, data: storedPlan, retry: () => setRevision((r) => r + 1) },
    run,
    view,
    dispatchView,
    form,
    formFields,
    setForm,
    actionError,
    replanning,
    startPlan: () => void startPlan(),
    replan: (district: string, date: string) => void replan(district, date),
    teamReplan,
    adjust: (body: Omit<TeamReplanRequest, 'version'>) => void adjust(body),
    output,
    setOutput,
    sheets,
    notice,
    downloads,
    downloadError,
  };
}

export type CampaignPlanPage = ReturnType<typeof useCampaignPlanPage>;

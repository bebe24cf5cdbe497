// Planning jobs of campaigns: the routing job registry (owner, progress, cancel, time to live) with what a planning
// job reports besides — its stage and how many of its district-shifts are routed — and the campaign it plans.
import type { CampaignPlan, CampaignPlanJob, campaignPlanStages } from '../contract/campaign-plans.js';
import type { Clock } from '../domain/clock.js';
import { JobRegistry, type JobControl, type JobError, type JobLimits, type JobView } from '../jobs/job-registry.js';

export type PlanStage = (typeof campaignPlanStages)[number];

export interface PlanProgress {
  stage: PlanStage;
  done: number;
  total: number;
}

export type PlanReporter = (progress: PlanProgress) => void;

interface PlanJobState extends PlanProgress {
  campaignId: number;
}

export class CampaignPlanJobs {
  private readonly registry: JobRegistry<CampaignPlan>;
  private readonly states = new Map<string, PlanJobState>();

  constructor(now: Clock, limits?: JobLimits) {
    this.registry = new JobRegistry<CampaignPlan>(now, limits);
  }

  start(owner: number, campaignId: number, work: (report: PlanReporter, control: JobControl) => Promise<CampaignPlan>, describeError: (e: unknown) => JobError): CampaignPlanJob {
    const state: PlanJobState = { campaignId, stage: 'loading', done: 0, total: 0 };
    const view = this.registry.start(
      owner,
      'campaign-plan',
      (control) =>
        work((p) => {
          Object.assign(state, p);
          control.progress(p.total ? p.done / p.total : 0, p.done);
        }, control).then((plan) => {
          state.stage = 'done';
          return plan;
        }),
      describeError,
    );
    this.states.set(view.id, state);
    // Finished jobs leave the registry after a while; their states go with them on the next start.
    for (const id of this.states.keys()) if (!this.registry.exists(id)) this.states.delete(id);
    return this.viewOf(view, state);
  }

  get(id: string, owner: number, campaignId: number): CampaignPlanJob | null {
    const view = this.registry.get(id, owner);
    const state = this.states.get(id);
    if (!view || !state || state.campaignId !== campaignId) return null;
    return this.viewOf(view, state);
  }

  private viewOf(view: JobView<CampaignPlan>, state: PlanJobState): CampaignPlanJob {
    return {
      id: view.id,
      kind: 'campaign-plan',
      campaignId: state.campaignId,
      status: view.status,
      progress: view.progress,
      stage: state.stage,
      done: state.done,
      total: state.total,
      createdAt: view.createdAt,
      finishedAt: view.finishedAt,
      result: view.result,
      error: view.error,
    };
  }
}

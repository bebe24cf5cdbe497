import { useMemo, useState } from 'react';
import type { Campaign } from '../../../server/contract/index.js';
import type { CampaignPlanTeam } from '../../../server/contract/campaign-plans.js';
import { errorMessage } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';
import { teamColours } from '../../layers/campaign-plan-layers.js';
import type { DistrictFeature } from '../../layers/types.js';
import { dispatchQueryOf, noTargetFilter, planDistricts, viewFor, visibleTeams, type TargetFilter } from '../../state/campaign-plan.js';
import type { CampaignPlanPage } from '../use-campaign-plan.js';
import { PlanMap } from './PlanMap.js';
import { PlanOutputs } from './PlanOutputs.js';
import { useNavigation } from '../../navigation.js';
import { PlanProgress } from './PlanProgress.js';
import { PlanSettingsForm } from './PlanSettingsForm.js';
import { PlanSummary } from './PlanSummary.js';
import { PlanTargetsTable } from './PlanTargetsTable.js';
import { PlanTeamsTable } from './PlanTeamsTable.js';
import { PlanUnassigned } from './PlanUnassigned.js';
import { StateLine } from './StateLine.js';
import './plan.css';

export interface PlanPanelProps {
  campaign: Campaign;
  page: CampaignPlanPage;
  districts: readonly DistrictFeature[];
  /** The user may change the campaign (its `actions` offer `edit`). */
  mayEdit: boolean;
}

/** 方案: settings and 生成方案 while a draft, the job's progress, then the stored plan's summary, map, teams, targets, outputs. */
export function PlanPanel({ campaign, page, districts, mayEdit }: PlanPanelProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<TargetFilter>(noTargetFilter);
  const plan = page.plan.data;
  const planning = mayEdit && campaign.status === 'draft';
  const view = plan ? viewFor(plan, page.view) : page.view;
  const teams = useMemo(() => (plan ? visibleTeams(plan, view) : []), [plan, view]);
  const colours = useMemo(() => teamColours(teams), [teams]);
  const running = page.run.status === 'running';
  const stale = plan !== null && plan.campaignVersion !== campaign.version;
  const onlyDistrict = plan ? (view.district ?? (planDistricts(plan).length === 1 ? planDistricts(plan)[0] : null)) : null;
  const navigation = useNavigation();
  const openTeam = (team: CampaignPlanTeam) => page.setOutput({ kind: 'dispatch', query: dispatchQueryOf(team) });

  return (
    <div className="plan-panel" data-testid="plan-panel">
      {planning ? (
        <PlanSettingsForm
          form={page.form}
          invalid={page.formFields}
          editable
          running={running}
          onChange={page.setForm}
          onPlan={page.startPlan}
        />
      ) : (
        !plan && !page.plan.loading && !page.plan.error && <p className="state-line" data-testid="plan-not-draft">{t(mayEdit ? 'plan.onlyDraft' : 'plan.noPlanReadOnly')}</p>
      )}
      <PlanProgress run={page.run} />
      {page.actionError && (
        <p className="notice notice--error" role="alert" data-testid="plan-error">
          {t(page.actionError.status === 409 ? 'plan.error.stale' : errorMessage(page.actionError).key)}
        </p>
      )}
      {!plan && (page.plan.loading || page.plan.error) && <StateLine resource={page.plan} testId="plan-read" />}
      {!plan && !page.plan.loading && !page.plan.error && planning && page.run.status === 'idle' && (
        <p className="state-line" data-testid="plan-empty">{t('plan.empty')}</p>
      )}
      {plan && (
        <>
          {stale && <p className="notice notice--warn" data-testid="plan-stale">{t('plan.staleVersion', { planned: plan.campaignVersion, current: campaign.version })}</p>}
          <PlanSummary plan={plan} />
          {navigation && (
            <p className="plan-board-link">
              <button type="button" className="button" onClick={() => navigation.open('board', { campaign: String(campaign.id) })} data-testid="plan-open-board">
                {t('board.fromPlan')} →
              </button>
            </p>
          )}
          <PlanMap
            plan={plan}
            view={view}
            teams={teams}
            colours={colours}
            districts={districts}
            onView={page.dispatchView}
            onReplan={planning ? page.replan : undefined}
            replanning={page.replanning}
          />
          <section className="plan-block" aria-labelledby="plan-teams-title">
            <h3 id="plan-teams-title" className="panel__subtitle">
              {t('plan.teams', { count: teams.length })}
            </h3>
            <PlanTeamsTable plan={plan} teams={teams} colours={colours} selectedTeam={view.teamId} onSelect={(team) => page.dispatchView({ type: 'teamSelected', team })} onDispatch={openTeam} />
          </section>
          <PlanOutputs
            view={view}
            district={onlyDistrict}
            onSheets={() => onlyDistrict && view.date && page.setOutput({ kind: 'dispatch', query: { district: onlyDistrict, date: view.date } })}
            onNotice={() => page.setOutput({ kind: 'notice' })}
            onExport={page.downloads.exportFile}
            error={page.downloadError}
          />
          <PlanTargetsTable plan={plan} filter={filter} onFilter={setFilter} />
          <PlanUnassigned plan={plan} />
        </>
      )}
    </div>
  );
}

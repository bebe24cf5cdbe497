import { useI18n } from '../../i18n/index.js';
import { translateCode } from '../../i18n/index.js';
import { runProgress, type PlanRun } from '../../state/campaign-plan.js';

/** The planning job: a bar with its stage and counts while it runs; what became of it afterwards. */
export function PlanProgress({ run }: { run: PlanRun }) {
  const { t } = useI18n();
  if (run.status === 'idle') return null;
  if (run.status === 'cancelled') return null;
  if (run.status === 'done')
    return (
      <p className="notice notice--ok" role="status" data-testid="plan-done">
        {t('plan.done')}
      </p>
    );
  const { fraction, stage, done, total } = runProgress(run);
  const percent = Math.round(fraction * 100);
  const stageText = stage ? translateCode(t, 'plan.stage', stage) : t(run.job?.status === 'queued' ? 'plan.queued' : 'plan.running');
  return (
    <div className="plan-progress" data-testid="plan-progress" data-status={run.status}>
      <div className="plan-progress__line">
        <span>{stageText}</span>
        <span className="plan-progress__count">{done !== null && total !== null ? t('plan.progressCount', { done, total }) : `${percent}%`}</span>
      </div>
      <div className="plan-progress__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${stageText} ${percent}%`} aria-label={t('plan.progress')}>
        <span style={{ width: `${percent}%` }} />
      </div>
      {run.status === 'failed' && (
        <p className="state-line state-line--error" role="alert" data-testid="plan-failed">
          {t('plan.failed')}
        </p>
      )}
    </div>
  );
}

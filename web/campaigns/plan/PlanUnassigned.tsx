import type { CampaignPlan } from '../../../server/contract/campaign-plans.js';
import { districtName } from '../../i18n/names.js';
import { translateCode, useI18n } from '../../i18n/index.js';
import { messageIn } from '../../state/campaign-plan.js';

/** 未分配: the targets no route took, with the planner's reason and its message. */
export function PlanUnassigned({ plan }: { plan: CampaignPlan }) {
  const { t, language } = useI18n();
  const targets = new Map(plan.targets.map((x) => [x.key, x]));
  const shifts = new Map(plan.shifts.map((s) => [s.id, s]));
  return (
    <section className="plan-block" aria-labelledby="plan-unassigned-title" data-testid="plan-unassigned">
      <h3 id="plan-unassigned-title" className="panel__subtitle">
        {t('plan.unassigned', { count: plan.unassigned.length })}
      </h3>
      {plan.unassigned.length === 0 ? (
        <p className="state-line">{t('plan.unassigned.none')}</p>
      ) : (
        <ul className="plan-unassigned">
          {plan.unassigned.map((u) => {
            const shift = u.shiftId ? shifts.get(u.shiftId) : undefined;
            return (
              <li key={`${u.targetKey}:${u.shiftId ?? ''}`} data-testid="plan-unassigned-item" data-reason={u.reason}>
                <span className="plan-unassigned__name">{targets.get(u.targetKey)?.name ?? u.targetKey}</span>
                <span className="plan-chip plan-chip--warn">{translateCode(t, 'plan.unassignedReason', u.reason)}</span>
                <span className="plan-table__sub">
                  {districtName(u.districtCode, language)}
                  {shift ? ` · ${shift.date} ${shift.start}–${shift.end}` : ''} · {messageIn(u.message, language)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

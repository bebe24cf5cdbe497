import type { CampaignPlan } from '../../../server/contract/campaign-plans.js';
import { targetSources } from '../../../server/contract/campaign-plans.js';
import { districtName } from '../../i18n/names.js';
import { translateCode, useI18n, type MessageKey } from '../../i18n/index.js';
import { css } from '../../layers/theme.js';
import { SOURCE_COLOURS } from '../../layers/campaign-plan-layers.js';
import { assignedKeys, filterTargets, planDistricts, type TargetFilter, type TargetSource } from '../../state/campaign-plan.js';

export interface PlanTargetsTableProps {
  plan: CampaignPlan;
  filter: TargetFilter;
  onFilter: (filter: TargetFilter) => void;
}

/** 检查对象: every target with its source, its reasons as chips and whether a team visits it; filter by district and source. */
export function PlanTargetsTable({ plan, filter, onFilter }: PlanTargetsTableProps) {
  const { t, language } = useI18n();
  const rows = filterTargets(plan.targets, filter);
  const assigned = assignedKeys(plan);
  return (
    <section className="plan-block" aria-labelledby="plan-targets-title" data-testid="plan-targets">
      <div className="plan-block__head">
        <h3 id="plan-targets-title" className="panel__subtitle">
          {t('plan.targets', { count: rows.length })}
        </h3>
        <label className="field field--inline">
          <span>{t('plan.filter.district')}</span>
          <select value={filter.district ?? ''} onChange={(e) => onFilter({ ...filter, district: e.target.value || null })} data-testid="plan-filter-district">
            <option value="">{t('plan.filter.all')}</option>
            {planDistricts(plan).map((d) => (
              <option key={d} value={d}>
                {districtName(d, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('plan.filter.source')}</span>
          <select value={filter.source ?? ''} onChange={(e) => onFilter({ ...filter, source: (e.target.value || null) as TargetSource | null })} data-testid="plan-filter-source">
            <option value="">{t('plan.filter.all')}</option>
            {targetSources.map((s) => (
              <option key={s} value={s}>
                {t(`plan.source.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="state-line" data-testid="plan-targets-empty">{t(plan.targets.length ? 'plan.targets.noMatch' : 'plan.targets.none')}</p>
      ) : (
        <div className="plan-table-wrap plan-table-wrap--tall" tabIndex={0} role="region" aria-labelledby="plan-targets-title">
          <table className="plan-table">
            <thead>
              <tr>
                <th scope="col">{t('plan.col.target')}</th>
                <th scope="col">{t('plan.col.district')}</th>
                <th scope="col">{t('plan.col.source')}</th>
                <th scope="col">{t('plan.col.reasons')}</th>
                <th scope="col">{t('plan.col.priority')}</th>
                <th scope="col">{t('plan.col.visits')}</th>
                <th scope="col">{t('plan.col.assigned')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((target) => (
                <tr key={target.key} data-testid="plan-target-row" data-source={target.source}>
                  <td>
                    <span className="plan-table__name">{target.name}</span>
                    <span className="plan-table__sub">{target.creditCode ?? target.address}</span>
                  </td>
                  <td>{districtName(target.districtCode, language)}</td>
                  <td>
                    <span className="plan-source">
                      <span className="plan-swatch plan-swatch--ring" style={{ borderColor: css(SOURCE_COLOURS[target.source]) }} aria-hidden="true" />
                      {t(`plan.source.${target.source}` as MessageKey)}
                    </span>
                  </td>
                  <td>
                    <span className="plan-chips">
                      {target.reasons.map((r) => (
                        <span key={r} className="plan-chip">
                          {translateCode(t, 'plan.reason', r)}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="plan-table__num">{Math.round(target.priority)}</td>
                  <td className="plan-table__num">{target.visits}</td>
                  <td>{assigned.has(target.key) ? t('plan.assigned.yes') : <span className="plan-table__warn">{t('plan.assigned.no')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

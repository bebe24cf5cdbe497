import type { CampaignPlan } from '../../../server/contract/campaign-plans.js';
import { targetSources } from '../../../server/contract/campaign-plans.js';
import { translateCode, useI18n, type MessageKey } from '../../i18n/index.js';
import { css } from '../../layers/theme.js';
import { SOURCE_COLOURS } from '../../layers/campaign-plan-layers.js';
import { messageIn, planSummary, spreadText } from '../../state/campaign-plan.js';

/** The plan at a glance: targets by source, teams, assigned and not, goals; the draw's facts; the officers' load. */
export function PlanSummary({ plan }: { plan: CampaignPlan }) {
  const { t, language } = useI18n();
  const s = planSummary(plan);
  const n = (v: number) => v.toLocaleString(language);
  const shifts = spreadText(plan.load.shifts);
  const stops = spreadText(plan.load.stops);
  return (
    <div className="plan-summary" data-testid="plan-summary">
      <ul className="plan-cards">
        <li className="plan-card" data-testid="plan-card-targets">
          <span className="plan-card__label">{t('plan.card.targets')}</span>
          <strong className="plan-card__value">{n(s.targets)}</strong>
          <span className="plan-card__parts">
            {targetSources.map((source) => (
              <span key={source} className="plan-card__part" data-testid={`plan-card-source-${source}`}>
                <span className="plan-swatch plan-swatch--ring" style={{ borderColor: css(SOURCE_COLOURS[source]) }} aria-hidden="true" />
                {t(`plan.source.${source}` as MessageKey)} {n(s.bySource[source])}
              </span>
            ))}
          </span>
        </li>
        <li className="plan-card" data-testid="plan-card-teams">
          <span className="plan-card__label">{t('plan.card.teams')}</span>
          <strong className="plan-card__value">{n(s.teams)}</strong>
          <span className="plan-card__parts">{t('plan.card.idleTeams', { count: n(s.idleTeams) })}</span>
        </li>
        <li className="plan-card" data-testid="plan-card-assigned">
          <span className="plan-card__label">{t('plan.card.assigned')}</span>
          <strong className="plan-card__value">{n(s.assigned)}</strong>
          <span className={`plan-card__parts${s.unassigned ? ' plan-card__parts--warn' : ''}`}>{t('plan.card.unassigned', { count: n(s.unassigned) })}</span>
        </li>
        <li className="plan-card" data-testid="plan-card-goals">
          <span className="plan-card__label">{t('plan.card.goals')}</span>
          <strong className="plan-card__value">{t('plan.card.goalsValue', { met: s.goalsMet, total: s.goals })}</strong>
          <span className="plan-card__parts plan-card__goals">
            {plan.goals.map((g) => (
              <span key={g.goal} className={g.met ? 'plan-goal plan-goal--met' : 'plan-goal'}>
                {g.met ? '✓' : '✗'} {translateCode(t, 'campaign.goal', g.goal)} {n(g.planned)}/{n(g.target)}
              </span>
            ))}
          </span>
        </li>
      </ul>
      {plan.warnings.length > 0 && (
        <ul className="plan-warnings" aria-label={t('plan.warnings')}>
          {plan.warnings.map((w) => (
            <li key={w} className="notice notice--warn">
              {messageIn(w, language)}
            </li>
          ))}
        </ul>
      )}
      <div className="plan-facts-row">
        <dl className="plan-facts" aria-label={t('plan.draw')} data-testid="plan-draw">
          <dt>{t('drawNotice.seed')}</dt>
          <dd data-testid="plan-draw-seed">{plan.draw.seed}</dd>
          <dt>{t('drawNotice.seedCommitment')}</dt>
          <dd className="plan-hash" data-testid="plan-draw-commitment">{plan.draw.seedCommitment}</dd>
          <dt>{t('drawNotice.poolHash')}</dt>
          <dd className="plan-hash" data-testid="plan-draw-pool-hash">{plan.draw.poolHash}</dd>
          <dt>{t('plan.drawPool')}</dt>
          <dd>{t('plan.drawPoolValue', { pool: n(plan.draw.poolSize), drawn: n(plan.draw.drawnKeys.length), method: t(`plan.weighting.${plan.draw.weighting}` as MessageKey) })}</dd>
        </dl>
        <dl className="plan-facts" aria-label={t('plan.load')} data-testid="plan-load">
          <dt>{t('plan.load.shifts')}</dt>
          <dd>{t('plan.load.value', { max: n(plan.load.shifts.max), min: n(plan.load.shifts.min), ratio: shifts.ratio, gini: shifts.gini })}</dd>
          <dt>{t('plan.load.stops')}</dt>
          <dd>{t('plan.load.value', { max: n(plan.load.stops.max), min: n(plan.load.stops.min), ratio: stops.ratio, gini: stops.gini })}</dd>
          <dt>{t('plan.createdBy')}</dt>
          <dd>{t('plan.createdValue', { by: plan.createdBy, at: plan.createdAt.slice(0, 16).replace('T', ' '), version: plan.campaignVersion })}</dd>
        </dl>
      </div>
    </div>
  );
}

import type { FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { DrawWeighting, PlanSettingsField, PlanSettingsForm as Form } from '../../state/campaign-plan.js';

export interface PlanSettingsFormProps {
  form: Form;
  /** Fields the form or the server refused. */
  invalid: readonly PlanSettingsField[];
  editable: boolean;
  running: boolean;
  onChange: (form: Form) => void;
  onPlan: () => void;
}

const NUMBERS: { field: 'teamsPerDistrictShift' | 'maxStopsPerTeam' | 'excludeInspectedDays' | 'recentCampaigns'; min: number; max: number }[] = [
  { field: 'teamsPerDistrictShift', min: 1, max: 30 },
  { field: 'maxStopsPerTeam', min: 1, max: 20 },
  { field: 'excludeInspectedDays', min: 0, max: 365 },
  { field: 'recentCampaigns', min: 0, max: 10 },
];
const WEIGHTINGS: DrawWeighting[] = ['uniform', 'risk_tier'];

/** 方案设置: teams per district-shift, the stop cap, the draw's weighting and exclusions, recusal, the seed; 生成方案. */
export function PlanSettingsForm({ form, invalid, editable, running, onChange, onPlan }: PlanSettingsFormProps) {
  const { t } = useI18n();
  const disabled = !editable || running;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled) onPlan();
  };
  const bad = (field: PlanSettingsField) => invalid.includes(field);
  return (
    <form className="plan-settings" onSubmit={submit} aria-label={t('plan.settings')} data-testid="plan-settings" noValidate>
      <div className="plan-settings__row">
        {NUMBERS.map(({ field, min, max }) => (
          <label key={field} className="field" data-invalid={bad(field) || undefined}>
            <span>{t(`plan.setting.${field}` as MessageKey)}</span>
            <input
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              value={form[field]}
              disabled={disabled}
              aria-invalid={bad(field) || undefined}
              aria-describedby={bad(field) ? `plan-${field}-error` : undefined}
              onChange={(e) => onChange({ ...form, [field]: e.target.value })}
              data-testid={`plan-${field}`}
            />
            {bad(field) && (
              <span id={`plan-${field}-error`} className="field__error">
                {t('plan.setting.range', { min, max })}
              </span>
            )}
          </label>
        ))}
        <label className="field">
          <span>{t('plan.setting.drawWeighting')}</span>
          <select value={form.drawWeighting} disabled={disabled} onChange={(e) => onChange({ ...form, drawWeighting: e.target.value as DrawWeighting })} data-testid="plan-drawWeighting">
            {WEIGHTINGS.map((w) => (
              <option key={w} value={w}>
                {t(`plan.weighting.${w}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" data-invalid={bad('seed') || undefined}>
          <span>{t('plan.setting.seed')}</span>
          <input
            type="text"
            maxLength={100}
            value={form.seed}
            placeholder={t('plan.setting.seedPlaceholder')}
            disabled={disabled}
            aria-invalid={bad('seed') || undefined}
            onChange={(e) => onChange({ ...form, seed: e.target.value })}
            data-testid="plan-seed"
          />
        </label>
      </div>
      <label className="toggle-line">
        <input type="checkbox" checked={form.avoidOwnStreet} disabled={disabled} onChange={(e) => onChange({ ...form, avoidOwnStreet: e.target.checked })} data-testid="plan-avoidOwnStreet" />
        {t('plan.setting.avoidOwnStreet')}
      </label>
      {editable && (
        <div className="plan-settings__actions">
          <button type="submit" className="button button--primary" disabled={running} data-testid="plan-start">
            {t('plan.start')}
          </button>
        </div>
      )}
    </form>
  );
}

import { SHANGHAI_DISTRICT_NAMES } from '../../server/domain/districts.js';
import { campaignTypes, checkItems, type CampaignDefinition } from '../../server/domain/campaign.js';
import { institutionCategories, suspectedTypes } from '../../server/domain/vocabulary.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { toggled } from '../state/campaigns.js';
import { ShiftTimesEditor } from './ShiftTimesEditor.js';

export interface CampaignFormProps {
  definition: CampaignDefinition;
  /** Read-only when the campaign may not be edited by this user in its state. */
  editable: boolean;
  /** Districts the user may plan for (all for city-wide accounts). */
  districtChoices: readonly string[];
  issues: Record<string, string>;
  onChange: (next: CampaignDefinition) => void;
}

function Choices<T extends string>(props: {
  legend: string;
  values: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  disabled: boolean;
  name: string;
  onToggle: (value: T) => void;
  error?: string;
}) {
  return (
    <fieldset className="campaign-form__choices" aria-invalid={props.error ? true : undefined}>
      <legend>{props.legend}</legend>
      <div className="campaign-form__chips">
        {props.values.map((value) => (
          <label key={value} className={`chip-toggle${props.chosen.includes(value) ? ' chip-toggle--on' : ''}`}>
            <input type="checkbox" name={props.name} value={value} checked={props.chosen.includes(value)} disabled={props.disabled} onChange={() => props.onToggle(value)} />
            {props.label(value)}
          </label>
        ))}
      </div>
      {props.error && <p className="field-error">{props.error}</p>}
    </fieldset>
  );
}

/** The campaign's definition: name, type, dates, districts, focus, goals and shifts. Props in, changes out. */
export function CampaignForm({ definition: d, editable, districtChoices, issues, onChange }: CampaignFormProps) {
  const { t, language } = useI18n();
  const set = (patch: Partial<CampaignDefinition>) => onChange({ ...d, ...patch });
  const districtName = (code: string) => {
    const district = SHANGHAI_DISTRICT_NAMES.find((x) => x.code === code);
    return district ? (language === 'en' ? district.nameEn : district.name) : code;
  };
  const disabled = !editable;
  return (
    <div className="campaign-form" data-testid="campaign-form">
      <div className="campaign-form__row">
        <label className="field field--wide">
          <span>{t('campaign.field.name')}</span>
          <input
            type="text"
            value={d.name}
            maxLength={120}
            disabled={disabled}
            aria-invalid={issues.name ? true : undefined}
            placeholder={t('campaign.field.namePlaceholder')}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="campaign-name"
          />
          {issues.name && <span className="field-error">{d.name.trim() === '' ? t('campaign.issue.noName') : issues.name}</span>}
        </label>
        <label className="field">
          <span>{t('campaign.field.type')}</span>
          <select value={d.type} disabled={disabled} onChange={(e) => set({ type: e.target.value as CampaignDefinition['type'] })} data-testid="campaign-type">
            {campaignTypes.map((type) => (
              <option key={type} value={type}>
                {t(`campaign.type.${type}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('campaign.field.startsOn')}</span>
          <input type="date" value={d.startsOn} disabled={disabled} aria-invalid={issues.startsOn ? true : undefined} onChange={(e) => set({ startsOn: e.target.value })} data-testid="campaign-starts" />
          {issues.startsOn && <span className="field-error">{issues.startsOn}</span>}
        </label>
        <label className="field">
          <span>{t('campaign.field.endsOn')}</span>
          <input type="date" value={d.endsOn} disabled={disabled} aria-invalid={issues.endsOn ? true : undefined} onChange={(e) => set({ endsOn: e.target.value })} data-testid="campaign-ends" />
          {issues.endsOn && <span className="field-error">{issues.endsOn}</span>}
        </label>
      </div>
      <Choices
        legend={t('campaign.field.districts')}
        name="districts"
        values={districtChoices}
        chosen={d.districts}
        label={districtName}
        disabled={disabled}
        error={issues.districts && (d.districts.length === 0 ? t('campaign.issue.noDistrict') : issues.districts)}
        onToggle={(code) => set({ districts: toggled(d.districts, code) })}
      />
      <Choices
        legend={t('campaign.field.suspectedTypes')}
        name="suspectedTypes"
        values={suspectedTypes}
        chosen={d.focus.suspectedTypes}
        label={(v) => t(`type.${v}` as MessageKey)}
        disabled={disabled}
        onToggle={(v) => set({ focus: { ...d.focus, suspectedTypes: toggled(d.focus.suspectedTypes, v) } })}
      />
      <Choices
        legend={t('campaign.field.categories')}
        name="categories"
        values={institutionCategories}
        chosen={d.focus.institutionCategories}
        label={(v) => t(`campaign.category.${v}` as MessageKey)}
        disabled={disabled}
        onToggle={(v) => set({ focus: { ...d.focus, institutionCategories: toggled(d.focus.institutionCategories, v) } })}
      />
      <Choices
        legend={t('campaign.field.checkItems')}
        name="checkItems"
        values={checkItems}
        chosen={d.focus.checkItems}
        label={(v) => t(`campaign.check.${v}` as MessageKey)}
        disabled={disabled}
        onToggle={(v) => set({ focus: { ...d.focus, checkItems: toggled(d.focus.checkItems, v) } })}
      />
      <fieldset className="campaign-form__goals">
        <legend>{t('campaign.field.goals')}</legend>
        <label className="toggle-line">
          <input type="checkbox" checked={d.goals.coverTierA} disabled={disabled} onChange={(e) => set({ goals: { ...d.goals, coverTierA: e.target.checked } })} />
          {t('campaign.goal.coverTierA')}
        </label>
        <label className="field field--narrow">
          <span>{t('campaign.goal.drawPercent')}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={0.5}
            value={d.goals.drawPercent}
            disabled={disabled}
            onChange={(e) => set({ goals: { ...d.goals, drawPercent: Number(e.target.value) } })}
            data-testid="campaign-draw-percent"
          />
        </label>
        <label className="field field--narrow">
          <span>{t('campaign.goal.hotCellVisits')}</span>
          <input type="number" min={0} max={10} step={1} value={d.goals.hotCellVisits} disabled={disabled} onChange={(e) => set({ goals: { ...d.goals, hotCellVisits: Number(e.target.value) } })} />
        </label>
        <label className="field field--narrow">
          <span>{t('campaign.goal.hotCellConfidence')}</span>
          <select value={d.goals.hotCellConfidence} disabled={disabled} onChange={(e) => set({ goals: { ...d.goals, hotCellConfidence: Number(e.target.value) as 95 | 99 } })}>
            <option value={99}>99%</option>
            <option value={95}>95%</option>
          </select>
        </label>
      </fieldset>
      <ShiftTimesEditor shifts={d.shifts} disabled={disabled} issues={issues} onChange={(shifts) => set({ shifts })} />
    </div>
  );
}

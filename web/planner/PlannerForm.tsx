import type { DistrictFeature } from '../layers/types.js';
import type { PatrolOptions } from '../../server/contract/index.js';
import { useI18n } from '../i18n/index.js';
import { canPlan, MAX_TEAMS, type PlannerAction, type PlannerState, type ShiftKind } from '../state/planner.js';
import { CellTargets } from './CellTargets.js';

export interface PlannerFormProps {
  state: PlannerState;
  options: PatrolOptions | null;
  optionsLoading: boolean;
  optionsError: string | null;
  districts: readonly DistrictFeature[];
  /** A district-scoped account plans for its own district only. */
  fixedDistrict: string | null;
  today: string;
  dispatch: (action: PlannerAction) => void;
  onPlan: () => void;
  onCancel: () => void;
}

export function PlannerForm({ state, options, optionsLoading, optionsError, districts, fixedDistrict, today, dispatch, onPlan, onCancel }: PlannerFormProps) {
  const { t, language } = useI18n();
  const selected = new Set(state.selectedInstitutions);
  const solving = state.solve.status === 'solving';
  return (
    <section className="panel planner-form" aria-label={t('planner.title')}>
      <h2 className="panel__title">{t('planner.title')}</h2>
      <label className="planner-field">
        <span>{t('planner.district')}</span>
        <select
          data-testid="planner-district"
          value={state.district ?? ''}
          disabled={fixedDistrict !== null}
          onChange={(e) => dispatch({ type: 'districtChosen', district: e.target.value })}
        >
          <option value="" disabled>
            {t('planner.chooseDistrict')}
          </option>
          {districts.map((d) => (
            <option key={d.properties.code} value={d.properties.code}>
              {language === 'en' ? d.properties.nameEn : d.properties.name}
            </option>
          ))}
        </select>
      </label>
      <div className="planner-row">
        <label className="planner-field">
          <span>{t('planner.date')}</span>
          <input type="date" data-testid="planner-date" value={state.date} onChange={(e) => dispatch({ type: 'dateSet', date: e.target.value })} />
        </label>
        <label className="planner-field planner-field--narrow">
          <span>{t('planner.teams')}</span>
          <input
            type="number"
            min={1}
            max={MAX_TEAMS}
            data-testid="planner-teams"
            value={state.teams}
            onChange={(e) => dispatch({ type: 'teamsSet', teams: Number(e.target.value) })}
          />
        </label>
      </div>
      <label className="planner-field">
        <span>{t('planner.shift')}</span>
        <select data-testid="planner-shift" value={state.shift} onChange={(e) => dispatch({ type: 'shiftSet', shift: e.target.value as ShiftKind, today })}>
          <option value="weekday_evening">{t('planner.shift.weekday_evening')}</option>
          <option value="weekend_day">{t('planner.shift.weekend_day')}</option>
        </select>
      </label>
      {options && (
        <>
          <label className="planner-field">
            <span>{t('planner.base')}</span>
            <select data-testid="planner-base" value={state.base ?? options.bases[0]?.id ?? ''} onChange={(e) => dispatch({ type: 'baseSet', base: e.target.value })}>
              {options.bases.map((b) => (
                <option key={b.id} value={b.id}>
                  {language === 'en' ? b.nameEn : b.name}
                </option>
              ))}
            </select>
          </label>
          <p className="planner-note" data-testid="planner-officers" data-max-teams={options.officers.maxTeams}>
            {t('planner.officers', { certified: options.officers.certified, total: options.officers.total, maxTeams: options.officers.maxTeams })}
          </p>
          {options.officers.maxTeams === 0 && (
            <p className="planner-error" role="alert">
              {t('planner.noTeams')}
            </p>
          )}
          {state.cellTargets.length > 0 && (
            <CellTargets cells={state.cellTargets} selected={state.selectedGridCells} origin={state.origin} onToggle={(id) => dispatch({ type: 'gridCellToggled', id })} />
          )}
          <label className="planner-field planner-field--inline">
            <span>{t('planner.topN')}</span>
            <input
              type="number"
              min={0}
              max={options.institutions.length}
              data-testid="planner-topn"
              value={state.topN}
              onChange={(e) => dispatch({ type: 'topNSet', topN: Number(e.target.value), options })}
            />
          </label>
          <div className="planner-targets">
            <div className="planner-targets__head">
              {t('planner.targets', { count: state.selectedInstitutions.length })}
              <small>{t('planner.targetHint')}</small>
            </div>
            <ul data-testid="planner-targets">
              {options.institutions.map((i) => (
                <li key={i.id}>
                  <label>
                    <input type="checkbox" checked={selected.has(i.id)} onChange={() => dispatch({ type: 'institutionToggled', id: i.id })} />
                    <span className="planner-targets__name">{i.name}</span>
                    <small>{t('planner.priority', { priority: i.priority, clues: i.recentClueCount })}</small>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {optionsLoading && <p className="planner-note">{t('planner.loading')}</p>}
      {optionsError && <p className="planner-error" role="alert">{optionsError}</p>}
      {solving ? (
        <div className="planner-progress" data-testid="planner-progress">
          <div className="planner-progress__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(state.solve.progress * 100)}>
            <span style={{ width: `${Math.round(state.solve.progress * 100)}%` }} />
          </div>
          <span>{t('planner.solving', { percent: Math.round(state.solve.progress * 100) })}</span>
          <button type="button" className="button button--small" onClick={onCancel}>
            {t('planner.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--primary" data-testid="planner-submit" disabled={!canPlan(state) || !options || options.officers.maxTeams === 0} onClick={onPlan}>
          {t('planner.plan')}
        </button>
      )}
      {state.solve.status === 'failed' && state.solve.error && (
        <p className="planner-error" role="alert" data-testid="planner-error">
          {t('planner.failed', { message: state.solve.error })}
        </p>
      )}
    </section>
  );
}

import { useId, useMemo, useState } from 'react';
import type { CampaignPlan } from '../../../server/contract/campaign-plans.js';
import type { TeamReplanRequest, TeamReplanResult } from '../../../server/contract/campaign-replan.js';
import type { ApiError } from '../../api/errors.js';
import { errorMessage } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';

export interface TeamReplanProps {
  plan: CampaignPlan;
  district: string | null;
  date: string | null;
  busy: boolean;
  result: TeamReplanResult | null;
  error: ApiError | null;
  onSubmit: (body: Omit<TeamReplanRequest, 'version'>) => void;
}

type Kind = 'officer_out' | 'urgent_target';

/** 调整: while the campaign runs, re-plan a district-day's remaining stops after 队员缺勤 or 插单, and show what changed. */
export function TeamReplan({ plan, district, date, busy, result, error, onSubmit }: TeamReplanProps) {
  const { t } = useI18n();
  const ids = useId();
  const [kind, setKind] = useState<Kind>('officer_out');
  const [officer, setOfficer] = useState('');
  const [urgent, setUrgent] = useState<{ by: 'institution' | 'clue'; text: string }>({ by: 'institution', text: '' });
  const dayTeams = useMemo(() => plan.teams.filter((x) => x.districtCode === district && x.date === date), [plan.teams, district, date]);
  const officers = useMemo(() => {
    const seen = new Map<number, string>();
    for (const team of dayTeams) for (const m of team.members) if (!seen.has(m.officerId)) seen.set(m.officerId, `${m.name} · ${team.label} · ${t('plan.adjust.shift', { n: team.shiftId.split('#')[1] ?? '' })}`);
    return [...seen];
  }, [dayTeams, t]);
  const institutions = useMemo(() => plan.targets.filter((x) => x.kind === 'institution' && x.districtCode === district), [plan.targets, district]);
  const label = (key: string) => plan.targets.find((x) => x.key === key)?.name ?? key;
  const teamLabel = (id: string | null) => (id === null ? t('plan.adjust.none') : (plan.teams.find((x) => x.id === id)?.label ?? id));

  if (!district || !date) return <p className="state-line" data-testid="adjust-pick">{t('plan.adjust.pick')}</p>;
  // The institution field takes a number, or a name from the list (the list's value is "name · id").
  const institutionId = Number(/(\d+)\s*$/.exec(urgent.text)?.[1] ?? NaN);
  const clueId = Number(urgent.text.trim());
  const event: TeamReplanRequest['event'] | null =
    kind === 'officer_out'
      ? officer ? { kind, officerId: Number(officer) } : null
      : urgent.by === 'institution'
        ? Number.isInteger(institutionId) && institutionId > 0 ? { kind, institutionId } : null
        : Number.isInteger(clueId) && clueId > 0 ? { kind, clueId } : null;

  return (
    <section className="plan-block plan-adjust" aria-labelledby={`${ids}-title`} data-testid="plan-adjust">
      <h3 id={`${ids}-title`} className="panel__subtitle">{t('plan.adjust.title')}</h3>
      <form
        className="plan-adjust__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (event) onSubmit({ district, date, event });
        }}
      >
        <fieldset className="plan-adjust__kinds">
          <legend>{t('plan.adjust.kind')}</legend>
          {(['officer_out', 'urgent_target'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={`${ids}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`adjust-kind-${k}`} />{' '}
              {t(k === 'officer_out' ? 'plan.adjust.officerOut' : 'plan.adjust.urgent')}
            </label>
          ))}
        </fieldset>
        {kind === 'officer_out' ? (
          <label>
            {t('plan.adjust.officer')}
            <select value={officer} onChange={(e) => setOfficer(e.target.value)} data-testid="adjust-officer" required>
              <option value="">{t('plan.adjust.chooseOfficer')}</option>
              {officers.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label>
              {t('plan.adjust.by')}
              <select value={urgent.by} onChange={(e) => setUrgent({ by: e.target.value as 'institution' | 'clue', text: '' })} data-testid="adjust-urgent-by">
                <option value="institution">{t('plan.adjust.byInstitution')}</option>
                <option value="clue">{t('plan.adjust.byClue')}</option>
              </select>
            </label>
            <label>
              {t(urgent.by === 'institution' ? 'plan.adjust.institution' : 'plan.adjust.clue')}
              <input
                value={urgent.text}
                onChange={(e) => setUrgent({ ...urgent, text: e.target.value })}
                inputMode={urgent.by === 'clue' ? 'numeric' : undefined}
                list={urgent.by === 'institution' ? `${ids}-institutions` : undefined}
                placeholder={t(urgent.by === 'institution' ? 'plan.adjust.institutionHint' : 'plan.adjust.clueHint')}
                data-testid="adjust-urgent-text"
                required
              />
            </label>
            <datalist id={`${ids}-institutions`}>
              {institutions.map((x) => (
                <option key={x.key} value={`${x.name} · ${x.refId}`} />
              ))}
            </datalist>
          </>
        )}
        <button type="submit" className="button" disabled={busy || event === null} data-testid="adjust-submit">
          {busy && <span className="spinner" aria-hidden="true" />} {t('plan.adjust.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {error && (
          <p className="notice notice--error" role="alert" data-testid="adjust-error">
            {t(errorMessage(error).key)} {error.status === 422 ? error.message : ''}
          </p>
        )}
        {result && (
          <div className="notice notice--ok" data-testid="adjust-result">
            <p>{t('plan.adjust.done', { teams: result.teamIds.length })}</p>
            <ul>
              {result.summary.teams.map((c) => (
                <li key={c.teamId}>
                  <strong>{teamLabel(c.teamId)}</strong>
                  {!c.active && ` · ${t('plan.adjust.stopped')}`}
                  {c.membersBefore.length !== c.membersAfter.length && ` · ${t('plan.adjust.members', { before: c.membersBefore.length, after: c.membersAfter.length })}`}
                  {`：${c.after.length ? c.after.map(label).join(' → ') : t('plan.adjust.noStops')}`}
                </li>
              ))}
            </ul>
            {result.summary.moved.length > 0 && (
              <ul data-testid="adjust-moved">
                {result.summary.moved.map((m) => (
                  <li key={m.targetKey}>{t('plan.adjust.moved', { target: label(m.targetKey), from: teamLabel(m.from), to: teamLabel(m.to) })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

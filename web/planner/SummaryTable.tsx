import type { PatrolPlan } from '../../server/contract/index.js';
import { css } from '../layers/theme.js';
import { teamColour } from '../layers/route-layers.js';
import { translateCode, useI18n } from '../i18n/index.js';

const km = (metres: number) => (metres / 1000).toFixed(1);

/** Per team: stops, distance, working time, first and last ETA; then what could not be scheduled and why. */
export function SummaryTable({ plan, problemUrl }: { plan: PatrolPlan; problemUrl: string | null }) {
  const { t } = useI18n();
  return (
    <section className="panel planner-summary" data-testid="planner-summary" aria-label={t('planner.summary')}>
      <h2 className="panel__title">{t('planner.summary')}</h2>
      {plan.approximate && (
        <p className="planner-approximate" role="note" data-testid="planner-approximate">
          {t('planner.approximate')}
        </p>
      )}
      <table className="planner-table">
        <thead>
          <tr>
            <th>{t('planner.teamColumn')}</th>
            <th>{t('planner.stops')}</th>
            <th>{t('planner.distance')}</th>
            <th>{t('planner.duration')}</th>
            <th>{t('planner.firstEta')}</th>
            <th>{t('planner.lastEta')}</th>
            <th>{t('planner.return')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.teams.map((team) => (
            <tr key={team.teamId} title={team.members.map((m) => m.name).join('、')}>
              <td>
                <span className="planner-swatch" style={{ background: css(teamColour(team.teamId)) }} />
                {t('planner.team', { team: team.teamId })}
              </td>
              <td>{team.stopCount}</td>
              <td>{km(team.distanceMetres)}</td>
              <td>{t('planner.minutes', { minutes: Math.round(team.workingSeconds / 60) })}</td>
              <td>{team.firstEta ?? '—'}</td>
              <td>{team.lastEta ?? '—'}</td>
              <td>{team.returnEta}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="planner-stops">
        {plan.teams.map((team) =>
          team.stops.map((stop) => (
            <li key={`${team.teamId}:${stop.jobId}`}>
              <span className="planner-swatch" style={{ background: css(teamColour(team.teamId)) }} />
              {t('planner.team', { team: team.teamId })} · {stop.sequence}. {stop.eta} {stop.name}
            </li>
          )),
        )}
      </ol>
      {plan.unassigned.length > 0 && (
        <div className="planner-unassigned" data-testid="planner-unassigned">
          <h3>{t('planner.unassigned', { count: plan.unassigned.length })}</h3>
          <ul>
            {plan.unassigned.map((u) => (
              <li key={u.jobId}>
                {u.name} — {translateCode(t, 'planner.reason', u.reason)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.excludedOfficers.length > 0 && (
        <p className="planner-note">{t('planner.excluded', { names: plan.excludedOfficers.map((o) => o.name).join('、') })}</p>
      )}
      {plan.warnings.map((w) => (
        <p key={w} className="planner-note">
          {t('planner.warning')}: {w}
        </p>
      ))}
      {problemUrl && (
        <a className="planner-download" href={problemUrl} download={`patrol-${plan.district.code}-${plan.date}.json`}>
          {t('planner.download')}
        </a>
      )}
    </section>
  );
}

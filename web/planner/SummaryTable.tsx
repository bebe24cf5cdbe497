import type { PatrolPlan } from '../../server/contract/index.js';
import { css } from '../layers/theme.js';
import { teamColour } from '../layers/route-layers.js';
import { useI18n } from '../i18n/index.js';
import { idleText, unassignedText } from './reason-text.js';

const km = (metres: number) => (metres / 1000).toFixed(1);

type Row = { kind: 'route'; team: PatrolPlan['teams'][number] } | { kind: 'idle'; team: PatrolPlan['idleTeams'][number] };

/** Every team formed, in team order: those with a route and those left at the base. */
function teamRows(plan: PatrolPlan): Row[] {
  const rows: Row[] = [
    ...plan.teams.map((team) => ({ kind: 'route' as const, team })),
    ...plan.idleTeams.map((team) => ({ kind: 'idle' as const, team })),
  ];
  return rows.sort((a, b) => a.team.teamId - b.team.teamId);
}

/**
 * Per team: stops, distance, working time, first and last ETA, or why it is not sent out; then what could not be
 * scheduled and why.
 */
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
          {teamRows(plan).map(({ kind, team }) =>
            kind === 'route' ? (
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
            ) : (
              <tr key={team.teamId} className="planner-table__idle" data-testid="planner-idle-team" title={team.members.map((m) => m.name).join('、')}>
                <td>
                  <span className="planner-swatch planner-swatch--idle" />
                  {t('planner.team', { team: team.teamId })}
                </td>
                <td>0</td>
                <td colSpan={5} title={team.message}>
                  {t('planner.idle', { reason: idleText(t, team) })}
                </td>
              </tr>
            ),
          )}
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
              <li key={u.jobId} title={u.message}>
                {u.name} — {unassignedText(t, u)}
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

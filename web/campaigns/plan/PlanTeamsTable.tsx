import type { KeyboardEvent } from 'react';
import type { CampaignPlan, CampaignPlanTeam } from '../../../server/contract/campaign-plans.js';
import { districtName } from '../../i18n/names.js';
import { translateCode, useI18n } from '../../i18n/index.js';
import { css, type Rgba } from '../../layers/theme.js';
import { byDistrict, shiftText } from '../../state/campaign-plan.js';

export interface PlanTeamsTableProps {
  plan: CampaignPlan;
  teams: readonly CampaignPlanTeam[];
  colours: ReadonlyMap<string, Rgba>;
  selectedTeam: string | null;
  onSelect: (team: CampaignPlanTeam) => void;
  /** Opens the team's dispatch sheet. */
  onDispatch: (team: CampaignPlanTeam) => void;
}

/**
 * 检查组: the teams of the day shown, by district: members with their departments and certificate numbers, stops,
 * return time, why a team stays idle. A row (click, Enter or Space) selects its team on the map.
 */
export function PlanTeamsTable({ plan, teams, colours, selectedTeam, onSelect, onDispatch }: PlanTeamsTableProps) {
  const { t, language } = useI18n();
  const shifts = new Map(plan.shifts.map((s) => [s.id, s]));
  if (teams.length === 0) return <p className="state-line" data-testid="plan-teams-empty">{t('plan.teams.none')}</p>;
  const onKey = (team: CampaignPlanTeam) => (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(team);
    }
  };
  return (
    <div className="plan-teams" data-testid="plan-teams">
      {byDistrict(teams).map((group) => (
        <section key={group.district} aria-labelledby={`plan-teams-${group.district}`}>
          <h4 id={`plan-teams-${group.district}`} className="plan-teams__district">
            {districtName(group.district, language)}
          </h4>
          <div className="plan-table-wrap">
            <table className="plan-table plan-table--teams">
              <thead>
                <tr>
                  <th scope="col">{t('plan.col.team')}</th>
                  <th scope="col">{t('plan.col.shift')}</th>
                  <th scope="col">{t('plan.col.members')}</th>
                  <th scope="col">{t('plan.col.stops')}</th>
                  <th scope="col">{t('plan.col.returns')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('plan.col.dispatch')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.teams.map((team) => {
                  const shift = shifts.get(team.shiftId);
                  const selected = team.id === selectedTeam;
                  return (
                    <tr
                      key={team.id}
                      tabIndex={0}
                      aria-selected={selected}
                      className={selected ? 'plan-row--selected' : undefined}
                      onClick={() => onSelect(team)}
                      onKeyDown={onKey(team)}
                      data-testid="plan-team-row"
                      data-team={team.id}
                    >
                      <td>
                        <span className="plan-team-label">
                          <span className="plan-swatch" style={{ background: css(colours.get(team.id) ?? [128, 128, 128, 255]) }} aria-hidden="true" />
                          {team.label}
                        </span>
                      </td>
                      <td>{shift ? shiftText(shift) : team.shiftId}</td>
                      <td>
                        <ul className="plan-members">
                          {team.members.map((m) => (
                            <li key={m.officerId}>
                              <span className="plan-members__name">
                                {m.name}
                                {m.lead && <span className="plan-chip plan-chip--lead">{t('dispatch.leader')}</span>}
                              </span>
                              <span className="plan-table__sub">
                                {translateCode(t, 'department', m.departmentCode)} · {m.certificateNo}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="plan-table__num">{team.stops.length}</td>
                      <td>{team.idleReason ? <span className="plan-table__warn">{translateCode(t, 'plan.idle', team.idleReason)}</span> : (team.returns ?? '—')}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={team.stops.length === 0}
                          onClick={(e) => {
                            e.stopPropagation();
                            onDispatch(team);
                          }}
                          data-testid="plan-team-dispatch"
                        >
                          {t('plan.output.sheet')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

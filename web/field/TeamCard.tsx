import type { FieldAssignment } from '../../server/contract/field.js';
import { useI18n } from '../i18n/index.js';
import type { StopStatus } from '../state/field.js';

export interface TeamCardProps {
  assignment: FieldAssignment;
  officerId: number;
  counts: Record<StopStatus, number>;
}

/** The team-shift: team, shift time, campaign, the members with the leader marked, my role, progress. */
export function TeamCard({ assignment, officerId, counts }: TeamCardProps) {
  const { t } = useI18n();
  const total = assignment.stops.length;
  return (
    <section className="phone-card" aria-labelledby="field-team-title" data-testid="field-team">
      <h2 id="field-team-title" className="phone-team__title">
        <span data-testid="field-team-label">{assignment.teamLabel}</span>
        <span className="phone-team__shift" data-testid="field-shift">
          {assignment.shift.start}–{assignment.shift.end}
        </span>
      </h2>
      <p className="phone-muted">
        {assignment.campaignName} · {assignment.date}
      </p>
      <p className="phone-team__role" data-testid="field-my-role">
        {t('field.myRole')}: <strong>{t(assignment.isLead ? 'field.role.lead' : 'field.role.member')}</strong>
      </p>
      <ul className="phone-members" aria-label={t('field.members')}>
        {assignment.members.map((m) => (
          <li key={m.officerId} data-testid="field-member" data-lead={m.lead}>
            {m.lead && <span className="phone-tag phone-tag--lead">{t('field.leadTag')}</span>}
            <span>{m.name}</span>
            {m.officerId === officerId && <span className="phone-tag">{t('field.me')}</span>}
            <span className="phone-muted phone-members__cert">{m.certificateNo}</span>
          </li>
        ))}
      </ul>
      <p className="phone-progress" data-testid="field-progress">
        {t('field.progress', { done: counts.confirmed + counts.pending_cosign, total })}
        {counts.pending_cosign > 0 && ` · ${t('field.status.pending_cosign')} ${counts.pending_cosign}`}
      </p>
      {assignment.replannedAt && <p className="phone-notice">{t('field.replanned')}</p>}
    </section>
  );
}

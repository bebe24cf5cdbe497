import { useState } from 'react';
import type { ClueLoopDetail, ClueStep, ClueTimeline, DuplicateCandidates } from '../../server/contract/clue-loop.js';
import { cluePhotoUrl } from '../api/desk.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import type { StepOutcome } from './use-desk-page.js';
import { departmentName, shanghaiMinute, slaText } from './format.js';
import { StepForm } from './StepForm.js';

export interface DeskDetailProps {
  clue: ClueLoopDetail | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  timeline: ClueTimeline | null;
  timelineError: string | null;
  duplicates: DuplicateCandidates | null;
  duplicatesLoading: boolean;
  nowMs: number;
  canWrite: boolean;
  onStep: (id: number, step: ClueStep, body: Record<string, unknown>) => Promise<StepOutcome>;
  onOpen: (id: number) => void;
}

export function DeskDetail(props: DeskDetailProps) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<{ clue: number; step: ClueStep; parentId?: number } | null>(null);
  const [doneOf, setDoneOf] = useState<{ clue: number; text: string } | null>(null);
  const c = props.clue?.properties ?? null;
  if (!c) {
    return (
      <section className="desk-detail panel" data-testid="desk-detail" aria-busy={props.loading}>
        {props.error ? (
          <p className="desk-error" role="alert">
            {props.error}
            <button type="button" className="button button--small" onClick={props.onRetry}>{t('state.retry')}</button>
          </p>
        ) : (
          <p className="desk-empty">{props.loading ? t('state.loading') : t('desk.detail.none')}</p>
        )}
      </section>
    );
  }
  const sla = slaText(t, c, props.nowMs);
  const done = doneOf && doneOf.clue === c.id ? doneOf.text : null;
  const setDone = (text: string | null) => setDoneOf(text === null ? null : { clue: c.id, text });
  const openForm = form && form.clue === c.id ? form : null;
  const finish = (step: ClueStep) => {
    setForm(null);
    setDone(t('desk.form.done', { step: t(`desk.step.${step}`) }));
  };
  return (
    <section className="desk-detail panel" data-testid="desk-detail" data-clue={c.id} data-status={c.status} aria-busy={props.loading} aria-label={t('desk.detail.title', { id: c.id })}>
      <header className="desk-detail__head">
        <h2>{t('desk.detail.title', { id: c.id })}</h2>
        <span className="desk-tag" data-testid="desk-detail-status">{translateCode(t, 'clueStatus', c.status)}</span>
        {c.whistle && <span className="desk-badge desk-badge--whistle" title={t('desk.whistleHint')} data-testid="desk-detail-whistle">{t('desk.whistle')}</span>}
        <span className={`desk-sla desk-sla--${sla.urgency}`} data-testid="desk-detail-sla" data-urgency={sla.urgency}>{sla.text}</span>
      </header>

      <div className="desk-detail__body">
        <section className="desk-block" aria-label={t('desk.steps')} data-testid="desk-steps">
          <h3>{t('desk.steps')}</h3>
          {done && <p className="hint hint--ok" role="status" data-testid="desk-step-done">{done}</p>}
          {!props.canWrite || c.nextSteps.length === 0 ? (
            <p className="hint">{t('desk.steps.none')}</p>
          ) : (
            <div className="desk-steps">
              {c.nextSteps.map((step) => (
                <button key={step} type="button" className={`button button--small${openForm?.step === step ? ' button--primary' : ''}`} data-testid={`desk-step-${step}`} aria-expanded={openForm?.step === step} onClick={() => { setDone(null); setForm(openForm?.step === step ? null : { clue: c.id, step }); }}>
                  {t(`desk.step.${step}`)}
                </button>
              ))}
            </div>
          )}
          {openForm && (
            <StepForm key={`${c.id}:${openForm.step}:${openForm.parentId ?? ''}`} clueId={c.id} step={openForm.step} parentId={openForm.parentId} onSubmit={props.onStep} onDone={() => finish(openForm.step)} onCancel={() => setForm(null)} />
          )}
        </section>

        <section className="desk-block" aria-label={t('desk.detail.facts')}>
          <h3>{t('desk.detail.facts')}</h3>
          <dl className="desk-facts">
            <dt>{t('desk.detail.kind')}</dt>
            <dd>{t(`desk.kind.${c.kind}`)}</dd>
            <dt>{t('desk.detail.category')}</dt>
            <dd>{translateCode(t, 'type', c.suspectedType)}</dd>
            <dt>{t('desk.detail.source')}</dt>
            <dd data-testid="desk-detail-source">
              {translateCode(t, 'source', c.source)}
              {c.externalId ? ` · ${c.externalId}` : ''}
              {c.checkInId !== null ? ` · ${t('desk.detail.checkIn', { id: c.checkInId })}` : ''}
            </dd>
            <dt>{t('desk.detail.reportedAt')}</dt>
            <dd>{shanghaiMinute(c.reportedAt)}</dd>
            <dt>{t('desk.detail.address')}</dt>
            <dd>{c.address} · {districtName(c.districtCode, language)}</dd>
            {c.institutionName && (
              <>
                <dt>{t('desk.detail.institution')}</dt>
                <dd>{c.institutionName}</dd>
              </>
            )}
            <dt>{t('desk.detail.phone')}</dt>
            <dd data-testid="desk-detail-phone">{c.callerPhone ?? '—'}{c.phoneMasked && c.callerPhone ? <span className="hint"> ({t('desk.detail.phoneMasked')})</span> : null}</dd>
            <dt>{t('desk.detail.description')}</dt>
            <dd className="desk-facts__text">{c.description}</dd>
          </dl>
        </section>

        {c.photos.length > 0 && (
          <section className="desk-block" aria-label={t('desk.detail.photos')} data-testid="desk-photos">
            <h3>{t('desk.detail.photos')} <span className="hint">{c.photos.length} · {[...new Set(c.photos.map((p) => t(`desk.detail.photoOrigin.${p.origin}`)))].join('、')}</span></h3>
            <ul className="desk-photos">
              {c.photos.map((p, index) => (
                <li key={p.sha256}>
                  {/* The full size opens in its own tab: the session cookie goes with it, the server checks the district. */}
                  <a href={cluePhotoUrl(c.id, p.sha256, 'photo')} target="_blank" rel="noopener" title={t('desk.detail.photoOpen', { n: index + 1 })} data-testid="desk-photo-open">
                    <img src={cluePhotoUrl(c.id, p.sha256, 'thumbnail')} alt={t('desk.detail.photoOpen', { n: index + 1 })} width={Math.round((p.width / Math.max(p.width, p.height)) * 96)} height={Math.round((p.height / Math.max(p.width, p.height)) * 96)} loading="lazy" data-testid="desk-photo" />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="desk-block" aria-label={t('desk.detail.departments')} data-testid="desk-departments">
          <h3>{t('desk.detail.departments')}</h3>
          {c.leadDepartment ? (
            <dl className="desk-facts">
              <dt>{t('desk.detail.lead')}</dt>
              <dd data-testid="desk-detail-lead">{departmentName(t, c.leadDepartment)}</dd>
              <dt>{t('desk.detail.co')}</dt>
              <dd data-testid="desk-detail-co">{c.coDepartments.length > 0 ? c.coDepartments.map((d) => departmentName(t, d)).join('、') : '—'}</dd>
              <dt>{t('desk.detail.reason')}</dt>
              <dd data-testid="desk-detail-reason">
                {c.dispatchReason ?? '—'}
                {c.matrixRuleId && <span className="hint"> · {t('desk.detail.rule', { rule: c.matrixRuleId, version: c.matrixVersion ?? '—' })}</span>}
              </dd>
            </dl>
          ) : (
            <p className="hint">{t('desk.detail.notDispatched')}</p>
          )}
        </section>

        <section className="desk-block" aria-label={t('desk.detail.deadline')} data-testid="desk-deadline">
          <h3>{t('desk.detail.deadline')}</h3>
          <dl className="desk-facts">
            <dt>{t('desk.detail.dueAt')}</dt>
            <dd>{shanghaiMinute(c.dueAt)}</dd>
            <dt>{t('desk.detail.escalation')}</dt>
            <dd data-testid="desk-detail-escalation">
              {c.escalation ? t(`desk.escalation.${c.escalation.level}`) : '—'}
              {c.escalation && c.escalation.notify.length > 0 && (
                <span className="hint"> · {t('desk.detail.notify')}: {c.escalation.notify.map((n) => translateCode(t, 'desk.notify', n)).join('、')}</span>
              )}
            </dd>
          </dl>
          {c.paused && <p className="hint">{t('desk.detail.pausedSince', { time: shanghaiMinute(c.pausedAt) })}</p>}
          {c.extensionRequest && <p className="hint">{t('desk.detail.extension', { days: c.extensionRequest.workingDays, reason: c.extensionRequest.reason })}</p>}
          {c.reopenCount > 0 && <p className="hint">{t('desk.detail.reopened', { n: c.reopenCount })}</p>}
          {c.parentId !== null && (
            <p className="hint">
              <button type="button" className="button button--small button--ghost" onClick={() => props.onOpen(c.parentId!)}>{t('desk.detail.parent', { id: c.parentId })}</button>
            </p>
          )}
          {c.childIds.length > 0 && (
            <p className="hint">
              {t('desk.detail.children')}：
              {c.childIds.map((id) => (
                <button key={id} type="button" className="button button--small button--ghost" onClick={() => props.onOpen(id)}>#{id}</button>
              ))}
            </p>
          )}
          {c.publicFeedback && <p className="hint">{t('desk.detail.feedback')}：{c.publicFeedback}</p>}
          {c.verification && (
            <p className="hint" data-testid="desk-detail-verification">
              {t('desk.detail.verification')}：{c.verification.evidence.map((e) => `${t(`desk.evidence.${e.kind}`)} ${e.ref}`).join('；')}
            </p>
          )}
        </section>

        <section className="desk-block" aria-label={t('desk.duplicates')} data-testid="desk-duplicates">
          <h3>{t('desk.duplicates')}</h3>
          {props.duplicatesLoading && !props.duplicates && <p className="hint">{t('state.loading')}</p>}
          {props.duplicates && props.duplicates.candidates.length === 0 && <p className="hint">{t('desk.duplicates.none')}</p>}
          <ul className="desk-list">
            {props.duplicates?.candidates.map((d) => (
              <li key={d.id} className="desk-dup" data-testid="desk-duplicate">
                <span>
                  <strong>#{d.id}</strong> {translateCode(t, 'clueStatus', d.status)} · {d.address}
                </span>
                <span className="hint">
                  {t('desk.duplicates.metres', { m: Math.round(d.distanceMetres) })} · {t('desk.duplicates.days', { d: Math.round(d.daysApart) })} ·{' '}
                  {d.reasons.map((r) => translateCode(t, 'desk.reason', r.kind)).join('、')}
                </span>
                <span className="desk-dup__actions">
                  <button type="button" className="button button--small button--ghost" onClick={() => props.onOpen(d.id)}>{t('desk.duplicates.open')}</button>
                  {props.canWrite && c.nextSteps.includes('merge') && (
                    <button type="button" className="button button--small" data-testid="desk-duplicate-merge" onClick={() => { setDone(null); setForm({ clue: c.id, step: 'merge', parentId: d.id }); }}>
                      {t('desk.duplicates.merge')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section className="desk-block" aria-label={t('desk.timeline')} data-testid="desk-timeline">
          <h3>{t('desk.timeline')}</h3>
          {props.timelineError && <p className="desk-error" role="alert">{props.timelineError}</p>}
          {props.timeline && props.timeline.entries.length === 0 && <p className="hint">{t('desk.timeline.empty')}</p>}
          <ol className="desk-timeline">
            {props.timeline?.entries.map((e) => (
              <li key={e.id} data-testid="desk-timeline-entry" data-step={e.step}>
                <span className="desk-timeline__when">{shanghaiMinute(e.at)}</span>
                <strong>{translateCode(t, 'desk.step', e.step)}</strong>
                <span>{e.actorName ?? e.actor}</span>
                {e.status && <span className="desk-tag">{translateCode(t, 'clueStatus', e.status)}</span>}
                {e.note && <span className="desk-timeline__note">{e.note}</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </section>
  );
}

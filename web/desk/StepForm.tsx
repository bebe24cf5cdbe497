import { useState, type FormEvent } from 'react';
import type { ClueStep } from '../../server/contract/clue-loop.js';
import { evidenceKinds } from '../../server/domain/clue-steps.js';
import { errorText } from '../i18n/errors.js';
import { useI18n } from '../i18n/index.js';
import type { StepOutcome } from './use-desk-page.js';
import { DEPARTMENT_CODES } from './DeskQueue.js';
import { departmentName } from './format.js';

// One step's form: the fields its body has (server/contract/clue-loop.ts), each error shown under its field from the
// 4xx answer.

type Field = 'note' | 'reason' | 'result' | 'publicFeedback' | 'workingDays' | 'approve' | 'parentId' | 'evidence' | 'verifyResult' | 'departments';

const FIELDS: Record<ClueStep, readonly Field[]> = {
  register: ['note'],
  dispatch: ['departments', 'note'],
  send_back: ['reason'],
  accept: ['note'],
  extend_request: ['workingDays', 'reason'],
  extend_decide: ['approve', 'note'],
  pause: ['reason'],
  resume: ['note'],
  feedback: ['result', 'publicFeedback'],
  verify: ['evidence', 'verifyResult'],
  close: ['result'],
  reopen: ['reason'],
  merge: ['parentId', 'note'],
  reject: ['reason'],
};

interface Evidence {
  kind: (typeof evidenceKinds)[number];
  ref: string;
}

interface Values {
  note: string;
  reason: string;
  result: string;
  publicFeedback: string;
  workingDays: string;
  approve: boolean;
  parentId: string;
  evidence: Evidence[];
  byHand: boolean;
  lead: string;
  co: string[];
}

/** The body of a step from what the form holds: empty optional fields left out, so the server's defaults apply. */
export function stepBody(step: ClueStep, v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const note = v.note.trim();
  for (const field of FIELDS[step]) {
    if (field === 'note' && note) body.note = note;
    if (field === 'reason') body.reason = v.reason;
    if (field === 'result') body.result = v.result;
    if (field === 'publicFeedback') body.publicFeedback = v.publicFeedback;
    if (field === 'workingDays') body.workingDays = Number(v.workingDays);
    if (field === 'approve') body.approve = v.approve;
    if (field === 'parentId') body.parentId = Number(v.parentId);
    if (field === 'evidence') body.evidence = v.evidence.map((e) => ({ kind: e.kind, ref: e.ref }));
    if (field === 'verifyResult') body.result = v.result;
    if (field === 'departments' && v.byHand) {
      body.lead = v.lead;
      body.co = v.co;
      body.reason = v.reason;
    }
  }
  return body;
}

export interface StepFormProps {
  clueId: number;
  step: ClueStep;
  /** A merge chosen from the duplicates comes with its parent. */
  parentId?: number;
  onSubmit: (id: number, step: ClueStep, body: Record<string, unknown>) => Promise<StepOutcome>;
  onDone: () => void;
  onCancel: () => void;
}

export function StepForm({ clueId, step, parentId, onSubmit, onDone, onCancel }: StepFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [v, setV] = useState<Values>({ note: '', reason: '', result: '', publicFeedback: '', workingDays: '3', approve: true, parentId: parentId ? String(parentId) : '', evidence: [{ kind: 'check_in', ref: '' }], byHand: false, lead: 'education', co: [], });
  const [saving, setSaving] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const outcome = await onSubmit(clueId, step, stepBody(step, v));
    setSaving(false);
    if (outcome.ok) return onDone();
    setFields(outcome.fields);
    const unplaced = Object.entries(outcome.fields).filter(([k]) => !placed(k)).map(([k, m]) => (k ? `${k}: ${m}` : m));
    setGeneral(t('desk.form.failed', { message: [errorText(i18n, outcome.error), ...unplaced, outcome.error.status === 409 || outcome.error.status === 422 ? outcome.error.message : ''].filter(Boolean).join(' · ') }));
  };
  const list = FIELDS[step];
  const placed = (key: string) => key === 'note' || key === 'reason' || key === 'result' || key === 'publicFeedback' || key === 'workingDays' || key === 'approve' || key === 'parentId' || key === 'lead' || key === 'co' || key.startsWith('evidence');
  const issue = (key: string) =>
    fields[key] ? (
      <span className="desk-form__issue" role="alert" data-testid={`desk-issue-${key}`}>
        {fields[key]}
      </span>
    ) : null;
  const text = (key: 'note' | 'reason' | 'result' | 'publicFeedback', label: string, required: boolean, long = true) => (
    <label className="desk-form__field">
      <span>{label}</span>
      {long ? (
        <textarea data-testid={`desk-form-${key}`} rows={2} value={v[key]} required={required} aria-invalid={fields[key] ? true : undefined} onChange={(e) => set({ [key]: e.target.value })} />
      ) : (
        <input data-testid={`desk-form-${key}`} value={v[key]} required={required} aria-invalid={fields[key] ? true : undefined} onChange={(e) => set({ [key]: e.target.value })} />
      )}
      {issue(key)}
    </label>
  );
  return (
    <form className="desk-form" data-testid={`desk-form-step-${step}`} onSubmit={(e) => void submit(e)} noValidate>
      <h4>{t(`desk.step.${step}`)}</h4>
      {list.includes('departments') && (
        <fieldset className="desk-form__field">
          <label className="desk-check">
            <input type="radio" name="dispatch-mode" checked={!v.byHand} onChange={() => set({ byHand: false })} data-testid="desk-form-by-matrix" />
            <span>{t('desk.form.byMatrix')}</span>
          </label>
          <label className="desk-check">
            <input type="radio" name="dispatch-mode" checked={v.byHand} onChange={() => set({ byHand: true })} data-testid="desk-form-by-hand" />
            <span>{t('desk.form.byHand')}</span>
          </label>
          {v.byHand && (
            <>
              <label className="desk-form__field">
                <span>{t('desk.form.lead')}</span>
                <select value={v.lead} onChange={(e) => set({ lead: e.target.value })} data-testid="desk-form-lead">
                  {DEPARTMENT_CODES.map((d) => (
                    <option key={d} value={d}>{departmentName(t, d)}</option>
                  ))}
                </select>
                {issue('lead')}
              </label>
              <div className="desk-form__field" role="group" aria-label={t('desk.form.co')}>
                <span>{t('desk.form.co')}</span>
                <div className="desk-form__chips">
                  {DEPARTMENT_CODES.filter((d) => d !== v.lead).map((d) => (
                    <label key={d} className="desk-check">
                      <input type="checkbox" checked={v.co.includes(d)} onChange={() => set({ co: v.co.includes(d) ? v.co.filter((c) => c !== d) : [...v.co, d] })} />
                      <span>{departmentName(t, d)}</span>
                    </label>
                  ))}
                </div>
                {issue('co')}
              </div>
              {text('reason', t('desk.form.reason'), true)}
            </>
          )}
        </fieldset>
      )}
      {list.includes('reason') && text('reason', t('desk.form.reason'), true)}
      {list.includes('result') && text('result', t('desk.form.result'), true)}
      {list.includes('publicFeedback') && text('publicFeedback', t('desk.form.publicFeedback'), true)}
      {list.includes('workingDays') && (
        <label className="desk-form__field">
          <span>{t('desk.form.workingDays')}</span>
          <input type="number" min={1} max={30} value={v.workingDays} onChange={(e) => set({ workingDays: e.target.value })} data-testid="desk-form-workingDays" aria-invalid={fields.workingDays ? true : undefined} />
          {issue('workingDays')}
        </label>
      )}
      {list.includes('approve') && (
        <div className="desk-form__field" role="radiogroup" aria-label={t('desk.step.extend_decide')}>
          <label className="desk-check">
            <input type="radio" name="approve" checked={v.approve} onChange={() => set({ approve: true })} data-testid="desk-form-approve" />
            <span>{t('desk.form.approve')}</span>
          </label>
          <label className="desk-check">
            <input type="radio" name="approve" checked={!v.approve} onChange={() => set({ approve: false })} data-testid="desk-form-refuse" />
            <span>{t('desk.form.reject')}</span>
          </label>
        </div>
      )}
      {list.includes('parentId') && (
        <label className="desk-form__field">
          <span>{t('desk.form.parentId')}</span>
          <input inputMode="numeric" value={v.parentId} onChange={(e) => set({ parentId: e.target.value })} data-testid="desk-form-parentId" aria-invalid={fields.parentId ? true : undefined} />
          {issue('parentId')}
        </label>
      )}
      {list.includes('evidence') && (
        <fieldset className="desk-form__field" data-testid="desk-form-evidence">
          <legend>{t('desk.form.evidence')}</legend>
          {v.evidence.map((e, i) => (
            <div key={i} className="desk-form__evidence">
              <select aria-label={t('desk.form.evidenceKind')} value={e.kind} onChange={(ev) => set({ evidence: v.evidence.map((x, j) => (j === i ? { ...x, kind: ev.target.value as Evidence['kind'] } : x)) })} data-testid="desk-form-evidence-kind">
                {evidenceKinds.map((k) => (
                  <option key={k} value={k}>{t(`desk.evidence.${k}`)}</option>
                ))}
              </select>
              <input aria-label={t('desk.form.evidenceRef')} placeholder={t('desk.form.evidenceRef')} value={e.ref} onChange={(ev) => set({ evidence: v.evidence.map((x, j) => (j === i ? { ...x, ref: ev.target.value } : x)) })} data-testid="desk-form-evidence-ref" aria-invalid={fields[`evidence.${i}.ref`] ? true : undefined} />
              <button type="button" className="button button--small button--ghost" onClick={() => set({ evidence: v.evidence.filter((_, j) => j !== i) })}>{t('desk.form.removeEvidence')}</button>
              {issue(`evidence.${i}.ref`)}
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => set({ evidence: [...v.evidence, { kind: 'photo', ref: '' }] })} data-testid="desk-form-add-evidence">{t('desk.form.addEvidence')}</button>
          {issue('evidence')}
        </fieldset>
      )}
      {list.includes('verifyResult') && text('result', t('desk.form.verifyResult'), false)}
      {list.includes('note') && text('note', t('desk.form.note'), false, false)}
      {general && <p className="desk-error" role="alert" data-testid="desk-form-error">{general}</p>}
      <div className="desk-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={saving} data-testid="desk-form-submit">{saving ? t('desk.form.saving') : t('desk.form.submit')}</button>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>{t('desk.form.cancel')}</button>
      </div>
    </form>
  );
}

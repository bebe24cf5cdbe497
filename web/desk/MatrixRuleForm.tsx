import { useId } from 'react';
import { institutionCategories, suspectedTypes } from '../../server/domain/vocabulary.js';
import { translateCode, useI18n } from '../i18n/index.js';
import type { EditorAction, EditorIssues, RuleDraft, RuleField } from '../state/matrix-editor.js';
import { DEPARTMENT_CODES } from './DeskQueue.js';
import { departmentName } from './format.js';
import { issueText } from './matrix-format.js';

// One rule's form: what it matches (no tick = any value), who leads and who assists, and the reason the dispatch shows.
// Each field says its problem under it as the user types, and the server's on a refused save.

export interface MatrixRuleFormProps {
  row: RuleDraft;
  position: number;
  issues: EditorIssues;
  onAction: (action: EditorAction) => void;
}

const toggle = <T,>(values: readonly T[], value: T): T[] => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);

export function MatrixRuleForm({ row, position, issues, onAction }: MatrixRuleFormProps) {
  const { t } = useI18n();
  const base = useId();
  const edit = (patch: Partial<Omit<RuleDraft, 'key'>>) => onAction({ kind: 'edit', key: row.key, patch });
  const issueOf = (field: RuleField) => issues[`${row.key}.${field}`];
  const invalid = (field: RuleField) => (issueOf(field) ? true : undefined);
  const describedBy = (field: RuleField) => (issueOf(field) ? `${base}-${field}` : undefined);
  const issue = (field: RuleField) => {
    const found = issueOf(field);
    return found ? (
      <span id={`${base}-${field}`} className="desk-form__issue" role="alert" data-testid={`matrix-issue-${field}`}>
        {issueText(t, found)}
      </span>
    ) : null;
  };
  return (
    <form className="desk-form matrix-form" data-testid="matrix-form" data-rule={row.id} onSubmit={(e) => e.preventDefault()} noValidate aria-label={t('matrix.form.title', { n: position })}>
      <h3>{t('matrix.form.title', { n: position })}</h3>
      <label className="desk-form__field">
        <span>{t('matrix.col.id')}</span>
        <input data-testid="matrix-form-id" value={row.id} aria-invalid={invalid('id')} aria-describedby={describedBy('id')} onChange={(e) => edit({ id: e.target.value })} />
        {issue('id')}
      </label>
      <fieldset className="desk-form__field" aria-invalid={invalid('suspectedTypes')} aria-describedby={describedBy('suspectedTypes')}>
        <legend>{t('matrix.col.types')} <span className="hint">{t('matrix.anyHint')}</span></legend>
        <div className="desk-form__chips">
          {suspectedTypes.map((s) => (
            <label key={s} className="desk-check">
              <input type="checkbox" data-testid={`matrix-form-type-${s}`} checked={row.suspectedTypes.includes(s)} onChange={() => edit({ suspectedTypes: toggle(row.suspectedTypes, s) })} />
              <span>{translateCode(t, 'type', s)}</span>
            </label>
          ))}
        </div>
        {issue('suspectedTypes')}
      </fieldset>
      <fieldset className="desk-form__field" aria-invalid={invalid('institutionCategories')} aria-describedby={describedBy('institutionCategories')}>
        <legend>{t('matrix.col.categories')} <span className="hint">{t('matrix.anyHint')}</span></legend>
        <div className="desk-form__chips">
          {institutionCategories.map((c) => (
            <label key={c} className="desk-check">
              <input type="checkbox" data-testid={`matrix-form-category-${c}`} checked={row.institutionCategories.includes(c)} onChange={() => edit({ institutionCategories: toggle(row.institutionCategories, c) })} />
              <span>{translateCode(t, 'campaign.category', c)}</span>
            </label>
          ))}
        </div>
        {issue('institutionCategories')}
      </fieldset>
      <label className="desk-form__field">
        <span>{t('matrix.col.lead')}</span>
        <select data-testid="matrix-form-lead" value={row.lead} aria-invalid={invalid('lead')} aria-describedby={describedBy('lead')} onChange={(e) => edit({ lead: e.target.value, co: row.co.filter((d) => d !== e.target.value) })}>
          <option value="">{t('matrix.chooseLead')}</option>
          {DEPARTMENT_CODES.map((d) => (
            <option key={d} value={d}>{departmentName(t, d)}</option>
          ))}
        </select>
        {issue('lead')}
      </label>
      <fieldset className="desk-form__field" aria-invalid={invalid('co')} aria-describedby={describedBy('co')}>
        <legend>{t('matrix.col.co')}</legend>
        <div className="desk-form__chips">
          {DEPARTMENT_CODES.filter((d) => d !== row.lead).map((d) => (
            <label key={d} className="desk-check">
              <input type="checkbox" data-testid={`matrix-form-co-${d}`} checked={row.co.includes(d)} onChange={() => edit({ co: toggle(row.co, d) })} />
              <span>{departmentName(t, d)}</span>
            </label>
          ))}
        </div>
        {issue('co')}
      </fieldset>
      <label className="desk-form__field">
        <span>{t('matrix.col.reason')}</span>
        <textarea data-testid="matrix-form-reason" rows={3} value={row.reason} aria-invalid={invalid('reason')} aria-describedby={describedBy('reason')} onChange={(e) => edit({ reason: e.target.value })} />
        {issue('reason')}
      </label>
    </form>
  );
}

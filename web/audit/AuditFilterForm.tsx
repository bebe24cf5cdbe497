import { useState, type ChangeEvent, type FormEvent } from 'react';
import { auditActions, auditEntities, type AuditActors } from '../../server/contract/index.js';
import { translateCode, useI18n, type MessageKey } from '../i18n/index.js';
import { filterProblems, MAX_FILTER_LENGTH, NO_FILTERS, type AuditFilterField, type AuditFilters } from '../state/audit.js';

export interface AuditFilterFormProps {
  filters: AuditFilters;
  /** Choices for the actor field; the field takes any username too. */
  actors: readonly AuditActors['actors'][number][];
  /** The server's objections to the filters last applied, by field. */
  serverIssues: Partial<Record<AuditFilterField, string>>;
  onApply: (filters: AuditFilters) => void;
}

/** A form, so that Enter in any field applies the filters; nothing is asked of the server until then. */
export function AuditFilterForm({ filters, actors, serverIssues, onApply }: AuditFilterFormProps) {
  const { t } = useI18n();
  // The fields hold a draft; filters applied from elsewhere (clear, a link to one entry) replace it.
  const [draft, setDraft] = useState(filters);
  const [applied, setApplied] = useState(filters);
  const [problems, setProblems] = useState<Partial<Record<AuditFilterField, MessageKey>>>({});
  if (applied !== filters) {
    setApplied(filters);
    setDraft(filters);
    setProblems({});
  }
  const set = (field: AuditFilterField, value: string) => setDraft({ ...draft, [field]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = filterProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) onApply(draft);
  };

  const errorOf = (field: AuditFilterField): string | null => (problems[field] ? t(problems[field]) : (serverIssues[field] ?? null));
  const fieldProps = (field: AuditFilterField) => {
    const error = errorOf(field);
    return {
      id: `audit-filter-${field}`,
      'aria-invalid': error !== null,
      'aria-describedby': error !== null ? `audit-filter-${field}-error` : undefined,
    };
  };
  const textProps = (field: 'actor' | 'entityId') => ({
    ...fieldProps(field),
    value: draft[field],
    maxLength: MAX_FILTER_LENGTH,
    autoComplete: 'off',
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(field, e.target.value),
  });
  const fieldError = (field: AuditFilterField) => {
    const error = errorOf(field);
    return error === null ? null : (
      <span id={`audit-filter-${field}-error`} className="audit-field__error" role="alert">
        {error}
      </span>
    );
  };

  /** A closed list (actions, entity types) with 全部 first. */
  const choice = (field: 'action' | 'entity', label: MessageKey, values: readonly string[], labelPrefix: string) => (
    <label className="audit-field">
      <span>{t(label)}</span>
      <select {...fieldProps(field)} value={draft[field]} onChange={(e) => set(field, e.target.value)} data-testid={`audit-filter-${field}`}>
        <option value="">{t('audit.filter.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {translateCode(t, labelPrefix, value)}
          </option>
        ))}
      </select>
      {fieldError(field)}
    </label>
  );

  return (
    <form className="panel audit-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters-title" data-testid="audit-filters">
      <h2 id="audit-filters-title" className="panel__title">
        {t('audit.filters')}
      </h2>
      <div className="audit-filters__fields">
        <label className="audit-field">
          <span>{t('audit.filter.actor')}</span>
          <input {...textProps('actor')} list="audit-actors" placeholder={t('audit.filter.actorPlaceholder')} data-testid="audit-filter-actor" />
          <datalist id="audit-actors">
            {actors.map((a) => (
              <option key={a.actor} value={a.actor}>
                {`${a.actorName ?? a.actor} (${a.entries})`}
              </option>
            ))}
          </datalist>
          {fieldError('actor')}
        </label>
        {choice('action', 'audit.filter.action', auditActions, 'auditAction')}
        {choice('entity', 'audit.filter.entity', auditEntities, 'auditEntity')}
        <label className="audit-field audit-field--narrow">
          <span>{t('audit.filter.entityId')}</span>
          <input {...textProps('entityId')} placeholder={t('audit.filter.entityIdPlaceholder')} data-testid="audit-filter-entity-id" />
          {fieldError('entityId')}
        </label>
        <label className="audit-field">
          <span>{t('audit.filter.from')}</span>
          <input {...fieldProps('from')} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} data-testid="audit-filter-from" />
          {fieldError('from')}
        </label>
        <label className="audit-field">
          <span>{t('audit.filter.to')}</span>
          <input {...fieldProps('to')} type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => set('to', e.target.value)} data-testid="audit-filter-to" />
          {fieldError('to')}
        </label>
      </div>
      <div className="audit-filters__actions">
        <button type="submit" className="button audit-apply" data-testid="audit-apply">
          {t('audit.filter.apply')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onApply(NO_FILTERS)} data-testid="audit-clear">
          {t('audit.filter.clear')}
        </button>
        <span className="hint">{t('audit.filter.hint')}</span>
      </div>
    </form>
  );
}

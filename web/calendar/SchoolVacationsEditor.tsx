import { useState, type FormEvent } from 'react';
import type { SchoolVacations, SchoolVacationsInput } from '../../server/contract/index.js';
import { vacationKinds, vacationStatuses, type VacationKind, type VacationStatus } from '../../server/domain/vocabulary.js';
import { useI18n } from '../i18n/index.js';
import {
  editVacationRows,
  serverVacationIssues,
  vacationIssues,
  vacationRows,
  vacationsBody,
  type IssuesByPlace,
  type VacationEdit,
} from '../state/calendar-admin.js';
import { failureText, RemoveRowButton, SubmitRow, type SaveStatus } from './form-parts.js';
import { asApiError, IssueList, serverIssuesOf } from './issue-text.js';

export interface SchoolVacationsEditorProps {
  data: SchoolVacations;
  onSave: (body: SchoolVacationsInput) => Promise<unknown>;
}


const FIELDS = ['schoolYear', 'kind', 'startsOn', 'endsOn', 'status', 'source'] as const;

/** 寒暑假: the city's school vacations by school year, from the bureau's 校历, with the shipped defaults to go back to. */
export function SchoolVacationsEditor({ data, onSave }: SchoolVacationsEditorProps) {
  const { t } = useI18n();
  const [shown, setShown] = useState(data);
  const [rows, setRows] = useState(() => vacationRows(data.vacations));
  const [issues, setIssues] = useState<IssuesByPlace>(new Map());
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  if (shown !== data) {
    setShown(data);
    setRows(vacationRows(data.vacations));
    setIssues(new Map());
  }
  const edit = (change: VacationEdit) => setRows((r) => editVacationRows(r, change));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = vacationIssues(rows);
    setIssues(found);
    if (found.size > 0) return;
    setStatus({ kind: 'busy' });
    try {
      await onSave(vacationsBody(rows, data.city));
      setStatus({ kind: 'saved' });
    } catch (error) {
      const apiError = asApiError(error);
      setIssues(serverVacationIssues(rows, serverIssuesOf(apiError)));
      setStatus({ kind: 'failed', error: apiError });
    }
  };

  /** The issues of a row's field; a row-wide issue (no field) shows under its first field. */
  const issuesOf = (key: number, field: (typeof FIELDS)[number]) => [...(issues.get(`row:${key}.${field}`) ?? []), ...(field === 'schoolYear' ? (issues.get(`row:${key}`) ?? []) : [])];
  const busy = status.kind === 'busy';

  return (
    <form className="panel cal-editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vacation-editor-title" data-testid="vacation-editor">
      <h2 id="vacation-editor-title" className="panel__title">
        {t('calendarAdmin.vacations.title')}
      </h2>
      <p className="hint">{t('calendarAdmin.vacations.hint')}</p>
      {rows.length === 0 ? (
        <p className="cal-empty" role="status" data-testid="vacation-empty">
          {t('calendarAdmin.vacations.empty')}
        </p>
      ) : (
        <table className="cal-table cal-table--vacations" data-testid="vacation-rows">
          <thead>
            <tr>
              {FIELDS.map((field) => (
                <th key={field} scope="col">
                  {t(`calendarAdmin.vacations.${field}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('calendarAdmin.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              const field = (name: (typeof FIELDS)[number]) => {
                const found = issuesOf(row.key, name);
                return {
                  'aria-label': t('calendarAdmin.vacations.fieldOf', { field: t(`calendarAdmin.vacations.${name}`), n }),
                  'aria-invalid': found.length > 0,
                  'aria-describedby': found.length ? `vacation-${row.key}-${name}-issues` : undefined,
                  'data-testid': `vacation-${name}`,
                };
              };
              const issueList = (name: (typeof FIELDS)[number]) => <IssueList id={`vacation-${row.key}-${name}-issues`} issues={issuesOf(row.key, name)} />;
              return (
                <tr key={row.key} data-testid="vacation-row">
                  <td className="cal-table__year">
                    <input inputMode="numeric" maxLength={4} value={row.schoolYear} {...field('schoolYear')} onChange={(e) => edit({ type: 'field', key: row.key, field: 'schoolYear', value: e.target.value })} />
                    {issueList('schoolYear')}
                  </td>
                  <td>
                    <select value={row.kind} {...field('kind')} onChange={(e) => edit({ type: 'kind', key: row.key, value: e.target.value as VacationKind })}>
                      {vacationKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`vacation.${kind}`)}
                        </option>
                      ))}
                    </select>
                    {issueList('kind')}
                  </td>
                  <td>
                    <input type="date" value={row.startsOn} {...field('startsOn')} onChange={(e) => edit({ type: 'field', key: row.key, field: 'startsOn', value: e.target.value })} />
                    {issueList('startsOn')}
                  </td>
                  <td>
                    <input type="date" value={row.endsOn} {...field('endsOn')} onChange={(e) => edit({ type: 'field', key: row.key, field: 'endsOn', value: e.target.value })} />
                    {issueList('endsOn')}
                  </td>
                  <td>
                    <select value={row.status} {...field('status')} onChange={(e) => edit({ type: 'status', key: row.key, value: e.target.value as VacationStatus })}>
                      {vacationStatuses.map((value) => (
                        <option key={value} value={value}>
                          {t(`calendarAdmin.vacations.status.${value}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="cal-table__source">
                    <input value={row.source} maxLength={500} title={row.source} {...field('source')} onChange={(e) => edit({ type: 'field', key: row.key, field: 'source', value: e.target.value })} />
                    {issueList('source')}
                  </td>
                  <td>
                    <RemoveRowButton n={n} onRemove={() => edit({ type: 'remove', key: row.key })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <IssueList id="vacation-form-issues" issues={issues.get('')} />
      <div className="cal-actions">
        <button type="button" className="button button--small" onClick={() => edit({ type: 'add' })} data-testid="vacation-add">
          + {t('calendarAdmin.vacations.add')}
        </button>
        {data.defaults.length > 0 && (
          <button type="button" className="button button--small button--ghost" onClick={() => edit({ type: 'replace', vacations: data.defaults })} data-testid="vacation-defaults">
            {t('calendarAdmin.vacations.restoreDefaults')}
          </button>
        )}
      </div>
      <SubmitRow
        busy={busy}
        label={t('calendarAdmin.vacations.save')}
        testId="vacation-save"
        statusTestId="vacation-status"
        status={status.kind === 'saved' ? t('calendarAdmin.vacations.saved') : status.kind === 'failed' ? failureText(t, issues.size > 0, status.error) : null}
      />
    </form>
  );
}

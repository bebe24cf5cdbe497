import { useState, type FormEvent } from 'react';
import type { HolidayScheduleAnswer, HolidayScheduleInput } from '../../server/contract/index.js';
import type { InputIssue } from '../../server/domain/errors.js';
import { formatScheduleCsv } from '../../server/domain/holiday-import.js';
import { holidayDayKinds } from '../../server/domain/vocabulary.js';
import { useI18n, type Translate } from '../i18n/index.js';
import {
  editHolidayDraft,
  holidayBody,
  holidayDraft,
  holidayDraftIssues,
  importHolidayText,
  serverHolidayIssues,
  type HolidayEdit,
  type IssuesByPlace,
} from '../state/calendar-admin.js';
import { failureText, RemoveRowButton, SubmitRow, type SaveStatus } from './form-parts.js';
import { originLabel } from './day-labels.js';
import { asApiError, IssueList, serverIssuesOf } from './issue-text.js';

export interface HolidayScheduleEditorProps {
  schedule: HolidayScheduleAnswer;
  onSave: (body: HolidayScheduleInput) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
}


/** Where a pasted problem is: 第 3 行 / line 3 for CSV, the JSON path as it is. */
function placeOf(t: Translate, path: string): string {
  const line = /^line (\d+)$/.exec(path);
  if (line) return t('calendarAdmin.atLine', { line: line[1] });
  return path ? `${path}: ` : '';
}

/** 法定节假日安排 of one year: the days in a table, a paste box for the notice as CSV or JSON, save and remove. */
export function HolidayScheduleEditor({ schedule, onSave, onRemove }: HolidayScheduleEditorProps) {
  const { t } = useI18n();
  const [shown, setShown] = useState(schedule);
  const [draft, setDraft] = useState(() => holidayDraft(schedule));
  const [issues, setIssues] = useState<IssuesByPlace>(new Map());
  const [text, setText] = useState('');
  const [importIssues, setImportIssues] = useState<InputIssue[]>([]);
  const [imported, setImported] = useState<number | null>(null);
  const [status, setStatus] = useState<SaveStatus<'saved' | 'removed'>>({ kind: 'idle' });
  // A new answer (another year, or the schedule after a save) replaces the form.
  if (shown !== schedule) {
    setShown(schedule);
    setDraft(holidayDraft(schedule));
    setIssues(new Map());
    setImportIssues([]);
    setImported(null);
    setText('');
  }
  const year = schedule.year;
  const edit = (change: HolidayEdit) => setDraft((d) => editHolidayDraft(d, change));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = holidayDraftIssues(draft);
    setIssues(found);
    if (found.size > 0) return;
    setStatus({ kind: 'busy' });
    try {
      await onSave(holidayBody(draft));
      setStatus({ kind: 'saved' });
    } catch (error) {
      const apiError = asApiError(error);
      setIssues(serverHolidayIssues(draft, serverIssuesOf(apiError)));
      setStatus({ kind: 'failed', error: apiError });
    }
  };

  const remove = async () => {
    setStatus({ kind: 'busy' });
    try {
      await onRemove();
      setStatus({ kind: 'removed' });
    } catch (error) {
      setStatus({ kind: 'failed', error: asApiError(error) });
    }
  };

  const readText = () => {
    const result = importHolidayText(draft, text);
    setImportIssues(result.issues);
    setImported(result.issues.length ? null : result.draft.rows.length);
    if (!result.issues.length) {
      setDraft(result.draft);
      setIssues(new Map());
    }
  };

  const busy = status.kind === 'busy';
  const sourceIssues = issues.get('source');

  return (
    <form className="panel cal-editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="holiday-editor-title" data-testid="holiday-editor">
      <h2 id="holiday-editor-title" className="panel__title">
        {t('calendarAdmin.holidays.title', { year })}
      </h2>
      <p className={`cal-origin cal-origin--${schedule.origin}`} data-testid="holiday-origin">
        {originLabel(t, schedule)}
      </p>
      <p className="hint">{schedule.packageCovers ? t('calendarAdmin.holidays.packageNote', { year }) : t('calendarAdmin.holidays.hint')}</p>

      <label className="cal-field cal-source">
        <span>{t('calendarAdmin.holidays.source')}</span>
        <input
          value={draft.source}
          maxLength={300}
          placeholder={t('calendarAdmin.holidays.sourcePlaceholder', { year })}
          aria-invalid={Boolean(sourceIssues)}
          aria-describedby={sourceIssues ? 'holiday-source-issues' : undefined}
          onChange={(e) => edit({ type: 'source', value: e.target.value })}
          data-testid="holiday-source"
        />
        <IssueList id="holiday-source-issues" issues={sourceIssues} />
      </label>

      {draft.rows.length === 0 ? (
        <p className="cal-empty" role="status" data-testid="holiday-empty">
          {t('calendarAdmin.holidays.empty')}
        </p>
      ) : (
        <table className="cal-table" data-testid="holiday-rows">
          <thead>
            <tr>
              <th scope="col">{t('calendarAdmin.holidays.date')}</th>
              <th scope="col">{t('calendarAdmin.holidays.kind')}</th>
              <th scope="col">{t('calendarAdmin.holidays.name')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('calendarAdmin.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.rows.map((row, index) => {
              const rowIssues = issues.get(`row:${row.key}`);
              const describedBy = rowIssues ? `holiday-row-${row.key}-issues` : undefined;
              return (
                <tr key={row.key} className={rowIssues ? 'cal-row--invalid' : undefined} data-testid="holiday-row">
                  <td>
                    <input
                      type="date"
                      value={row.date}
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                      aria-label={t('calendarAdmin.holidays.dateOf', { n: index + 1 })}
                      aria-invalid={Boolean(rowIssues)}
                      aria-describedby={describedBy}
                      onChange={(e) => edit({ type: 'row', key: row.key, field: 'date', value: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      value={row.kind}
                      aria-label={t('calendarAdmin.holidays.kindOf', { n: index + 1 })}
                      onChange={(e) => edit({ type: 'kind', key: row.key, value: e.target.value as (typeof holidayDayKinds)[number] })}
                    >
                      {holidayDayKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`calendarAdmin.kind.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      value={row.name}
                      maxLength={40}
                      aria-label={t('calendarAdmin.holidays.nameOf', { n: index + 1 })}
                      aria-invalid={Boolean(rowIssues)}
                      aria-describedby={describedBy}
                      onChange={(e) => edit({ type: 'row', key: row.key, field: 'name', value: e.target.value })}
                    />
                    <IssueList id={`holiday-row-${row.key}-issues`} issues={rowIssues} />
                  </td>
                  <td>
                    <RemoveRowButton n={index + 1} onRemove={() => edit({ type: 'remove', key: row.key })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <IssueList id="holiday-form-issues" issues={issues.get('')} />
      <div className="cal-actions">
        <button type="button" className="button button--small" onClick={() => edit({ type: 'add' })} data-testid="holiday-add">
          + {t('calendarAdmin.holidays.add')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => setText(formatScheduleCsv(holidayBody(draft).days ?? []))} data-testid="holiday-export">
          {t('calendarAdmin.holidays.export')}
        </button>
      </div>

      <fieldset className="cal-import">
        <legend>{t('calendarAdmin.holidays.import')}</legend>
        <p className="hint" id="holiday-import-hint">
          {t('calendarAdmin.holidays.importHint')}
        </p>
        <textarea
          value={text}
          rows={5}
          spellCheck={false}
          aria-label={t('calendarAdmin.holidays.import')}
          aria-describedby="holiday-import-hint"
          aria-invalid={importIssues.length > 0}
          placeholder={`date,kind,name\n${year}-01-01,holiday,元旦\n${year}-02-06,休,春节`}
          onChange={(e) => setText(e.target.value)}
          data-testid="holiday-import-text"
        />
        <div className="cal-actions">
          <button type="button" className="button button--small" onClick={readText} disabled={text.trim() === ''} data-testid="holiday-import-apply">
            {t('calendarAdmin.holidays.parse')}
          </button>
          {imported !== null && (
            <span className="hint" role="status">
              {t('calendarAdmin.holidays.parsed', { count: imported })}
            </span>
          )}
        </div>
        <IssueList id="holiday-import-issues" issues={importIssues} prefix={(issue) => placeOf(t, issue.path)} />
      </fieldset>

      <SubmitRow
        busy={busy}
        label={t('calendarAdmin.holidays.save', { year })}
        testId="holiday-save"
        statusTestId="holiday-status"
        status={
          status.kind === 'saved'
            ? t('calendarAdmin.holidays.saved', { year })
            : status.kind === 'removed'
              ? t('calendarAdmin.holidays.removed', { year })
              : status.kind === 'failed'
                ? failureText(t, issues.size > 0, status.error)
                : null
        }
      >
        {schedule.origin === 'entered' && (
          <button type="button" className="button button--danger" onClick={() => void remove()} disabled={busy} data-testid="holiday-remove">
            {t('calendarAdmin.holidays.remove')}
          </button>
        )}
      </SubmitRow>
    </form>
  );
}

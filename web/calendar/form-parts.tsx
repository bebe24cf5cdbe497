import type { ReactNode } from 'react';
import { errorMessage, type ApiError } from '../api/errors.js';
import { useI18n, type Translate } from '../i18n/index.js';

/** Where a save of the calendar screen stands. */
export type SaveStatus<Done extends string = 'saved'> = { kind: 'idle' } | { kind: 'busy' } | { kind: Done } | { kind: 'failed'; error: ApiError };

/** What a failed save says: the rows marked in red, or why the request failed. */
export const failureText = (t: Translate, rowsMarked: boolean, error: ApiError): string => (rowsMarked ? t('calendarAdmin.rejected') : t(errorMessage(error).key));

/** The ✕ at the end of a table row. */
export function RemoveRowButton({ n, onRemove }: { n: number; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button--small button--ghost" aria-label={t('calendarAdmin.removeRow', { n })} onClick={onRemove}>
      ✕
    </button>
  );
}

/** The foot of a form: its submit button, other actions, and what the last save did. */
export function SubmitRow({ busy, label, testId, statusTestId, status, children }: { busy: boolean; label: string; testId: string; statusTestId: string; status: string | null; children?: ReactNode }) {
  return (
    <div className="cal-actions cal-actions--submit">
      <button type="submit" className="button cal-save" disabled={busy} data-testid={testId}>
        {busy && <span className="spinner" aria-hidden="true" />}
        {label}
      </button>
      {children}
      <span className="cal-status" role="status" data-testid={statusTestId}>
        {status}
      </span>
    </div>
  );
}

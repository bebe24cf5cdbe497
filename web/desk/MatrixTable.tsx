import { useI18n } from '../i18n/index.js';
import type { EditorAction, EditorIssues, RuleDraft } from '../state/matrix-editor.js';
import { departmentName } from './format.js';
import { categoriesText, departmentsText, typesText } from './matrix-format.js';

// The rules in their order (the first that matches decides): one row each, the open one highlighted, each with the
// buttons that choose, move and remove it, so the whole table works from the keyboard.

export interface MatrixTableProps {
  rows: readonly RuleDraft[];
  selected: number | null;
  issues: EditorIssues;
  flagged: ReadonlySet<number>;
  onAction: (action: EditorAction) => void;
}

export function MatrixTable({ rows, selected, flagged, onAction }: MatrixTableProps) {
  const { t } = useI18n();
  return (
    <div className="matrix-table-wrap">
      <table className="matrix-table" data-testid="matrix-table">
        <caption className="visually-hidden">{t('matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('matrix.col.id')}</th>
            <th scope="col">{t('matrix.col.types')}</th>
            <th scope="col">{t('matrix.col.categories')}</th>
            <th scope="col">{t('matrix.col.lead')}</th>
            <th scope="col">{t('matrix.col.co')}</th>
            <th scope="col">{t('matrix.col.reason')}</th>
            <th scope="col"><span className="visually-hidden">{t('matrix.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const open = row.key === selected;
            const bad = flagged.has(row.key);
            return (
              <tr key={row.key} className={`matrix-row${open ? ' matrix-row--open' : ''}${bad ? ' matrix-row--bad' : ''}`} data-testid="matrix-row" data-rule={row.id} aria-selected={open}>
                <td className="matrix-num">{i + 1}</td>
                <td>
                  <button type="button" className="matrix-row__id" data-testid="matrix-row-edit" aria-pressed={open} onClick={() => onAction({ kind: 'select', key: row.key })}>
                    {bad && <span className="matrix-flag" role="img" aria-label={t('matrix.rowHasIssues')}>!</span>}
                    <code>{row.id || '—'}</code>
                  </button>
                </td>
                <td>{typesText(t, row.suspectedTypes)}</td>
                <td>{categoriesText(t, row.institutionCategories)}</td>
                <td data-testid="matrix-row-lead">{row.lead ? departmentName(t, row.lead) : '—'}</td>
                <td>{departmentsText(t, row.co)}</td>
                <td className="matrix-reason" data-testid="matrix-row-reason">{row.reason}</td>
                <td className="matrix-actions">
                  <button type="button" className="button button--small button--ghost" aria-label={t('matrix.up', { id: row.id })} disabled={i === 0} onClick={() => onAction({ kind: 'move', key: row.key, by: -1 })}>↑</button>
                  <button type="button" className="button button--small button--ghost" aria-label={t('matrix.down', { id: row.id })} disabled={i === rows.length - 1} onClick={() => onAction({ kind: 'move', key: row.key, by: 1 })}>↓</button>
                  <button type="button" className="button button--small button--ghost" data-testid="matrix-row-remove" aria-label={t('matrix.remove', { id: row.id })} onClick={() => onAction({ kind: 'remove', key: row.key })}>✕</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

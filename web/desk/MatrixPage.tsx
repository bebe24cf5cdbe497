import type { Me } from '../../server/contract/index.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import { canEditMatrix } from '../navigation.js';
import { rowsWithIssues } from '../state/matrix-editor.js';
import { DeskSubPage } from './DeskSubPage.js';
import { shanghaiMinute } from './format.js';
import { issueText } from './matrix-format.js';
import { MatrixHistory } from './MatrixHistory.js';
import { MatrixRuleForm } from './MatrixRuleForm.js';
import { MatrixTable } from './MatrixTable.js';
import { useMatrixEditor } from './use-matrix-editor.js';

// 责任矩阵: the rules in force as a table, one rule's form beside it, the versions below; a save stores the next version.
// Only administrators store versions, so only they are shown the editor.

export interface MatrixPageProps {
  user: Me;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

export function MatrixPage(props: MatrixPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!canEditMatrix(props.user.role))
    return (
      <DeskSubPage {...props} testId="desk-matrix" title={t('matrix.title')} loading={false}>
        <p className="desk-error" role="alert" data-testid="desk-matrix-forbidden">{t('matrix.forbidden')}</p>
      </DeskSubPage>
    );
  return <MatrixEditor {...props} />;
}

function MatrixEditor(props: MatrixPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const editor = useMatrixEditor();
  const { matrix, state, dispatch, issues } = editor;
  const data = matrix.data;
  const selectedIndex = state.rows.findIndex((r) => r.key === state.selected);
  const selected = selectedIndex >= 0 ? state.rows[selectedIndex] : null;
  const matrixIssue = issues[''];
  const blocked = editor.issueCount > 0;
  const actions = (
    <>
      <button type="button" className="button button--ghost" data-testid="matrix-add" onClick={() => dispatch({ kind: 'add' })} disabled={!data}>
        + {t('matrix.add')}
      </button>
      <button
        type="button"
        className="button button--primary"
        data-testid="matrix-save"
        onClick={() => void editor.save()}
        disabled={!data || !editor.edited || blocked || editor.saving}
        aria-describedby="matrix-save-hint"
      >
        {editor.saving ? t('matrix.saving') : t('matrix.save', { n: state.baseVersion + 1 })}
      </button>
    </>
  );
  return (
    <DeskSubPage {...props} testId="desk-matrix" title={t('matrix.title')} loading={matrix.loading || editor.saving} actions={actions}>
      <div className="matrix-status" aria-live="polite">
        {data && (
          <span data-testid="matrix-in-force" data-version={data.current.version}>
            {data.current.createdBy === 'system' ? t('matrix.inForceDefault', { n: data.current.version }) : t('matrix.inForceLine', { n: data.current.version, who: data.current.createdBy, when: shanghaiMinute(data.current.createdAt) })}
          </span>
        )}
        <span id="matrix-save-hint" className={`hint${blocked ? ' matrix-hint--bad' : ''}`} data-testid="matrix-save-hint">
          {blocked ? t('matrix.issueCount', { n: editor.issueCount }) : editor.edited ? t('matrix.unsaved') : t('matrix.noEdits')}
        </span>
        {editor.savedVersion !== null && (
          <span className="hint hint--ok" role="status" data-testid="matrix-saved">
            {t('matrix.saved', { n: editor.savedVersion })}
          </span>
        )}
      </div>
      {matrix.error && !data && (
        <p className="desk-error" role="alert">
          {errorText(i18n, matrix.error)}
          <button type="button" className="button button--small" onClick={matrix.retry}>{t('state.retry')}</button>
        </p>
      )}
      {editor.refusal && (
        <p className="desk-error" role="alert" data-testid="matrix-refusal">
          {editor.refusal.error.status === 409 ? t('matrix.conflict') : errorText(i18n, editor.refusal.error)}
          {editor.refusal.error.status === 409 && (
            <button type="button" className="button button--small" data-testid="matrix-reload" onClick={editor.reload}>{t('matrix.reload')}</button>
          )}
        </p>
      )}
      {matrixIssue && (
        <p className="desk-error" role="alert" data-testid="matrix-issue-matrix">{issueText(t, matrixIssue)}</p>
      )}
      {data && (
        <div className="matrix-grid">
          <section className="panel matrix-rules" aria-label={t('matrix.caption')}>
            <p className="hint">{t('matrix.orderHint')}</p>
            <MatrixTable rows={state.rows} selected={state.selected} issues={issues} flagged={rowsWithIssues(issues)} onAction={dispatch} />
          </section>
          <aside className="panel matrix-side">
            {selected ? <MatrixRuleForm key={selected.key} row={selected} position={selectedIndex + 1} issues={issues} onAction={dispatch} /> : <p className="desk-empty">{t('matrix.chooseRow')}</p>}
            <MatrixHistory versions={data.versions} inForce={data.current.version} />
          </aside>
        </div>
      )}
    </DeskSubPage>
  );
}

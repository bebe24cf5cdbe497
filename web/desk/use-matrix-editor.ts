import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { ResponsibilityMatrix } from '../../server/contract/clue-loop.js';
import { saveResponsibilityMatrix, useResponsibilityMatrix } from '../api/clue-admin.js';
import { ApiError } from '../api/errors.js';
import { draftIssues, editorReducer, EMPTY_EDITOR, isEdited, rulesOf, serverIssues, type EditorAction, type EditorIssues } from '../state/matrix-editor.js';
import { DEPARTMENT_CODES } from './DeskQueue.js';

// The matrix editor's one place that asks the server: the matrix in force with its history, and the save of a new
// version against the one edited. The editor's parts only draw what this hands them.

const DEPARTMENTS: ReadonlySet<string> = new Set(DEPARTMENT_CODES);

export function useMatrixEditor() {
  const [revision, setRevision] = useState(0);
  const matrix = useResponsibilityMatrix(revision);
  const [saved, setSaved] = useState<ResponsibilityMatrix | null>(null);
  // The newest answer: a save answers the matrix with its new version before the reload does.
  const answer = saved && (!matrix.data || saved.current.version >= matrix.data.current.version) ? saved : matrix.data;
  const [state, dispatchEditor] = useReducer(editorReducer, EMPTY_EDITOR);
  const [refusal, setRefusal] = useState<{ error: ApiError; issues: EditorIssues } | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const current = answer?.current;
  useEffect(() => {
    if (current && current.version !== state.baseVersion) dispatchEditor({ kind: 'load', version: current.version, rules: current.rules });
  }, [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const dispatch = useCallback((action: EditorAction) => {
    // An edit makes the server's last refusal stale; choosing a row does not.
    if (action.kind !== 'select') setRefusal(null);
    dispatchEditor(action);
  }, []);

  const localIssues = useMemo(() => draftIssues(state.rows, DEPARTMENTS), [state.rows]);
  const issues = useMemo(() => ({ ...localIssues, ...(refusal?.issues ?? {}) }), [localIssues, refusal]);
  const edited = current ? isEdited(state.rows, current.rules) : false;

  const save = useCallback(async () => {
    if (Object.keys(localIssues).length > 0 || saving) return;
    setSaving(true);
    setRefusal(null);
    try {
      const next = await saveResponsibilityMatrix({ expectedVersion: state.baseVersion, rules: rulesOf(state.rows) });
      setSaved(next);
      setSavedVersion(next.current.version);
      setRevision((n) => n + 1);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
      setRefusal({ error: apiError, issues: serverIssues(apiError.details, state.rows) });
    } finally {
      setSaving(false);
    }
  }, [localIssues, saving, state.baseVersion, state.rows]);

  /** After a 409: the version stored meanwhile replaces the edits. */
  const reload = useCallback(() => {
    setRefusal(null);
    setSaved(null);
    dispatchEditor({ kind: 'load', version: -1, rules: [] });
    setRevision((n) => n + 1);
  }, []);

  return {
    matrix: { ...matrix, data: answer },
    state,
    dispatch,
    issues,
    issueCount: Object.keys(issues).length,
    edited,
    saving,
    save,
    refusal,
    reload,
    savedVersion,
    dismissSaved: () => setSavedVersion(null),
  };
}

export type MatrixEditorModel = ReturnType<typeof useMatrixEditor>;

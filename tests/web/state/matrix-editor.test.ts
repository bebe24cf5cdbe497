import { describe, expect, test } from 'vitest';
import { DEFAULT_RESPONSIBILITY_MATRIX } from '../../../server/domain/responsibility-matrix.js';
import { draftIssues, editorReducer, EMPTY_EDITOR, isEdited, rulesOf, rowsWithIssues, serverIssues, type EditorState } from '../../../web/state/matrix-editor.js';

const departments = new Set(['education', 'market_regulation', 'urban_management', 'culture_tourism', 'sports', 'science', 'public_security', 'housing', 'human_resources', 'health', 'commerce', 'finance']);
const loaded = (): EditorState => editorReducer(EMPTY_EDITOR, { kind: 'load', version: 3, rules: DEFAULT_RESPONSIBILITY_MATRIX });
const keyOf = (state: EditorState, id: string) => state.rows.find((r) => r.id === id)!.key;

describe('the matrix editor', () => {
  test('loaded rules come back as they were: not edited, no issue', () => {
    const state = loaded();
    expect(state.baseVersion).toBe(3);
    expect(rulesOf(state.rows)).toEqual(DEFAULT_RESPONSIBILITY_MATRIX);
    expect(isEdited(state.rows, DEFAULT_RESPONSIBILITY_MATRIX)).toBe(false);
    expect(draftIssues(state.rows, departments)).toEqual({});
  });

  test('a rule added stands before the fallback and names what it lacks; a move and a removal are edits', () => {
    let state = editorReducer(loaded(), { kind: 'add' });
    const added = state.rows[state.rows.length - 2];
    expect(state.selected).toBe(added.key);
    expect(state.rows.at(-1)!.id).toBe('fallback');
    const issues = draftIssues(state.rows, departments);
    expect(Object.keys(issues).sort()).toEqual([`${added.key}.lead`, `${added.key}.reason`]);
    expect(rowsWithIssues(issues)).toEqual(new Set([added.key]));
    state = editorReducer(state, { kind: 'remove', key: added.key });
    expect(isEdited(state.rows, DEFAULT_RESPONSIBILITY_MATRIX)).toBe(false);
    state = editorReducer(state, { kind: 'move', key: keyOf(state, 'online'), by: -1 });
    expect(isEdited(state.rows, DEFAULT_RESPONSIBILITY_MATRIX)).toBe(true);
    expect(editorReducer(state, { kind: 'move', key: state.rows[0].key, by: -1 })).toBe(state);
  });

  test('each check under its field: id, twice the same id, the lead among its helpers, a short reason, no fallback', () => {
    let state = loaded();
    const online = keyOf(state, 'online');
    const daycare = keyOf(state, 'daycare');
    state = editorReducer(state, { kind: 'edit', key: online, patch: { id: 'Online!', co: ['education'], lead: 'education', reason: '短' } });
    state = editorReducer(state, { kind: 'edit', key: daycare, patch: { id: 'unlicensed' } });
    state = editorReducer(state, { kind: 'remove', key: keyOf(state, 'fallback') });
    const issues = draftIssues(state.rows, departments);
    expect(issues[`${online}.id`]).toEqual({ key: 'matrix.issue.id' });
    expect(issues[`${online}.co`]).toEqual({ key: 'matrix.issue.leadInCo' });
    expect(issues[`${online}.reason`]).toEqual({ key: 'matrix.issue.reasonShort' });
    expect(issues[`${daycare}.id`]).toEqual({ key: 'matrix.issue.idTwice', params: { id: 'unlicensed' } });
    expect(issues['']).toEqual({ key: 'matrix.issue.fallback' });
    // The lead is never sent among its own co-departments.
    expect(rulesOf(state.rows).find((r) => r.id === 'Online!')!.co).toEqual([]);
  });

  test('the server’s refusal lands on the rows by index: a field path on its field, a department on the lead, the rest on the matrix', () => {
    const state = loaded();
    const issues = serverIssues(
      {
        issues: [
          { path: ['rules', 2, 'reason'], message: 'too short' },
          { path: 'rules.4', message: 'unknown department police' },
          { path: 'expectedVersion', message: 'the matrix is at version 4' },
          { path: 'rules.99.id', message: 'no such row' },
        ],
      },
      state.rows,
    );
    expect(issues).toEqual({
      [`${state.rows[2].key}.reason`]: { text: 'too short' },
      [`${state.rows[4].key}.lead`]: { text: 'unknown department police' },
      '': { text: 'the matrix is at version 4' },
    });
  });
});

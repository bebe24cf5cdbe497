import type { MatrixUpdate } from '../../server/contract/clue-loop.js';
import type { MatrixRule } from '../../server/domain/responsibility-matrix.js';
import { institutionCategories, suspectedTypes, type InstitutionCategory, type SuspectedType } from '../../server/domain/vocabulary.js';
import type { MessageKey } from '../i18n/index.js';
import { fieldIssues } from './desk.js';

// The responsibility matrix's editor (责任矩阵) as pure logic: the rules as editable rows, the checks the server makes
// said again in the user's language while typing, and the server's refusal mapped back onto the rows' fields.

export const RULE_FIELDS = ['id', 'suspectedTypes', 'institutionCategories', 'lead', 'co', 'reason'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export interface RuleDraft {
  /** Stable across edits and moves, so a row keeps its place on screen (React's key). */
  key: number;
  id: string;
  /** Empty: matches any value, as an absent list does. */
  suspectedTypes: SuspectedType[];
  institutionCategories: InstitutionCategory[];
  lead: string;
  co: string[];
  reason: string;
}

export interface EditorState {
  baseVersion: number;
  rows: RuleDraft[];
  nextKey: number;
  /** The row whose form is open. */
  selected: number | null;
}

export type EditorAction =
  | { kind: 'load'; version: number; rules: readonly MatrixRule[] }
  | { kind: 'select'; key: number }
  | { kind: 'edit'; key: number; patch: Partial<Omit<RuleDraft, 'key'>> }
  | { kind: 'add' }
  | { kind: 'remove'; key: number }
  | { kind: 'move'; key: number; by: -1 | 1 };

export const EMPTY_EDITOR: EditorState = { baseVersion: 0, rows: [], nextKey: 1, selected: null };

const draftOf = (rule: MatrixRule, key: number): RuleDraft => ({
  key,
  id: rule.id,
  suspectedTypes: [...(rule.suspectedTypes ?? [])],
  institutionCategories: [...(rule.institutionCategories ?? [])],
  lead: rule.lead,
  co: [...rule.co],
  reason: rule.reason,
});

/** The rows as the API's rules: an empty condition list left out (it matches anything). */
export function rulesOf(rows: readonly RuleDraft[]): MatrixUpdate['rules'] {
  return rows.map((r) => ({
    id: r.id.trim(),
    ...(r.suspectedTypes.length ? { suspectedTypes: [...r.suspectedTypes] } : {}),
    ...(r.institutionCategories.length ? { institutionCategories: [...r.institutionCategories] } : {}),
    lead: r.lead,
    co: r.co.filter((d) => d !== r.lead),
    reason: r.reason.trim(),
  }));
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.kind) {
    case 'load': {
      const rows = action.rules.map((r, i) => draftOf(r, state.nextKey + i));
      return { baseVersion: action.version, rows, nextKey: state.nextKey + rows.length, selected: rows[0]?.key ?? null };
    }
    case 'select':
      return { ...state, selected: action.key };
    case 'edit':
      return { ...state, rows: state.rows.map((r) => (r.key === action.key ? { ...r, ...action.patch } : r)) };
    case 'add': {
      // A new rule stands before the fallback (the last rule without conditions), where a specific rule belongs.
      const fallback = state.rows.findLastIndex((r) => r.suspectedTypes.length === 0 && r.institutionCategories.length === 0);
      const at = fallback >= 0 ? fallback : state.rows.length;
      const row: RuleDraft = { key: state.nextKey, id: `rule-${state.nextKey}`, suspectedTypes: [], institutionCategories: [], lead: '', co: [], reason: '' };
      return { ...state, rows: [...state.rows.slice(0, at), row, ...state.rows.slice(at)], nextKey: state.nextKey + 1, selected: row.key };
    }
    case 'remove': {
      const at = state.rows.findIndex((r) => r.key === action.key);
      const rows = state.rows.filter((r) => r.key !== action.key);
      const selected = state.selected === action.key ? (rows[Math.min(at, rows.length - 1)]?.key ?? null) : state.selected;
      return { ...state, rows, selected };
    }
    case 'move': {
      const at = state.rows.findIndex((r) => r.key === action.key);
      const to = at + action.by;
      if (at < 0 || to < 0 || to >= state.rows.length) return state;
      const rows = [...state.rows];
      [rows[at], rows[to]] = [rows[to], rows[at]];
      return { ...state, rows };
    }
  }
}

/** An issue in the user's language (a check of the editor) or in the server's words (its refusal). */
export type EditorIssue = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

/** Issues by `<row key>.<field>`; the matrix's own under ''. */
export type EditorIssues = Record<string, EditorIssue>;

const RULE_ID = /^[a-z0-9_-]{1,60}$/;
export const MAX_RULES = 200;
export const MAX_CO = 10;

/** The server's checks (matrixRuleSchema, matrixProblems) as the user types, each under its row and field. */
export function draftIssues(rows: readonly RuleDraft[], departments: ReadonlySet<string>): EditorIssues {
  const issues: EditorIssues = {};
  const put = (row: RuleDraft, field: RuleField, issue: EditorIssue) => (issues[`${row.key}.${field}`] ??= issue);
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.id.trim();
    if (!RULE_ID.test(id)) put(row, 'id', { key: 'matrix.issue.id' });
    else if (seen.has(id)) put(row, 'id', { key: 'matrix.issue.idTwice', params: { id } });
    seen.add(id);
    if (row.lead === '') put(row, 'lead', { key: 'matrix.issue.lead' });
    else if (!departments.has(row.lead)) put(row, 'lead', { key: 'matrix.issue.department', params: { code: row.lead } });
    const unknown = row.co.find((d) => !departments.has(d));
    if (unknown) put(row, 'co', { key: 'matrix.issue.department', params: { code: unknown } });
    else if (row.lead !== '' && row.co.includes(row.lead)) put(row, 'co', { key: 'matrix.issue.leadInCo' });
    else if (row.co.length > MAX_CO) put(row, 'co', { key: 'matrix.issue.coMax', params: { n: MAX_CO } });
    if (row.reason.trim().length < 4) put(row, 'reason', { key: 'matrix.issue.reasonShort' });
    else if (row.reason.trim().length > 500) put(row, 'reason', { key: 'matrix.issue.reasonLong' });
    if (row.suspectedTypes.some((t) => !suspectedTypes.includes(t))) put(row, 'suspectedTypes', { key: 'matrix.issue.unknownValue' });
    if (row.institutionCategories.some((c) => !institutionCategories.includes(c))) put(row, 'institutionCategories', { key: 'matrix.issue.unknownValue' });
  }
  if (rows.length === 0) issues[''] = { key: 'matrix.issue.empty' };
  else if (rows.length > MAX_RULES) issues[''] = { key: 'matrix.issue.tooMany', params: { n: MAX_RULES } };
  else if (!rows.some((r) => r.suspectedTypes.length === 0 && r.institutionCategories.length === 0)) issues[''] = { key: 'matrix.issue.fallback' };
  return issues;
}

/**
 * A refused save's issues (400 `{ issues: [{ path }] }`, paths `rules.3.reason` from the contract or `rules.3` from
 * matrixProblems for an unknown department) under the rows' keys; paths of the whole matrix under ''.
 */
export function serverIssues(details: unknown, rows: readonly RuleDraft[]): EditorIssues {
  const out: EditorIssues = {};
  for (const [path, message] of Object.entries(fieldIssues(details))) {
    const m = /^rules\.(\d+)(?:\.([A-Za-z]+))?/.exec(path);
    const row = m ? rows[Number(m[1])] : undefined;
    if (!row) {
      out[''] ??= { text: message };
      continue;
    }
    const field = (RULE_FIELDS as readonly string[]).includes(m![2] ?? '') ? m![2] : 'lead';
    out[`${row.key}.${field}`] ??= { text: message };
  }
  return out;
}

/** The rows that carry any issue, so the table can mark them. */
export const rowsWithIssues = (issues: EditorIssues): Set<number> => new Set(Object.keys(issues).filter((k) => k !== '').map((k) => Number(k.split('.')[0])));

/** Whether the rows differ from the rules they were loaded from. */
export const isEdited = (rows: readonly RuleDraft[], rules: readonly MatrixRule[]): boolean =>
  JSON.stringify(rulesOf(rows)) !== JSON.stringify(rulesOf(rules.map((r, i) => draftOf(r, i))));

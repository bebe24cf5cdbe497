// The audit log screen (审计日志): its filters, their URL form and API query, and its paging, as pure functions.
import { auditActions, auditEntities, type AuditAction, type AuditEntity } from '../../server/contract/index.js';
import { addDays, isIsoDate } from '../../server/domain/time.js';
import { DEFAULT_LANGUAGE, type Language, type MessageKey } from '../i18n/index.js';

/** What the administrator filters by; '' = no filter. Dates are Shanghai calendar days, both inclusive. */
export interface AuditFilters {
  actor: string;
  action: AuditAction | '';
  entity: AuditEntity | '';
  entityId: string;
  /** An IsoDate or ''. */
  from: string;
  /** An IsoDate or ''. */
  to: string;
}

export type AuditFilterField = keyof AuditFilters;

export const NO_FILTERS: AuditFilters = { actor: '', action: '', entity: '', entityId: '', from: '', to: '' };
export const AUDIT_FILTER_FIELDS = Object.keys(NO_FILTERS) as AuditFilterField[];
/** The API's limit for actor and entity id. */
export const MAX_FILTER_LENGTH = 64;
export const AUDIT_PAGE_SIZE = 50;

export const hasFilters = (filters: AuditFilters): boolean => AUDIT_FILTER_FIELDS.some((field) => filters[field] !== '');

const isMember = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** Problems the form can tell before asking the server, by field. */
export function filterProblems(filters: AuditFilters): Partial<Record<AuditFilterField, MessageKey>> {
  const problems: Partial<Record<AuditFilterField, MessageKey>> = {};
  if (filters.actor.trim().length > MAX_FILTER_LENGTH) problems.actor = 'audit.filter.tooLong';
  if (filters.entityId.trim().length > MAX_FILTER_LENGTH) problems.entityId = 'audit.filter.tooLong';
  if (filters.from !== '' && !isIsoDate(filters.from)) problems.from = 'audit.filter.badDate';
  if (filters.to !== '' && !isIsoDate(filters.to)) problems.to = 'audit.filter.badDate';
  else if (isIsoDate(filters.from) && isIsoDate(filters.to) && filters.from > filters.to) problems.to = 'audit.filter.toBeforeFrom';
  return problems;
}

/** The filters as the form hands them over: trimmed, so that a stray space neither filters nor lands in the URL. */
export function normaliseFilters(filters: AuditFilters): AuditFilters {
  return { ...filters, actor: filters.actor.trim(), entityId: filters.entityId.trim() };
}

/**
 * Reads the filters of a shared link (`?page=audit&actor=…&action=…&entity=…&entityId=…&from=…&to=…`). Forgiving like
 * the dashboard's URL: a value that could not be sent is dropped, the others are kept.
 */
export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const text = (name: string) => {
    const value = (params.get(name) ?? '').trim();
    return value.length <= MAX_FILTER_LENGTH ? value : '';
  };
  const action = text('action');
  const entity = text('entity');
  const filters: AuditFilters = {
    actor: text('actor'),
    action: isMember(auditActions, action) ? action : '',
    entity: isMember(auditEntities, entity) ? entity : '',
    entityId: text('entityId'),
    from: isIsoDate(text('from')) ? text('from') : '',
    to: isIsoDate(text('to')) ? text('to') : '',
  };
  if (filters.from && filters.to && filters.from > filters.to) return { ...filters, from: '', to: '' };
  return filters;
}

/** The query string of the audit page: the page, the filters that are set, the language unless it is the default. */
export function auditSearch(filters: AuditFilters, language: Language): string {
  const params = new URLSearchParams({ page: 'audit' });
  for (const field of AUDIT_FILTER_FIELDS) if (filters[field] !== '') params.set(field, filters[field]);
  if (language !== DEFAULT_LANGUAGE) params.set('lang', language);
  return params.toString();
}

export interface AuditApiQuery {
  actor?: string;
  action?: string;
  entity?: AuditEntity;
  entityId?: string;
  from?: string;
  to?: string;
  limit: string;
  cursor?: string;
}

/** The API query of one page: the calendar days become the instants that bound them in Shanghai, `to` exclusive. */
export function auditApiQuery(filters: AuditFilters, cursor: string | null, limit = AUDIT_PAGE_SIZE): AuditApiQuery {
  const query: AuditApiQuery = { limit: String(limit) };
  if (filters.actor) query.actor = filters.actor;
  if (filters.action) query.action = filters.action;
  if (filters.entity) query.entity = filters.entity;
  if (filters.entityId) query.entityId = filters.entityId;
  if (filters.from) query.from = `${filters.from}T00:00:00+08:00`;
  if (filters.to) query.to = `${addDays(filters.to, 1)}T00:00:00+08:00`;
  if (cursor) query.cursor = cursor;
  return query;
}

/** The screen's state: the filters applied, the cursors of the pages walked to (empty = the newest page), open rows. */
export interface AuditViewState {
  filters: AuditFilters;
  cursors: string[];
  expanded: number[];
}

export type AuditViewAction =
  | { type: 'filtersApplied'; filters: AuditFilters }
  | { type: 'olderPage'; cursor: string }
  | { type: 'newerPage' }
  | { type: 'newestPage' }
  /** Shows one entry at the top of an unfiltered page (the entry a broken chain names). */
  | { type: 'entryShown'; id: number }
  | { type: 'rowToggled'; id: number };

export const initialAuditState = (filters: AuditFilters): AuditViewState => ({ filters, cursors: [], expanded: [] });

export function auditReducer(state: AuditViewState, action: AuditViewAction): AuditViewState {
  switch (action.type) {
    case 'filtersApplied':
      return { filters: normaliseFilters(action.filters), cursors: [], expanded: [] };
    case 'olderPage':
      return { ...state, cursors: [...state.cursors, action.cursor], expanded: [] };
    case 'newerPage':
      return { ...state, cursors: state.cursors.slice(0, -1), expanded: [] };
    case 'newestPage':
      return { ...state, cursors: [], expanded: [] };
    case 'entryShown':
      // Entries older than id + 1 start with the entry itself.
      return { filters: { ...NO_FILTERS }, cursors: [String(action.id + 1)], expanded: [action.id] };
    case 'rowToggled':
      return {
        ...state,
        expanded: state.expanded.includes(action.id) ? state.expanded.filter((id) => id !== action.id) : [...state.expanded, action.id],
      };
  }
}

/** The cursor of the page shown; null = the newest. */
export const currentCursor = (state: AuditViewState): string | null => state.cursors.at(-1) ?? null;

/** Server validation issues (`details.issues[].path`) by filter field, so the form can mark the field at fault. */
export function issuesByField(details: unknown): Partial<Record<AuditFilterField, string>> {
  const issues = (details as { issues?: unknown } | null)?.issues;
  const out: Partial<Record<AuditFilterField, string>> = {};
  if (!Array.isArray(issues)) return out;
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const field = Array.isArray(issue.path) ? String(issue.path[0]) : String(issue.path);
    if (isMember(AUDIT_FILTER_FIELDS, field) && typeof issue.message === 'string') out[field] ??= issue.message;
  }
  return out;
}

import { createContext, useContext } from 'react';

// The app's pages, chosen by `?page=`: the dashboard (no parameter), the patrol route planner, the audit log, the
// special campaigns, the calendar screen (校历与节假日), the campaign board (行动看板, `&campaign=<id>`), a campaign's
// after-action report (`?page=report&campaign=<id>`). The phone page of the field officers (执法队员) has a path of its
// own, /field, because it is the address a team types or bookmarks on a phone, and the one its service worker keeps
// for offline use.
export const PAGES = ['dashboard', 'planner', 'audit', 'campaigns', 'calendar', 'board', 'report', 'displays', 'lists', 'tokens', 'imports'] as const;
export type Page = (typeof PAGES)[number] | 'field' | 'review' | 'desk';

/** The command-centre wall's path: a page of its own, paired by token or signed in (web/wall/WallApp.tsx). */
export const WALL_PATH = '/wall';

/** The phone page's path. */
export const FIELD_PATH = '/field';

/**
 * The district review's path (区领导研判): a page of its own because its address is what a leader forwards — the query
 * string holds the whole view (web/state/review-url.ts), so it must not share the dashboard's parameters.
 */
export const REVIEW_PATH = '/review';

/** The clue desk's path (工单台): the grid centre's page, opened and bookmarked on its own. */
export const DESK_PATH = '/desk';

export function pageOf(search: string): Page {
  const page = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('page');
  return (PAGES as readonly (string | null)[]).includes(page) ? (page as Page) : 'dashboard';
}

/** The page of a location: /field and /review (with or without a trailing slash) are theirs, any other path reads `?page=`. */
export function pageOfLocation(pathname: string, search: string): Page {
  const path = pathname.replace(/\/+$/, '');
  if (path === FIELD_PATH) return 'field';
  if (path === REVIEW_PATH) return 'review';
  if (path === DESK_PATH) return 'desk';
  return pageOf(search);
}

/** The path of a page: /field for the phone page, /review for the review, /desk for the clue desk, / for every `?page=` page. */
export const pagePath = (page: Page): string => (page === 'field' ? FIELD_PATH : page === 'review' ? REVIEW_PATH : page === 'desk' ? DESK_PATH : '/');

/**
 * Where a signed-in user belongs: a field account always on the phone page (it has no business on the dashboard),
 * every other role never on it (its API answers field accounts only).
 */
export function pageForRole(page: Page, role: string): Page {
  if (role === 'field') return 'field';
  if (page === 'review') return canReview(role) ? 'review' : 'dashboard';
  if (page === 'desk') return canUseDesk(role) ? 'desk' : 'dashboard';
  return page === 'field' ? 'dashboard' : page;
}

/** The review's API answers administrators, planners and district leaders; the wall and field accounts get 403. */
export const canReview = (role: string): boolean => role === 'admin' || role === 'planner' || role === 'leader';

/** The clue desk is the grid centre's: administrators, planners and district leaders work clues there. */
export const canUseDesk = (role: string): boolean => role === 'admin' || role === 'planner' || role === 'leader';

/**
 * The desk's own views under /desk, by `?view=`: the queue (no parameter), the responsibility matrix (责任矩阵) and the
 * national platform's import (全国监管平台投诉导入). They share the desk's address because they are its tools.
 */
export const DESK_VIEWS = ['queue', 'matrix', 'import'] as const;
export type DeskView = (typeof DESK_VIEWS)[number];

export function deskViewOf(search: string): DeskView {
  const view = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('view');
  return (DESK_VIEWS as readonly (string | null)[]).includes(view) ? (view as DeskView) : 'queue';
}

/** The desk's query string for a view: the view (none for the queue), its own parameters, the language kept. */
export function deskSearch(view: DeskView, currentSearch: string, extra: Record<string, string> = {}): string {
  return pageSearch('desk', currentSearch, view === 'queue' ? extra : { view, ...extra });
}

/** The matrix's API stores versions for administrators only; everyone else is not shown the editor. */
export const canEditMatrix = (role: string): boolean => role === 'admin';

/** The query string that opens `page` fresh: only the page and the language travel, each page owns its other parameters. */
export function pageSearch(page: Page, currentSearch: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(page === 'dashboard' || page === 'field' ? {} : page === 'review' || page === 'desk' ? extra : { page, ...extra });
  const lang = new URLSearchParams(currentSearch.startsWith('?') ? currentSearch.slice(1) : currentSearch).get('lang');
  if (lang) params.set('lang', lang);
  return params.toString();
}

export interface Navigation {
  page: Page;
  /** `extra`: the opened page's own parameters (the board's campaign). */
  open: (page: Page, extra?: Record<string, string>) => void;
}

/**
 * Lets the top bar open a page without every view handing it a callback. Absent (null) outside the app, e.g. when a
 * panel is rendered alone.
 */
export const NavigationContext = createContext<Navigation | null>(null);

export const useNavigation = (): Navigation | null => useContext(NavigationContext);

/** The campaign of `?page=report&campaign=<id>`; null when absent or not an id. */
export function reportCampaignOf(search: string): number | null {
  const value = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('campaign');
  return value !== null && /^\d{1,12}$/.test(value) ? Number(value) : null;
}

/** The link that opens a campaign's report. */
export const reportSearch = (campaignId: number, language: string): string => `?page=report&campaign=${campaignId}${language === 'en' ? '&lang=en' : ''}`;

/** The campaign of the public result page `/results/<id>` (no login); null on any other path. */
export function publicResultsCampaignOf(pathname: string): number | null {
  const m = /^\/results\/(\d{1,12})\/?$/.exec(pathname);
  return m ? Number(m[1]) : null;
}

/** 随手拍: the public report page, no login (a citizen in the street, on a phone). */
export const REPORT_PATH = '/report';
/** The public tracking page: /track/<code>, or /track alone for the code-entry box. */
export const TRACK_PATH = '/track';

export type PublicReportPage = { kind: 'report' } | { kind: 'track'; code: string | null };

/** The public report page or tracking page of a path (a trailing slash allowed); null on any other path. */
export function publicReportPageOf(pathname: string): PublicReportPage | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === REPORT_PATH) return { kind: 'report' };
  if (path === TRACK_PATH) return { kind: 'track', code: null };
  const m = /^\/track\/([^/]{1,64})$/.exec(path);
  if (!m) return null;
  let code: string;
  try {
    code = decodeURIComponent(m[1]);
  } catch {
    code = m[1];
  }
  return { kind: 'track', code };
}

/** The tracking page of a code. */
export const trackPagePath = (code: string): string => `${TRACK_PATH}/${encodeURIComponent(code)}`;
/** The public 黑白名单 page's path: /lists (the latest month published) and /lists/<YYYY-MM>, no login. */
export const LISTS_PATH = '/lists';

/** On the public lists page: the month in the path (null = the latest); not that page at all: undefined. */
export function publicListsMonthOf(pathname: string): string | null | undefined {
  const m = /^\/lists(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!m) return undefined;
  return m[1] ?? null;
}

/** The address of a month's public lists. */
export const publicListsPath = (month: string): string => `${LISTS_PATH}/${month}`;

/** The lists' panel (?page=lists): administrators preview and publish, district leaders read their district's. */
export const canSeeListPublications = (role: string): boolean => role === 'admin' || role === 'leader';

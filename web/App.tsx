import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from './api/index.js';
import { AuditView } from './audit/AuditView.js';
import { BoardView } from './board/BoardView.js';
import { CampaignsView } from './campaigns/CampaignsView.js';
import { CalendarAdminView } from './calendar/CalendarAdminView.js';
import { Dashboard } from './Dashboard.js';
import { I18nContext, translator, type Language, type MessageKey } from './i18n/index.js';
import { FieldPage } from './field/FieldPage.js';
import { NavigationContext, WALL_PATH, pageForRole, pageOfLocation, pagePath, pageSearch, publicListsMonthOf, publicListsPath, publicReportPageOf, publicResultsCampaignOf, reportCampaignOf, type Page } from './navigation.js';
import { ListsAdminView } from './lists/ListsAdminView.js';
import { PublicListsPage } from './lists/PublicListsPage.js';
import { LoginPage } from './panels/LoginPage.js';
import { PlannerView } from './planner/PlannerView.js';
import { PublicResultsPage } from './report/PublicResultsPage.js';
import { shanghaiDate } from '../server/domain/time.js';
import { systemClock } from '../server/domain/clock.js';
import type { PlannerHandoff } from './state/planner.js';
import { parseUrlState } from './state/url.js';
import { WallApp } from './wall/WallApp.js';
import { DisplaysView } from './walls/DisplaysView.js';
import { TokensView } from './tokens/TokensView.js';
import { LayerImportsView } from './imports/LayerImportsView.js';

// The report page brings ECharts: loaded when opened, so the dashboard's bundle does not carry it.
const ReportPage = lazy(() => import('./report/ReportPage.js').then((m) => ({ default: m.ReportPage })));
// 随手拍 and its tracking page bring maplibre and the EXIF reader, without deck.gl.
const PublicReportPages = lazy(() => import('./public-report/PublicReportPages.js').then((m) => ({ default: m.PublicReportPages })));
// The review brings ECharts too, and its own map pair.
const ReviewPage = lazy(() => import('./review/ReviewPage.js').then((m) => ({ default: m.ReviewPage })));
// The clue desk: its own bundle, loaded when opened.
const DeskPage = lazy(() => import('./desk/DeskPage.js').then((m) => ({ default: m.DeskPage })));

/**
 * `?page=planner` opens the patrol route planner (巡查路线规划), `?page=audit` the audit log (审计日志), `?page=campaigns`
 * the special campaigns (专项行动), `?page=calendar` the calendar screen (校历与节假日), `?page=report&campaign=<id>` a
 * campaign's after-action report (总结), `?page=imports` the layer import (图层导入); the path /field the phone page. `/results/<id>` is the public result list
 * (一公开), shown without a login; so are `/lists` and `/lists/<YYYY-MM>`, the monthly 黑白名单.
 */
const pageInUrl = (): Page => pageOfLocation(window.location.pathname, window.location.search);

function openPage(page: Page, options: { extra?: Record<string, string>; replace?: boolean } = {}): void {
  const search = pageSearch(page, window.location.search, options.extra);
  const url = `${pagePath(page)}${search ? `?${search}` : ''}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

function setLanguageInUrl(language: Language): void {
  const params = new URLSearchParams(window.location.search);
  if (language === 'zh-CN') params.delete('lang');
  else params.set('lang', language);
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

export function App() {
  const publicCampaign = useMemo(() => publicResultsCampaignOf(window.location.pathname), []);
  const publicReport = useMemo(() => publicReportPageOf(window.location.pathname), []);
  if (publicCampaign !== null)
    return <PublicApp title="publicResults.title">{(onLanguage) => <PublicResultsPage campaignId={publicCampaign} onLanguage={onLanguage} />}</PublicApp>;
  if (publicReport !== null)
    return (
      <PublicApp title={publicReport.kind === 'report' ? 'publicReport.title' : 'publicTrack.title'}>
        {(onLanguage) => (
          <Suspense fallback={<div className="splash" aria-busy="true"><span className="spinner spinner--large" /></div>}>
            <PublicReportPages page={publicReport} onLanguage={onLanguage} />
          </Suspense>
        )}
      </PublicApp>
    );
  const listsMonth = publicListsMonthOf(window.location.pathname);
  if (listsMonth !== undefined) return <PublicApp title="lists.title">{(onLanguage) => <PublicListsRoute initialMonth={listsMonth} onLanguage={onLanguage} />}</PublicApp>;
  if (window.location.pathname.replace(/\/+$/, '') === WALL_PATH) return <WallApp />;
  return <SignedInApp />;
}

/** The language of the address (`?lang=en`, zh-CN without it), written back on a change; the page's title with it. */
function useUrlLanguage(title: MessageKey | null) {
  const [language, setLanguage] = useState<Language>(() => parseUrlState(window.location.search).language ?? 'zh-CN');
  const t = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = title === null ? t('app.title') : `${t(title)} · ${t('app.title')}`;
  }, [language, t, title]);
  const changeLanguage = useCallback((next: Language) => {
    setLanguage(next);
    setLanguageInUrl(next);
  }, []);
  return { language, t, changeLanguage };
}

/** A public page (the result list, 随手拍, tracking, 黑白名单): no session is asked for, the language chosen as everywhere. */
function PublicApp({ title, children }: { title: MessageKey; children: (onLanguage: (language: Language) => void) => ReactNode }) {
  const { language, t, changeLanguage } = useUrlLanguage(title);
  return <I18nContext.Provider value={{ language, t }}>{children(changeLanguage)}</I18nContext.Provider>;
}

/** The public 黑白名单: picking a month changes the address (/lists/<month>), Back returns to the month before. */
function PublicListsRoute({ initialMonth, onLanguage }: { initialMonth: string | null; onLanguage: (language: Language) => void }) {
  const [month, setMonth] = useState<string | null>(initialMonth);
  useEffect(() => {
    const onPop = () => setMonth(publicListsMonthOf(window.location.pathname) ?? null);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const changeMonth = (next: string) => {
    window.history.pushState(null, '', `${publicListsPath(next)}${window.location.search}`);
    setMonth(next);
  };
  return <PublicListsPage month={month} onMonth={changeMonth} onLanguage={onLanguage} />;
}

function SignedInApp() {
  const { language, t, changeLanguage } = useUrlLanguage(null);
  const { session, login, logout } = useSession();
  const [page, setPage] = useState<Page>(pageInUrl);
  // Targets handed from the dashboard to the planner: given to the planner it opens, forgotten on the next move (the
  // planner keeps them in its own stored state, so a reload does not need them).
  const [handoff, setHandoff] = useState<PlannerHandoff | null>(null);
  const goTo = useCallback((next: Page, withHandoff: PlannerHandoff | null = null, extra?: Record<string, string>) => {
    openPage(next, { extra });
    setHandoff(withHandoff);
    setPage(next);
  }, []);
  useEffect(() => {
    const onPop = () => {
      setHandoff(null);
      setPage(pageInUrl());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  // A field account belongs on the phone page, everyone else off it: the address follows (replaced, so that Back does
  // not return to a page the role is sent away from).
  const role = session.status === 'authenticated' ? session.user.role : null;
  const shownPage = role === null ? page : pageForRole(page, role);
  const navigation = useMemo(() => ({ page: shownPage, open: (next: Page, extra?: Record<string, string>) => goTo(next, null, extra) }), [shownPage, goTo]);
  useEffect(() => {
    if (shownPage !== pageInUrl()) openPage(shownPage, { replace: true });
  }, [shownPage]);
  // The wall account belongs on the wall: its dashboard is /wall, not the desk's.
  useEffect(() => {
    if (role === 'wall' && shownPage === 'dashboard') window.location.replace(`${WALL_PATH}${pageSearch('dashboard', window.location.search) ? `?${pageSearch('dashboard', window.location.search)}` : ''}`);
  }, [role, shownPage]);
  // "Today" in Shanghai, read once at start: the default time range ends on it.
  const today = useMemo(() => shanghaiDate(systemClock()), []);

  return (
    <I18nContext.Provider value={{ language, t }}>
      <NavigationContext.Provider value={navigation}>
        {session.status === 'checking' && (
          <div className="splash" aria-busy="true">
            <span className="spinner spinner--large" />
            <span>{t('state.loading')}</span>
          </div>
        )}
        {session.status === 'anonymous' && <LoginPage key={language} expired={session.expired} onLogin={login} onLanguage={changeLanguage} />}
        {session.status === 'authenticated' && shownPage === 'field' && (
          <FieldPage key={session.user.id} user={session.user} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} />
        )}
        {session.status === 'authenticated' && shownPage === 'planner' && session.user.role !== 'wall' && (
          <PlannerView key={session.user.id} user={session.user} today={today} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} handoff={handoff} />
        )}
        {session.status === 'authenticated' && shownPage === 'audit' && (
          <AuditView key={session.user.id} user={session.user} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && shownPage === 'campaigns' && (
          <CampaignsView key={session.user.id} user={session.user} today={today} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && shownPage === 'report' && (
          <Suspense fallback={<div className="splash" aria-busy="true"><span className="spinner spinner--large" /></div>}>
            <ReportPage key={session.user.id} user={session.user} campaignId={reportCampaignOf(window.location.search) ?? 0} onLanguage={changeLanguage} onLogout={() => void logout()} />
          </Suspense>
        )}
        {session.status === 'authenticated' && shownPage === 'review' && (
          <Suspense fallback={<div className="splash" aria-busy="true"><span className="spinner spinner--large" /></div>}>
            <ReviewPage key={session.user.id} user={session.user} onLanguage={changeLanguage} onLogout={() => void logout()} />
          </Suspense>
        )}
        {session.status === 'authenticated' && shownPage === 'desk' && (
          <Suspense fallback={<div className="splash" aria-busy="true"><span className="spinner spinner--large" /></div>}>
            <DeskPage key={session.user.id} user={session.user} onLanguage={changeLanguage} onLogout={() => void logout()} />
          </Suspense>
        )}
        {session.status === 'authenticated' && shownPage === 'board' && (
          <BoardView key={`${session.user.id}:${window.location.search}`} user={session.user} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('campaigns')} />
        )}
        {session.status === 'authenticated' && shownPage === 'displays' && (
          <DisplaysView key={session.user.id} user={session.user} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && shownPage === 'tokens' && (
          <TokensView key={session.user.id} user={session.user} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && shownPage === 'imports' && (
          <LayerImportsView key={session.user.id} user={session.user} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && shownPage === 'lists' && (
          <ListsAdminView key={session.user.id} user={session.user} today={today} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && shownPage === 'calendar' && (
          <CalendarAdminView key={session.user.id} user={session.user} today={today} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} />
        )}
        {session.status === 'authenticated' && (shownPage === 'dashboard' || (shownPage === 'planner' && session.user.role === 'wall')) && (
          <Dashboard
            key={session.user.id}
            user={session.user}
            today={today}
            language={language}
            onLanguage={changeLanguage}
            onLogout={() => void logout()}
            onOpenPlanner={session.user.role !== 'wall' ? (handed) => goTo('planner', handed ?? null) : undefined}
          />
        )}
      </NavigationContext.Provider>
    </I18nContext.Provider>
  );
}

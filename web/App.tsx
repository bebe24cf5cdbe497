import { useEffect, useMemo, useState } from 'react';
import { useSession } from './api/index.js';
import { Dashboard } from './Dashboard.js';
import { I18nContext, translator, type Language } from './i18n/index.js';
import { LoginPage } from './panels/LoginPage.js';
import { PlannerView } from './planner/PlannerView.js';
import { shanghaiDate } from '../server/domain/time.js';
import { systemClock } from '../server/domain/clock.js';
import type { PlannerHandoff } from './state/planner.js';
import { parseUrlState } from './state/url.js';

type Page = 'dashboard' | 'planner';

/** `?page=planner` opens the patrol route planner (巡查路线规划); the dashboard owns every other parameter. */
function pageInUrl(): Page {
  return new URLSearchParams(window.location.search).get('page') === 'planner' ? 'planner' : 'dashboard';
}

function openPage(page: Page): void {
  const params = new URLSearchParams(page === 'planner' ? { page } : {});
  const lang = new URLSearchParams(window.location.search).get('lang');
  if (lang) params.set('lang', lang);
  const search = params.toString();
  window.history.pushState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

function setLanguageInUrl(language: Language): void {
  const params = new URLSearchParams(window.location.search);
  if (language === 'zh-CN') params.delete('lang');
  else params.set('lang', language);
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => parseUrlState(window.location.search).language ?? 'zh-CN');
  const { session, login, logout } = useSession();
  const [page, setPage] = useState<Page>(pageInUrl);
  // Targets handed from the dashboard to the planner: given to the planner it opens, forgotten on the next move (the
  // planner keeps them in its own stored state, so a reload does not need them).
  const [handoff, setHandoff] = useState<PlannerHandoff | null>(null);
  const goTo = (next: Page, withHandoff: PlannerHandoff | null = null) => {
    openPage(next);
    setHandoff(withHandoff);
    setPage(next);
  };
  useEffect(() => {
    const onPop = () => {
      setHandoff(null);
      setPage(pageInUrl());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const t = useMemo(() => translator(language), [language]);
  // "Today" in Shanghai, read once at start: the default time range ends on it.
  const today = useMemo(() => shanghaiDate(systemClock()), []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    setLanguageInUrl(next);
  };

  return (
    <I18nContext.Provider value={{ language, t }}>
      {session.status === 'checking' && (
        <div className="splash" aria-busy="true">
          <span className="spinner spinner--large" />
          <span>{t('state.loading')}</span>
        </div>
      )}
      {session.status === 'anonymous' && <LoginPage key={language} expired={session.expired} onLogin={login} onLanguage={changeLanguage} />}
      {session.status === 'authenticated' && page === 'planner' && session.user.role !== 'wall' && (
        <PlannerView key={session.user.id} user={session.user} today={today} language={language} onLanguage={changeLanguage} onLogout={() => void logout()} onBack={() => goTo('dashboard')} handoff={handoff} />
      )}
      {session.status === 'authenticated' && (page === 'dashboard' || session.user.role === 'wall') && (
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
    </I18nContext.Provider>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useSession } from './api/index.js';
import { Dashboard } from './Dashboard.js';
import { I18nContext, translator, type Language } from './i18n/index.js';
import { LoginPage } from './panels/LoginPage.js';
import { shanghaiDate } from './state/dates.js';
import { parseUrlState } from './state/url.js';

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
  const t = useMemo(() => translator(language), [language]);
  // "Today" in Shanghai, read once at start: the default time range ends on it.
  const today = useMemo(() => shanghaiDate(Date.now()), []);

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
      {session.status === 'authenticated' && (
        <Dashboard key={session.user.id} user={session.user} today={today} language={language} onLanguage={changeLanguage} onLogout={logout} />
      )}
    </I18nContext.Provider>
  );
}

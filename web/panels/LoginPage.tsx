import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/index.js';
import { useI18n, type Language } from '../i18n/index.js';

export interface LoginPageProps {
  expired: boolean;
  onLogin: (username: string, password: string) => Promise<unknown>;
  onLanguage: (language: Language) => void;
}

export function LoginPage({ expired, onLogin, onLanguage }: LoginPageProps) {
  const { t, language } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(expired ? t('state.sessionExpired') : null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t('login.failed'));
      else if (e instanceof ApiError && e.code === 'network') setError(t('login.network'));
      else setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login__glow" aria-hidden="true" />
      <form className="login__card" onSubmit={(event) => void submit(event)} noValidate aria-describedby={error ? 'login-error' : undefined}>
        <div className="login__top">
          <span className="brand__mark" aria-hidden="true" />
          <button type="button" className="button button--ghost" lang={language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => onLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="language-switch">
            {t('lang.switch')}
          </button>
        </div>
        <h1 className="login__title">{t('app.title')}</h1>
        <p className="login__subtitle">{t('login.subtitle')}</p>
        <label className="field">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={Boolean(error)} />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={Boolean(error)} />
        </label>
        {error && (
          <p id="login-error" className="field-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="login__hint">{t('login.demoHint')}</p>
        <p className="synthetic-badge synthetic-badge--block">模拟数据 / synthetic data</p>
      </form>
    </main>
  );
}

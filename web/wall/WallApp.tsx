import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PairedDisplay } from '../../server/contract/wall-displays.js';
import * as endpoints from '../api/endpoints.js';
import { ApiError } from '../api/errors.js';
import { pairWall } from '../api/wall.js';
import { jitter } from '../api/wall-stream.js';
import { WALL_DISPLAY_REVOKED } from '../../server/contract/wall-displays.js';
import { I18nContext, translator, type Language } from '../i18n/index.js';
import { LoginPage } from '../panels/LoginPage.js';
import { reconnectDelayMs } from '../state/wall.js';
import { parseUrlState } from '../state/url.js';
import { WallPage } from './WallPage.js';

// /wall: a display is paired, not logged in. Its URL carries the token in the fragment (`#display=…`, never sent to a
// server log); the page trades it for a session and trades it again whenever the session ends, so a wall left alone
// for weeks stays signed in. Without a token the wall asks for a session as any page does (the demo `wall` account).
// The server being away never shows an error page: the wall keeps trying, with backoff, saying so.

type WallSession =
  | { status: 'starting' }
  | { status: 'ready'; display: PairedDisplay | null }
  | { status: 'login' }
  | { status: 'revoked' }
  | { status: 'refused' }
  | { status: 'retrying'; inSeconds: number };

const isRevoked = (error: unknown): boolean => error instanceof ApiError && (error.details as { reason?: unknown } | undefined)?.reason === WALL_DISPLAY_REVOKED;

export const displayTokenOf = (hash: string): string | null => new URLSearchParams(hash.replace(/^#/, '')).get('display');

export function WallApp() {
  const language: Language = parseUrlState(window.location.search).language ?? 'zh-CN';
  const t = useMemo(() => translator(language), [language]);
  const token = useMemo(() => displayTokenOf(window.location.hash), []);
  const [session, setSession] = useState<WallSession>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('wall.title');
  }, [language, t]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async (): Promise<WallSession> => {
      if (token) return { status: 'ready', display: await pairWall(token) };
      // A signed-in account that is not a display tours the default playlist.
      await endpoints.me();
      return { status: 'ready', display: null };
    };
    start().then(
      (next) => !cancelled && setSession(next),
      (error: unknown) => {
        if (cancelled) return;
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 401 && token) setSession(isRevoked(error) ? { status: 'revoked' } : { status: 'refused' });
        else if (status === 401) setSession({ status: 'login' });
        else {
          const delay = reconnectDelayMs(attempt, jitter.next());
          setSession({ status: 'retrying', inSeconds: Math.round(delay / 1000) });
          timer = setTimeout(() => setAttempt((n) => n + 1), delay);
        }
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, attempt]);

  const again = useCallback(() => setAttempt((n) => n + 1), []);
  const login = useCallback(
    async (username: string, password: string) => {
      await endpoints.login(username, password);
      again();
    },
    [again],
  );

  return (
    <I18nContext.Provider value={{ language, t }}>
      {session.status === 'ready' && <WallPage display={session.display} onUnauthenticated={again} />}
      {session.status === 'login' && <LoginPage expired={false} onLogin={login} onLanguage={() => {}} />}
      {session.status !== 'ready' && session.status !== 'login' && (
        <div className="wall-splash" data-testid="wall-splash" data-status={session.status}>
          <h1>{t('wall.title')}</h1>
          <p>
            {session.status === 'starting' && t(token ? 'wall.pairing' : 'wall.connecting')}
            {session.status === 'revoked' && t('wall.revoked')}
            {session.status === 'refused' && t('wall.pairFailed')}
            {session.status === 'retrying' && t('wall.retrying', { n: session.inSeconds })}
          </p>
        </div>
      )}
    </I18nContext.Provider>
  );
}

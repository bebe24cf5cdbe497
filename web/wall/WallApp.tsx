import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PairedDisplay } from '../../server/contract/wall-displays.js';
import * as endpoints from '../api/endpoints.js';
import { ApiError } from '../api/errors.js';
import { pairedDisplay, pairWall } from '../api/wall.js';
import { jitter } from '../api/wall-stream.js';
import { WALL_DISPLAY_REVOKED } from '../../server/contract/wall-displays.js';
import { I18nContext, translator, type Language } from '../i18n/index.js';
import { LoginPage } from '../panels/LoginPage.js';
import { reconnectDelayMs } from '../state/wall.js';
import { parseUrlState } from '../state/url.js';
import { useWatchdog } from './use-watchdog.js';
import { WallErrorBoundary } from './WallErrorBoundary.js';
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

const PLAYLIST_REFRESH_MS = 5 * 60_000;

/** A 429's Retry-After, in ms (0 when there is none). */
const retryAfterMs = (error: unknown): number => {
  const seconds = Number((error as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

const isRevoked = (error: unknown): boolean => error instanceof ApiError && (error.details as { reason?: unknown } | undefined)?.reason === WALL_DISPLAY_REVOKED;

export const displayTokenOf = (hash: string): string | null => new URLSearchParams(hash.replace(/^#/, '')).get('display');

export function WallApp() {
  const language: Language = parseUrlState(window.location.search).language ?? 'zh-CN';
  const t = useMemo(() => translator(language), [language]);
  const token = useMemo(() => displayTokenOf(window.location.hash), []);
  const [session, setSession] = useState<WallSession>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  // Above the page, so that the daily, heap and build reloads outlive anything that goes wrong below.
  useWatchdog();

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('wall.title');
  }, [language, t]);

  // Failures in a row, for the backoff; a success starts it again from 1 s.
  const failures = useRef(0);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async (): Promise<PairedDisplay | null> => {
      if (token) return pairWall(token);
      // A signed-in account that is not a display tours the default playlist.
      await endpoints.me();
      return null;
    };
    start().then(
      (display) => {
        if (cancelled) return;
        failures.current = 0;
        setSession({ status: 'ready', display });
      },
      (error: unknown) => {
        if (cancelled) return;
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 401 && token) return setSession(isRevoked(error) ? { status: 'revoked' } : { status: 'refused' });
        if (status === 401) return setSession({ status: 'login' });
        // The server away or busy (or 429: wait as long as it says): a wall already showing keeps showing its
        // last data while it retries; only a wall that never started shows the splash.
        const delay = Math.max(reconnectDelayMs(failures.current++, jitter.next()), retryAfterMs(error));
        setSession((s) => (s.status === 'ready' ? s : { status: 'retrying', inSeconds: Math.round(delay / 1000) }));
        timer = setTimeout(() => setAttempt((n) => n + 1), delay);
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, attempt]);

  // An administrator's edit of the tour reaches a paired wall within minutes, not at its next pairing.
  const displayId = session.status === 'ready' ? (session.display?.id ?? null) : null;
  useEffect(() => {
    if (displayId === null) return;
    const timer = setInterval(() => {
      void pairedDisplay().then(
        (display) => setSession((s) => (s.status === 'ready' && s.display?.id === display.id ? { status: 'ready', display } : s)),
        () => {},
      );
    }, PLAYLIST_REFRESH_MS);
    return () => clearInterval(timer);
  }, [displayId]);

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
      {session.status === 'ready' && (
        <WallErrorBoundary>
          <WallPage display={session.display} onUnauthenticated={again} />
        </WallErrorBoundary>
      )}
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

import type { PairedDisplay } from '../../server/contract/wall-displays.js';
import type { WallOverview } from '../../server/contract/wall.js';
import { client, withSignal } from './client.js';
import { readJson } from './transport.js';

// The wall's requests: its one read of today, and its pairing (a display trades its token for a session).

export const wallOverview = (signal?: AbortSignal) => readJson<WallOverview>(client.api.wall.overview.$get({}, withSignal(signal)), { notifyUnauthenticated: false });

const jsonPost = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Trades a display's token for a session cookie; 401 when the token is unknown or the display revoked. */
export const pairWall = (token: string) => readJson<PairedDisplay>(jsonPost('/api/wall/pair', { token }), { notifyUnauthenticated: false });

/** The entry script the server's index.html names now (null when it cannot be read): a new build has a new one. */
export const servedEntryScript = (): Promise<string | null> =>
  fetch('/', { cache: 'no-store', credentials: 'same-origin' })
    .then((r) => (r.ok ? r.text() : null))
    .then((html) => (html ? (/<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1] ?? null) : null))
    .catch(() => null);

/** The paired display's own settings (its tour, re-read so an administrator's edit reaches the wall). */
export const pairedDisplay = (signal?: AbortSignal) =>
  readJson<PairedDisplay>(fetch('/api/wall/display', { credentials: 'same-origin', signal }), { notifyUnauthenticated: false });

/** Whether the server now serves the page and its entry script (the watchdog reloads only then). */
export const serverCanServeThePage = async (): Promise<boolean> => {
  const entry = await servedEntryScript();
  if (!entry) return false;
  return fetch(entry, { cache: 'no-store', credentials: 'same-origin' })
    .then((r) => r.ok && (r.headers.get('content-type') ?? '').includes('javascript'))
    .catch(() => false);
};

import { hc } from 'hono/client';
import type { AppType } from '../../server/app.js';

/** The typed API client: paths, query parameters and bodies are checked against the server's routes at compile time. */
export const client = hc<AppType>(typeof window === 'undefined' ? 'http://localhost' : window.location.origin, {
  init: { credentials: 'same-origin' },
});

export const withSignal = (signal?: AbortSignal) => ({ init: { signal, credentials: 'same-origin' as const } });

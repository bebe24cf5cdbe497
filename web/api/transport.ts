import { ApiError, errorFromBody } from './errors.js';

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** The app listens here to return to the login page when a session ends while the map is open. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Tells the app that the session ended (a request answered 401). */
export function notifyUnauthenticated(): void {
  for (const listener of unauthenticatedListeners) listener();
}

/** Turns a fetch (as made by the typed client) into parsed JSON or an ApiError. */
export async function readJson<T>(response: Promise<Response>, options: { notifyUnauthenticated?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    res = await response;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw new ApiError('aborted', 0, 'aborted');
    throw new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  }
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(`HTTP ${res.status}: not JSON`, res.status, 'bad_response');
    }
  }
  if (!res.ok) {
    const error = errorFromBody(res.status, body);
    if (res.status === 401 && options.notifyUnauthenticated !== false) notifyUnauthenticated();
    throw error;
  }
  return body as T;
}

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

/** The response of a request, or the ApiError of a request that never got one (aborted, offline). */
export async function responseOf(response: Promise<Response>): Promise<Response> {
  try {
    return await response;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw new ApiError('aborted', 0, 'aborted');
    throw new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  }
}

/** The ApiError of a response that is not ok, from its body; a 401 tells the app the session ended. */
function failureOf(res: Response, body: unknown, options: { notifyUnauthenticated?: boolean }): ApiError {
  if (res.status === 401 && options.notifyUnauthenticated !== false) notifyUnauthenticated();
  return errorFromBody(res.status, body);
}

/** A response's bytes (null for 204 No Content), or the ApiError its JSON body names. */
export async function readBytes(response: Promise<Response>): Promise<Uint8Array | null> {
  const res = await responseOf(response);
  if (!res.ok) throw failureOf(res, await res.json().catch(() => null), {});
  if (res.status === 204) return null;
  return new Uint8Array(await res.arrayBuffer());
}

/** Turns a fetch (as made by the typed client) into parsed JSON or an ApiError. */
export async function readJson<T>(response: Promise<Response>, options: { notifyUnauthenticated?: boolean } = {}): Promise<T> {
  const res = await responseOf(response);
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(`HTTP ${res.status}: not JSON`, res.status, 'bad_response');
    }
  }
  if (!res.ok) throw failureOf(res, body, options);
  return body as T;
}

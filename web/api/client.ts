/** The HTTP client of the web app: same-origin requests carrying the session cookie. */
export const api = {
  get(path: string, query: Record<string, string>, signal?: AbortSignal): Promise<Response> {
    const search = new URLSearchParams(query).toString();
    return fetch(search ? `${path}?${search}` : path, { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
  },
  post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      signal,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  },
};

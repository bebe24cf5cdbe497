// The benchmarks' calls through the whole app in process (app.request: routing, session, validation, SQL), as a
// signed-in user: a JSON call that throws with the answer on any status from 300 up.

interface InProcessApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** The session cookie of `username`. */
export async function signInCookie(app: InProcessApp, username: string, password: string): Promise<string> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A JSON call as the holder of `cookie`. */
export function jsonCaller(app: InProcessApp) {
  return async <T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T;
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

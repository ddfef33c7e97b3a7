// A fetch against a test server's base URL that sends `json` as an application/json body and,
// when a token is given, Authorization: Bearer <token>.
export type ApiInit = RequestInit & { json?: unknown };

export function apiClient(baseUrl: () => string, token?: () => string) {
  return (path: string, init: ApiInit = {}) =>
    fetch(`${baseUrl()}${path}`, {
      ...init,
      headers: {
        ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token()}` } : {}),
        ...init.headers,
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
}

/** apiClient for a test server started later (in beforeAll): its URL and admin token, read at each call. */
export const serverApi = (server: () => { url: string; token: string }) =>
  apiClient(
    () => server().url,
    () => server().token,
  );

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

// A fetch against a test server's base URL that sends `json` as an application/json body.
export type ApiInit = RequestInit & { json?: unknown };

export function apiClient(baseUrl: () => string) {
  return (path: string, init: ApiInit = {}) =>
    fetch(`${baseUrl()}${path}`, {
      ...init,
      headers: { ...(init.json !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
}

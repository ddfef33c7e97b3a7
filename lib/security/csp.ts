// The pages' Content-Security-Policy. Scripts run only with this response's nonce ('strict-dynamic'
// lets those scripts load Next's chunks), so markup injected into a page cannot run even if
// something ever rendered scraped text as HTML. Styles may be inline (React's style attributes and
// Next's injected CSS need it; a style cannot run code). Socket.IO connects to this origin only.
// `npm run dev` also needs eval for React's fast refresh.

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Set by the custom server on every request it dispatches (any value a client sent is replaced): the socket's, or with TRUST_PROXY the proxy's, client IP. */
export const CLIENT_IP_HEADER = "x-market-triage-client-ip";

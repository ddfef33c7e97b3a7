// Which hosts the server answers and which origins may send it cookie-authenticated writes.
// Host: a request naming a host not in the list (DNS rebinding: evil.example resolving to
// 127.0.0.1) is refused with 421 before anything else. Origin: a browser sends Origin (and
// Sec-Fetch-Site) with every write; a write carrying the session cookie must come from this app.
import os from "node:os";
import type { Config } from "../config";

type HostConfig = Pick<Config, "HOST" | "PUBLIC_URL" | "ALLOWED_HOSTS">;

const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

/** A Host header's name without its port, lower case; IPv6 keeps its brackets. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.replace(/:\d+$/, "");
}

const bracket = (address: string) => (address.includes(":") && !address.startsWith("[") ? `[${address}]` : address);

export function allowedHosts(c: HostConfig): Set<string> {
  const hosts = new Set(c.ALLOWED_HOSTS ?? ["localhost", "127.0.0.1", "[::1]"]);
  if (c.PUBLIC_URL) hosts.add(new URL(c.PUBLIC_URL).hostname.toLowerCase());
  if (!WILDCARD.has(c.HOST)) hosts.add(bracket(c.HOST.toLowerCase()));
  else if (!c.ALLOWED_HOSTS) {
    // Bound to every interface: each of this machine's addresses is "the bound address".
    for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) hosts.add(bracket(a.address.toLowerCase()));
  }
  return hosts;
}

export function hostAllowed(hosts: Set<string>, host: string | undefined): boolean {
  return host !== undefined && hosts.has(hostName(host));
}

/**
 * Whether a browser write comes from this app: Sec-Fetch-Site same-origin (or none: typed by the
 * person), else an Origin equal to PUBLIC_URL's or naming the request's own Host (host:port).
 * `requireEvidence`: a cookie write without either header is refused (browsers always send them).
 */
export function sameOrigin(headers: Headers, ownHost: string, publicUrl: string | undefined, requireEvidence: boolean): boolean {
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return true;
  if (site === "cross-site" || site === "same-site") return false;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return origin === null && !requireEvidence;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  try {
    return new URL(origin).host.toLowerCase() === ownHost.toLowerCase();
  } catch {
    return false;
  }
}

/** The client's address: the socket's, or with TRUST_PROXY the first X-Forwarded-For hop. */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const first = trustProxy ? forwarded?.split(",")[0]?.trim() : undefined;
  return (first || socketAddress || "unknown").replace(/^::ffff:/, "");
}

/** Whether a trusted proxy says the client reached it over https (the first X-Forwarded-Proto). */
export function viaHttpsProxy(forwardedProto: string | string[] | undefined, trustProxy: boolean): boolean {
  const proto = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return trustProxy && (proto ?? "").split(",")[0].trim().toLowerCase() === "https";
}

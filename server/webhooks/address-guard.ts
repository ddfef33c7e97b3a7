// The server-side request forgery guard: an admin names the URL the server POSTs to, so without
// it a webhook could reach what only this machine can (the PostgreSQL port, a cloud metadata
// service at 169.254.169.254, an internal admin page). Loopback, link-local, private, shared,
// multicast and reserved ranges are refused, for IP literals when an endpoint is saved and for
// the address a host name resolves to at every delivery (the check is inside the connection's
// DNS lookup, so a name that changes its answer between check and connect cannot slip through).
// WEBHOOK_ALLOW_PRIVATE=true turns it off (receivers on the same network; the tests' on 127.0.0.1).
import dns from "node:dns";
import net from "node:net";

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(prefix, bits, "ipv4");
}
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(prefix, bits, "ipv6");
}

/** Whether an IP address is loopback, link-local, private or otherwise not a public host. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4-mapped or -compatible IPv6 address reaches the IPv4 host it embeds.
  const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], "ipv4");
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, "ipv4");
  }
  return blocked.check(address, "ipv6");
}

/** The host of a URL as an address when it is an IP literal (brackets of IPv6 removed), else null. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return net.isIP(host) ? host : null;
}

/**
 * Why a webhook URL may not be used, or null when it may: checked when an endpoint is saved. A
 * host name is resolved too, so `localhost` or a name pointing inside is refused at once; the
 * delivery checks again (a name may change its answer later).
 */
export async function refuseUrl(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Must be an http:// or https:// URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Must be an http:// or https:// URL";
  if (url.username || url.password) return "Must not carry a user name or password";
  if (allowPrivate) return null;
  const literal = literalAddress(url);
  const addresses = literal
    ? [literal]
    : await dns.promises.lookup(url.hostname, { all: true }).then(
        (found) => found.map((a) => a.address),
        () => [] as string[], // a name that does not resolve now may later: the delivery checks it then
      );
  const bad = addresses.find(isPrivateAddress);
  return bad
    ? `Must not point at a loopback, link-local or private address (${url.hostname} is ${bad}); WEBHOOK_ALLOW_PRIVATE=true allows it`
    : null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses private addresses: the connection goes to the address
 * checked here, never to a second answer of the resolver.
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad) {
      const refused = Object.assign(new Error(`${hostname} resolves to ${bad.address}, a private address (WEBHOOK_ALLOW_PRIVATE)`), {
        code: "EPRIVATEADDRESS",
      });
      return callback(refused, []);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

/** An IP literal URL is not looked up by http.request: checked here before connecting. */
export function literalIsPrivate(url: URL): boolean {
  const literal = literalAddress(url);
  return literal !== null && isPrivateAddress(literal);
}

// The request forgery guard's ranges, the URL check an endpoint is saved with, and the retry
// back-off's bounds.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isPrivateAddress, refuseUrl } from "./address-guard";
import { backoffMs } from "./dispatcher";
import { postSigned } from "./send";

describe("the webhook address guard", () => {
  it("refuses loopback, link-local, private, shared and reserved addresses, v4 and v6, mapped ones too", () => {
    for (const a of [
      "127.0.0.1",
      "127.9.9.9",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fc00::1",
      "fd12:3456::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "not an address",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it("refuses such URLs (and other schemes, and credentials) unless private addresses are allowed", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://[::1]/hook",
      "https://10.0.0.5/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::ffff:127.0.0.1]/",
      "ftp://example.com/",
      "https://user:pw@example.com/",
    ]) {
      expect(await refuseUrl(url, false), url).not.toBeNull();
    }
    expect(await refuseUrl("https://8.8.8.8/hook", false)).toBeNull();
    expect(await refuseUrl("http://127.0.0.1:8080/hook", true)).toBeNull();
    expect(await refuseUrl("ftp://example.com/", true)).not.toBeNull();
  });

  it("checks the address a name resolves to when connecting: localhost is refused, nothing is sent", async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const byName = await postSigned(`http://localhost:${port}/`, "id", "{}", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], {
        timeoutMs: 2_000,
        allowPrivate: false,
      });
      expect(byName).toMatchObject({ status: null });
      expect(byName.error).toMatch(/private address/);
      const literal = await postSigned(`http://127.0.0.1:${port}/`, "id", "{}", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], {
        timeoutMs: 2_000,
        allowPrivate: false,
      });
      expect(literal.error).toMatch(/private address/);
      expect(hits).toBe(0);
      const allowed = await postSigned(`http://localhost:${port}/`, "id", "{}", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], {
        timeoutMs: 2_000,
        allowPrivate: true,
      });
      expect(allowed.status).toBe(200);
      expect(hits).toBe(1);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("backs off exponentially with jitter: attempt n waits between half and all of base x 2^(n-1)", () => {
    expect(backoffMs(1, 1000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, () => 0)).toBe(4000);
    expect(backoffMs(4, 1000, () => 1)).toBe(8000);
    expect(backoffMs(60, 1000, () => 1)).toBe(3_600_000);
  });
});

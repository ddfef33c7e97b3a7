// How the API's answers go out on the wire, read as raw bytes (fetch would decompress and hide the
// framing): a JSON or problem+json answer is sent whole with its length, compressed when the client
// accepts gzip, and a HEAD gets the headers without a body.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSchema } from "@/lib/contract/health";
import { problemSchema } from "@/lib/contract/common";
import { unmappedListSchema } from "@/lib/contract/unmapped";
import { startTestServer, type TestServer } from "@/server/testing/server";

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

function rawGet(url: string, method: "GET" | "HEAD", headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("API answers on the wire", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { demo: { events: 3 } });
    // Markets to list: a page of them compresses, an empty page would not.
    expect((await server.fetch("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it("a JSON answer is sent whole with its length, not chunked", async () => {
    const res = await rawGet(`${server.url}/api/unmapped?pageSize=5`, "GET", { authorization: `Bearer ${server.token}` });
    expect(res.status).toBe(200);
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-length"]).toBe(String(res.bytes.length));
    expect(res.headers["content-type"]).toBe("application/json");
    expect(unmappedListSchema.safeParse(JSON.parse(res.bytes.toString("utf8"))).success).toBe(true);
  });

  it("gzip when the client accepts it: the compressed length, and the same JSON once decompressed", async () => {
    const auth = { authorization: `Bearer ${server.token}` };
    const plain = await rawGet(`${server.url}/api/unmapped?pageSize=50`, "GET", auth);
    const zipped = await rawGet(`${server.url}/api/unmapped?pageSize=50`, "GET", { ...auth, "accept-encoding": "gzip, br" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("Accept-Encoding");
    expect(zipped.headers["content-length"]).toBe(String(zipped.bytes.length));
    expect(JSON.parse(plain.bytes.toString("utf8")).items.length).toBeGreaterThan(10);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length);
    expect(JSON.parse(gunzipSync(zipped.bytes).toString("utf8"))).toEqual(JSON.parse(plain.bytes.toString("utf8")));
  });

  it("a problem+json answer is framed the same way, compressed or not", async () => {
    for (const headers of [{}, { "accept-encoding": "gzip" }] as Record<string, string>[]) {
      const res = await rawGet(`${server.url}/api/unmapped`, "GET", headers);
      expect(res.status).toBe(401);
      expect(res.headers["content-type"]).toBe("application/problem+json");
      expect(res.headers["content-length"]).toBe(String(res.bytes.length));
      const text = res.headers["content-encoding"] === "gzip" ? gunzipSync(res.bytes).toString("utf8") : res.bytes.toString("utf8");
      expect(problemSchema.parse(JSON.parse(text)).status).toBe(401);
    }
  });

  it("HEAD answers the headers of GET without a body", async () => {
    const get = await rawGet(`${server.url}/api/health`, "GET");
    const head = await rawGet(`${server.url}/api/health`, "HEAD");
    expect(healthSchema.safeParse(JSON.parse(get.bytes.toString("utf8"))).success).toBe(true);
    expect(head.status).toBe(get.status);
    expect(head.headers["content-type"]).toBe("application/json");
    expect(head.bytes.length).toBe(0);
  });
});

// The HTTP client against the fake bookmaker over real sockets: what is retried and how often,
// what is not, timeouts, Retry-After, abort, the concurrency limit and keep-alive. Waits between
// attempts go through a recording clock, so no test sleeps real seconds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeBookmaker, type FakeBookmaker, type FakeWorld } from "@/server/testing/fake-bookmaker";
import { recordingClock, type RecordingClock } from "@/server/testing/fake-bookmaker/recording-clock";
import { SourceError } from "../errors";
import { HttpClient, type HttpClientOptions } from "./client";
import { systemClock } from "./clock";
import { DEFAULT_RETRY } from "./retry";

const NOW = Date.parse("2030-01-05T15:00:00Z");
const world: FakeWorld = {
  tournaments: [{ sportybetId: "sr:tournament:17", groupId: "170880", name: "Premier League", country: "England" }],
  matches: [
    {
      srId: "61300947",
      bet9jaId: "707096003",
      tournament: "sr:tournament:17",
      kickoff: NOW + 3_600_000,
      home: "Alpha FC",
      away: "Beta United",
      sportybet: { markets: [] },
      bet9ja: { odds: { S_1X2_1: "2.05" } },
    },
  ],
};
const EVENT = { method: "GET", path: "/desktop/feapi/PalimpsestAjax/GetEvent", query: [["EVENTID", "707096003"]], headers: {} } as const;
const live = () => new AbortController().signal;

describe("HttpClient", () => {
  let fake: FakeBookmaker;
  let clock: RecordingClock;
  const clients: HttpClient[] = [];
  const client = (overrides: Partial<HttpClientOptions> = {}) => {
    const c = new HttpClient({
      name: "Bet9ja",
      baseUrl: fake.url,
      // Generous: on a loaded machine a local answer can take seconds, and a timeout here would
      // retry on a new connection (the tests that are about timeouts set their own).
      timeoutMs: 15_000,
      concurrency: 4,
      pacingMs: 0,
      retry: DEFAULT_RETRY,
      clock,
      ...overrides,
    });
    clients.push(c);
    return c;
  };
  const failure = async (promise: Promise<unknown>): Promise<SourceError> => {
    const e = await promise.then(
      () => expect.fail("expected the request to fail"),
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  };

  beforeAll(async () => {
    fake = await startFakeBookmaker({ world, prefix: "/proxy/" });
  });
  beforeEach(() => {
    clock = recordingClock(NOW);
  });
  afterEach(() => {
    fake.clearFaults();
    fake.resetLog();
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => fake?.close());

  it("appends the path to a base URL that has its own path, and percent-encodes the query", async () => {
    const body = await client().json(
      {
        method: "GET",
        path: "/api/ng/factsCenter/event",
        query: [
          ["eventId", "sr:match:61300947"],
          ["productId", "3"],
          ["timeline", ""],
        ],
        headers: {},
      },
      live(),
    );
    expect(body).toMatchObject({ bizCode: 10000, data: { eventId: "sr:match:61300947" } });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      route: "S3",
      path: "/api/ng/factsCenter/event",
      rawQuery: "eventId=sr%3Amatch%3A61300947&productId=3&timeline=",
    });
  });

  it("sends a POST body as JSON with its length", async () => {
    const payload = [{ sportId: "sr:sport:1", tournamentId: [["sr:tournament:17"]] }];
    await client().json(
      { method: "POST", path: "/api/ng/factsCenter/pcEvents", headers: { "content-type": "application/json" }, body: payload },
      live(),
    );
    expect(fake.requests[0].body).toEqual(payload);
    expect(fake.requests[0].headers["content-length"]).toBe(String(JSON.stringify(payload).length));
  });

  it("retries 5xx with growing, jittered waits and succeeds on the third attempt", async () => {
    fake.fault({ route: "B3", times: 1, respond: { kind: "status", status: 500 } });
    fake.fault({ route: "B3", times: 1, respond: { kind: "status", status: 503 } });
    expect(await client().json(EVENT, live())).toMatchObject({ R: "OK" });
    expect(fake.requestsTo("B3")).toHaveLength(3);
    // random() = 0.5 of ceilings 2 s and 4 s.
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it("gives up after the last attempt with the last status", async () => {
    fake.fault({ route: "B3", respond: { kind: "status", status: 502 } });
    const e = await failure(client().json(EVENT, live()));
    expect(e).toMatchObject({ kind: "http", status: 502 });
    expect(e.message).toBe("Bet9ja GET /desktop/feapi/PalimpsestAjax/GetEvent: HTTP 502 (after 3 attempts)");
    expect(fake.requestsTo("B3")).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it("makes exactly 1 + SCRAPE_RETRIES attempts", async () => {
    fake.fault({ route: "B3", respond: { kind: "status", status: 500 } });
    await failure(client({ retry: { ...DEFAULT_RETRY, retries: 0 } }).json(EVENT, live()));
    expect(fake.requestsTo("B3")).toHaveLength(1);
    fake.resetLog();
    await failure(client({ retry: { ...DEFAULT_RETRY, retries: 4 } }).json(EVENT, live()));
    expect(fake.requestsTo("B3")).toHaveLength(5);
  });

  it.each([400, 401, 403, 404, 410])("does not retry HTTP %i", async (status) => {
    fake.fault({ route: "B3", respond: { kind: "status", status } });
    const e = await failure(client().json(EVENT, live()));
    expect(e).toMatchObject({ kind: "http", status });
    expect(e.message).not.toContain("attempts");
    expect(fake.requestsTo("B3")).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("neither follows nor retries a redirect", async () => {
    fake.fault({ route: "B3", respond: { kind: "status", status: 302, headers: { location: "/desktop/feapi/PalimpsestAjax/GetSports" } } });
    const e = await failure(client().json(EVENT, live()));
    expect(e.message).toContain("HTTP 302 (redirects are not followed)");
    expect(fake.requests.map((r) => r.route)).toEqual(["B3"]);
  });

  it("honours 429 Retry-After in seconds", async () => {
    fake.fault({ route: "B3", times: 1, respond: { kind: "status", status: 429, headers: { "retry-after": "7" } } });
    await client().json(EVENT, live());
    expect(fake.requestsTo("B3")).toHaveLength(2);
    expect(clock.sleeps).toEqual([7000]);
  });

  it("holds back every request to the bookmaker until Retry-After has passed, not just the one that got it", async () => {
    const c = client();
    fake.fault({ route: "B3", key: "707096003", times: 1, respond: { kind: "status", status: 429, headers: { "retry-after": "7" } } });
    await c.json(EVENT, live());
    // The recording clock stands still, so a request starting now still has the full 7 s to wait.
    await c.json({ ...EVENT, query: [["EVENTID", "1"]] }, live());
    expect(clock.sleeps).toEqual([7000, 7000]);
    clock.advance(7000);
    await c.json(EVENT, live());
    expect(clock.sleeps).toEqual([7000, 7000]);
  });

  it("honours 429 Retry-After as an HTTP-date, and caps a long one", async () => {
    fake.fault({
      route: "B3",
      times: 1,
      respond: { kind: "status", status: 429, headers: { "retry-after": new Date(NOW + 12_000).toUTCString() } },
    });
    fake.fault({ route: "B3", times: 1, respond: { kind: "status", status: 429, headers: { "retry-after": "3600" } } });
    await client({ retry: { ...DEFAULT_RETRY, retryAfterMaxMs: 20_000 } }).json(EVENT, live());
    expect(clock.sleeps).toEqual([12_000, 20_000]);
  });

  it("backs off normally on a 429 without a usable Retry-After", async () => {
    fake.fault({ route: "B3", times: 1, respond: { kind: "status", status: 429, headers: { "retry-after": "soon" } } });
    await client().json(EVENT, live());
    expect(clock.sleeps).toEqual([1000]);
  });

  it("retries a connection reset", async () => {
    fake.fault({ route: "B3", times: 2, respond: { kind: "reset" } });
    expect(await client().json(EVENT, live())).toMatchObject({ R: "OK" });
    expect(fake.requestsTo("B3")).toHaveLength(3);
  });

  it("reports a refused connection as a network error after its retries", async () => {
    const e = await failure(client({ baseUrl: "http://127.0.0.1:1" }).json(EVENT, live()));
    expect(e.kind).toBe("network");
    expect(e.message).toContain("ECONNREFUSED");
    expect(e.message).toContain("after 3 attempts");
  });

  it("times out a silent server per attempt, and retries the timeout", async () => {
    fake.fault({ route: "B3", respond: { kind: "hang" } });
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 100 }).json(EVENT, live()));
    expect(e).toMatchObject({ kind: "timeout" });
    expect(e.message).toContain("no complete response within 100 ms (after 3 attempts)");
    expect(fake.requestsTo("B3")).toHaveLength(3);
    // The fake never answers: finishing at all shows each attempt was cut off. The bound is only
    // generous so that a busy machine cannot fail it.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("accepts a slow answer inside the timeout, and retries one that is too slow", async () => {
    // Too slow: a hang, cut off by the timeout. Inside it: 50 ms against 5 s, so load cannot make it late.
    fake.fault({ route: "B3", times: 1, respond: { kind: "hang" } });
    fake.fault({ route: "B3", times: 1, respond: { kind: "ok", delayMs: 50 } });
    expect(await client({ timeoutMs: 5_000 }).json(EVENT, live())).toMatchObject({ R: "OK" });
    expect(fake.requestsTo("B3")).toHaveLength(2);
  });

  it("does not retry a body that is not JSON, and says how it starts", async () => {
    fake.fault({
      route: "B3",
      respond: { kind: "raw", body: "<!DOCTYPE html>\n<html><body>Access denied</body></html>", contentType: "text/html" },
    });
    const e = await failure(client().json(EVENT, live()));
    expect(e.kind).toBe("api");
    expect(e.message).toContain('starts "<!DOCTYPE html> <html><body>Access denied');
    fake.fault({ route: "B1", respond: { kind: "raw", body: '{"R":"OK","D":{' } });
    await failure(client().json({ ...EVENT, path: "/desktop/feapi/PalimpsestAjax/GetSports" }, live()));
    expect(fake.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });

  it("refuses a body over the size limit without retrying", async () => {
    fake.fault({ route: "B3", respond: { kind: "json", body: { R: "OK", D: { O: { pad: "x".repeat(5000) } } } } });
    const e = await failure(client({ maxBodyBytes: 1000 }).json(EVENT, live()));
    expect(e).toMatchObject({ kind: "api" });
    expect(e.message).toContain("larger than 1000 bytes");
    expect(fake.requestsTo("B3")).toHaveLength(1);
  });

  /**
   * Aborts the run `afterMs` into the request and expects the request to end with that abort, far
   * below the 60 s request timeout and the 30 s Retry-After (the abort, not a timer, ended it),
   * after one attempt.
   */
  async function expectAbortEndsIt(c: HttpClient, afterMs: number) {
    const abort = new AbortController();
    const pending = c.json(EVENT, abort.signal);
    setTimeout(() => abort.abort(new Error("server shutting down")), afterMs);
    const started = Date.now();
    await expect(pending).rejects.toThrow("server shutting down");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(fake.requestsTo("B3")).toHaveLength(1);
  }

  it("stops at once when the run is aborted mid-request, without retrying", async () => {
    fake.fault({ route: "B3", respond: { kind: "hang" } });
    await expectAbortEndsIt(client({ timeoutMs: 60_000 }), 50);
  });

  it("stops at once when the run is aborted during a back-off wait", async () => {
    fake.fault({ route: "B3", respond: { kind: "status", status: 503, headers: { "retry-after": "30" } } });
    await expectAbortEndsIt(client({ clock: systemClock }), 100);
  });

  it("keeps at most `concurrency` requests in flight and reuses its connections", async () => {
    fake.fault({ route: "B3", respond: { kind: "ok", delayMs: 30 } });
    const c = client({ concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => c.json(EVENT, live())));
    expect(fake.requestsTo("B3")).toHaveLength(12);
    expect(fake.maxInFlight).toBe(3);
    expect(fake.connections).toBeLessThanOrEqual(3);
    expect(new Set(fake.requests.map((r) => r.connection)).size).toBeLessThanOrEqual(3);
    expect(fake.requests[0].headers.connection).toBe("keep-alive");
  });

  it("paces request starts", async () => {
    const c = client({ pacingMs: 25 });
    await Promise.all(Array.from({ length: 4 }, () => c.json(EVENT, live())));
    expect(clock.sleeps).toEqual([25, 50, 75]);
  });
});

describe("HttpClient with a compressing server", () => {
  it("decompresses gzip bodies", async () => {
    const fake = await startFakeBookmaker({ world, gzip: true });
    const c = new HttpClient({ name: "Bet9ja", baseUrl: fake.url, timeoutMs: 2000, concurrency: 1, pacingMs: 0, retry: DEFAULT_RETRY });
    try {
      const body = await c.json({ ...EVENT, headers: { "accept-encoding": "gzip, deflate" } }, live());
      expect(body).toMatchObject({ R: "OK", D: { O: { S_1X2_1: "2.05" } } });
    } finally {
      c.close();
      await fake.close();
    }
  });
});

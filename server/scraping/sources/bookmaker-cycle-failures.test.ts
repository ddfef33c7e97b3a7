// Failures in whole scrape cycles over the fake bookmaker's known world (PGlite; the database plays
// no part in them): a failing tournament, event or whole source is recorded in the run without
// stopping the rest, retried where the client retries, and decides the run's status.
import { expect, it } from "vitest";
import { useBookmakerCycle } from "@/server/testing/bookmaker-cycle";
import { describeOnDatabases } from "@/server/testing/test-database";

describeOnDatabases("bookmaker scrape cycle failures on %s", { kinds: ["pglite"] }, (t) => {
  // Long enough that no answering request times out on a busy machine; only hangs reach it.
  const b = useBookmakerCycle(t, { source: { timeoutMs: 1_500 } });

  it("records a failing tournament, failing events and retried events in the run, and ends partial", async () => {
    b.fake.fault({ route: "S2", key: "sr:tournament:9001", respond: { kind: "status", status: 500 } });
    b.fake.fault({
      route: "S3",
      key: "sr:match:61300002",
      respond: { kind: "json", body: { bizCode: 19999, message: "Event not found", data: null } },
    });
    b.fake.fault({ route: "B3", key: "707096001", respond: { kind: "json", body: { R: "X", D: {} } } });
    b.fake.fault({ route: "B3", key: "707096003", respond: { kind: "raw", body: '{"R":"OK","D":{"O":{"S_1X2_1":' } });
    b.fake.fault({ route: "B3", key: "707096002", times: 2, respond: { kind: "status", status: 503 } });

    const run = await b.cycle();
    expect(run.status).toBe("partial");
    expect(run.sources.sportybet).toMatchObject({ events: 1, eventsFailed: 1, markets: 9 });
    expect(run.sources.sportybet.errors).toEqual([
      "discovery: tournament sr:tournament:9001: SportyBet POST /api/ng/factsCenter/pcEvents: HTTP 500 (after 3 attempts)",
      "event sr:match:61300002: SportyBet sr:match:61300002: bizCode=19999: Event not found",
    ]);
    expect(run.sources.bet9ja).toMatchObject({ events: 1, eventsFailed: 2, markets: 11 });
    expect([...run.sources.bet9ja.errors].sort()).toEqual([
      "event 707096001: Bet9ja 707096001: R=X",
      'event 707096003: Bet9ja GET /desktop/feapi/PalimpsestAjax/GetEvent: body is not JSON (30 bytes, starts "{\\"R\\":\\"OK\\",\\"D\\":{\\"O\\":{\\"S_1X2_1\\":")',
    ]);
    // The event behind two 503s was fetched on its third attempt and counted; bad JSON was not retried.
    expect(b.fake.requestsTo("B3").filter((r) => r.key === "707096002")).toHaveLength(3);
    expect(b.fake.requestsTo("B3").filter((r) => r.key === "707096003")).toHaveLength(1);
    expect(await b.counts()).toMatchObject({ "sportybet/800117": 1, "bet9ja/S_OUA": 2 });
  });

  it.each([
    // The parser prints the code without quotes, so the string "10000" reads like the number.
    ['bizCode as the string "10000"', { bizCode: "10000", message: "0#0", data: { markets: [] } }, 'bizCode="10000": 0#0'],
    ["no data", { bizCode: 10000, message: "0#0" }, "response has no data"],
    ["markets null", { bizCode: 10000, message: "0#0", data: { markets: null } }, "markets is not an array"],
  ])("fails a SportyBet event whose response has %s", async (_, body, text) => {
    b.fake.fault({ route: "S3", key: "sr:match:61300001", respond: { kind: "json", body } });
    const run = await b.cycle();
    expect(run.status).toBe("partial");
    expect(run.sources.sportybet).toMatchObject({ events: 2, eventsFailed: 1 });
    expect(run.sources.sportybet.errors[0]).toContain(text);
  });

  it.each([
    ['R "E"', { R: "E", D: null }, "event not found"],
    ["D that is not an object", { R: "OK", D: [] }, "D is missing or not an object"],
  ])("fails a Bet9ja event whose response has %s", async (_, body, text) => {
    b.fake.fault({ route: "B3", key: "707096003", respond: { kind: "json", body } });
    const run = await b.cycle();
    expect(run.sources.bet9ja).toMatchObject({ events: 2, eventsFailed: 1 });
    expect(run.sources.bet9ja.errors[0]).toContain(text);
  });

  it('accepts R "D" on a Bet9ja event', async () => {
    b.fake.fault({ route: "B3", key: "707096003", respond: { kind: "json", body: { R: "D", D: { O: { S_OUA_Y: "1.5" } } } } });
    const run = await b.cycle();
    expect(run.status).toBe("completed");
    expect(run.sources.bet9ja).toMatchObject({ events: 3, eventsFailed: 0, markets: 23 });
  });

  it("records a whole source that is down as failed and still records the other: partial", async () => {
    b.fake.fault({ route: "B1", respond: { kind: "json", body: { R: "E", D: null } } });
    const run = await b.cycle();
    expect(run.status).toBe("partial");
    expect(run.sources.bet9ja).toMatchObject({ events: 0, eventsFailed: 0, errors: ['discovery failed: Bet9ja sports tree: R="E"'] });
    expect(run.sources.sportybet).toMatchObject({ events: 3, eventsFailed: 0, errors: [] });
    expect(await b.counts()).toMatchObject({ "sportybet/800117": 3 });
    expect(b.fake.requestsTo("B2")).toHaveLength(0);
  });

  it("records a source whose every tournament fails as a failed source", async () => {
    b.fake.fault({ route: "S2", respond: { kind: "hang" } });
    const run = await b.cycle();
    expect(run.status).toBe("partial");
    const errors = run.sources.sportybet.errors;
    expect(errors.filter((e) => e.startsWith("discovery: tournament "))).toHaveLength(2);
    expect(errors.at(-1)).toMatch(
      /^discovery failed: all 2 event lists failed; first: tournament sr:tournament:\d+: .*no complete response within 1500 ms \(after 3 attempts\)$/,
    );
    expect(run.sources.bet9ja).toMatchObject({ events: 3, eventsFailed: 0 });
  });

  it("fails the run when both bookmakers are down", async () => {
    b.fake.fault({ route: "S1", respond: { kind: "status", status: 503 } });
    b.fake.fault({ route: "B1", respond: { kind: "reset" } });
    const run = await b.cycle();
    expect(run.status).toBe("failed");
    expect(run.error).toBe("Every source failed discovery");
    expect(run.sources.sportybet.errors).toEqual([
      "discovery failed: SportyBet GET /api/ng/factsCenter/popularAndSportList: HTTP 503 (after 3 attempts)",
    ]);
    expect(run.sources.bet9ja.errors[0]).toMatch(
      /^discovery failed: Bet9ja GET \/desktop\/feapi\/PalimpsestAjax\/GetSports: .*\(after 3 attempts\)$/,
    );
    expect(b.fake.requestsTo("S1")).toHaveLength(3);
    expect(b.fake.requestsTo("B1")).toHaveLength(3);
  });
});

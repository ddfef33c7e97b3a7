// Whole scrape cycles through the real SportyBet and Bet9ja sources, the HTTP client and a fake
// bookmaker, with the real coordinator, parsers, mapping lookup, recorder, flush and run store.
// A fixture with known markets must give exactly the expected unmapped rows, counts, reasons and
// lines (and double them on a second cycle); failures of a tournament, an event or a whole source
// must be recorded without stopping the rest; progress must name each source's counts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ServerMessageData } from "@/lib/contract/realtime";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import { MappingService } from "@/server/mapping/mapping-service";
import type { Publisher } from "@/server/realtime/publisher";
import { cycleDeps, runManualCycle } from "@/server/testing/cycle";
import { available, DB_KINDS, openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { byMarketKey, storedMarkets } from "@/server/testing/discovery";
import {
  bet9jaOdds,
  fakeBookmakerSources,
  fakeMatch,
  TEST_TOURNAMENTS,
  sportyMarket,
  startFakeBookmaker,
  type FakeBookmaker,
  type FakeWorld,
} from "@/server/testing/fake-bookmaker";
import type { CycleDeps } from "../coordinator";

const HOUR = 3_600_000;
const { premier, cup, nba } = TEST_TOURNAMENTS;

const SB_SCRIPT = '<script>alert("sb")</script> Booking Race';
const B9_SCRIPT = '<script>alert("b9")</script> & <b>Corners</b>';
const B9_LONG_OK = `S_${"B".repeat(496)}`; // with "_Y" exactly 500 characters: kept
const B9_TOO_LONG = `S_${"C".repeat(600)}`;

/**
 * Per event on SportyBet: 9 market instances, 3 mapped (1X2, O/U 2.5 and 3.5) and 6 unmapped,
 * plus 3 data errors (two malformed outcomes, one market with a numeric id).
 */
/** One market id at two windows: each specifier is its own line of the same unknown market. */
const firstMinutes = (specifier: string) =>
  sportyMarket(
    "900069",
    "1X2 from 1 to 5 minute",
    [
      ["Home", "9.0"],
      ["Draw", "1.1"],
      ["Away", "9.5"],
    ],
    { specifier },
  );

const sportybetMarkets = (): unknown[] => [
  sportyMarket("1", "1X2", [
    ["Home", "2.10"],
    ["Draw", "3.30"],
    ["Away", "3.40"],
  ]),
  sportyMarket(
    "18",
    "Over/Under",
    [
      ["Over 2.5", "1.85"],
      ["Under 2.5", "1.95"],
    ],
    { specifier: "total=2.5" },
  ),
  sportyMarket(
    "18",
    "Over/Under",
    [
      ["Over 3.5", "2.60"],
      ["Under 3.5", "1.45"],
    ],
    { specifier: "total=3.5" },
  ),
  sportyMarket("800117", "Player To Be Booked", [
    ["Yes", "2.50"],
    ["No", "1.50"],
  ]),
  firstMinutes("from=1|to=5"),
  firstMinutes("from=6|to=10"),
  sportyMarket(
    "11",
    "Draw No Bet",
    [
      ["Home", "1.50"],
      ["Away", "2.50"],
    ],
    { specifier: "foo=1" },
  ),
  sportyMarket("990001", SB_SCRIPT, [
    ["<b>Home</b>", "1.70"],
    ["<img src=x onerror=alert(1)>", "2.10"],
  ]),
  sportyMarket("990002", "Corner Race", [
    ["Yes", "1.80"],
    ["No", 2.5],
    ["Draw", null],
  ]),
  sportyMarket(990003, "Numeric Id Market", [
    ["Yes", "1.80"],
    ["No", "2.00"],
  ]),
];

/**
 * Per event on Bet9ja: 11 market instances, 4 mapped (1X2, O/U 1.5 and 2.5, first-half O/U 0.5)
 * and 7 unmapped, plus 4 data errors (two bad odds, an over-long key, a lower-case key).
 */
const bet9jaMarkets = () => ({
  odds: {
    ...bet9jaOdds("S_1X2", null, { "1": "2.05", X: "3.25", "2": "3.50" }),
    ...bet9jaOdds("S_OU", "1.5", { O: "1.30", U: 3.2 }),
    ...bet9jaOdds("S_OU", "2.5", { O: "1.88", U: "1.92" }),
    ...bet9jaOdds("S_OU1T", "0.5", { O: "1.40", U: "2.80" }),
    // Share a prefix with the mapped S_OU (either way round): exact lookup must not map them.
    ...bet9jaOdds("S_OUA", "0.5", { O: "1.40", U: "2.80" }),
    ...bet9jaOdds("S_OUA", "1.5", { O: "2.40", U: "1.55" }),
    ...bet9jaOdds("S_O", null, { Y: "1.70", N: "2.05" }),
    ...bet9jaOdds("S_OU1TX", null, { Y: "1.70" }),
    ...bet9jaOdds("S_XSS", null, { "<b>Y</b>": "1.70", N: "2.05" }),
    ...bet9jaOdds("S_ODDS", null, { Y: "1.50", N: null, X: "abc" }),
    ...bet9jaOdds(B9_LONG_OK, null, { Y: "3.00" }),
    ...bet9jaOdds(B9_TOO_LONG, null, { Y: "3.00" }),
    s_1X2_1: "2.05",
  },
  mk: [
    { ID: "S_1X2", DS: "1X2" },
    { ID: "S_OUA", DS: "Away Over/Under" },
    { ID: "S_XSS", DS: B9_SCRIPT },
  ],
});

function knownWorld(now: number): FakeWorld {
  const offers = () => ({ sportybet: { markets: sportybetMarkets() }, bet9ja: bet9jaMarkets() });
  return {
    tournaments: [premier, cup, nba],
    matches: [
      fakeMatch(1, premier, now + 2 * HOUR, offers()),
      fakeMatch(2, premier, now + 3 * HOUR, offers()),
      fakeMatch(3, cup, now + 4 * HOUR, offers()),
      // Started, and not football: neither may be fetched or counted.
      fakeMatch(4, premier, now - HOUR, offers()),
      fakeMatch(5, nba, now + HOUR, offers()),
    ],
  };
}

/** The unmapped rows one cycle over knownWorld writes; `cycles` scales the counts. */
function expectedRows(cycles: number) {
  const rows = [
    {
      source: "sportybet",
      external_market_id: "11",
      occurrence_count: 3,
      reason: "UNKNOWN_PARAM_MARKET",
      specifiers: ["foo=1"],
      market_name: "Draw No Bet",
    },
    {
      source: "sportybet",
      external_market_id: "800117",
      occurrence_count: 3,
      reason: "UNKNOWN_MARKET",
      specifiers: [],
      market_name: "Player To Be Booked",
    },
    {
      source: "sportybet",
      external_market_id: "900069",
      occurrence_count: 6,
      reason: "UNSUPPORTED_PLATFORM",
      specifiers: ["from=1|to=5", "from=6|to=10"],
      market_name: "1X2 from 1 to 5 minute",
    },
    {
      source: "sportybet",
      external_market_id: "990001",
      occurrence_count: 3,
      reason: "UNKNOWN_MARKET",
      specifiers: [],
      market_name: SB_SCRIPT,
    },
    {
      source: "sportybet",
      external_market_id: "990002",
      occurrence_count: 3,
      reason: "UNKNOWN_MARKET",
      specifiers: [],
      market_name: "Corner Race",
    },
    {
      source: "bet9ja",
      external_market_id: B9_LONG_OK,
      occurrence_count: 3,
      reason: "UNKNOWN_MARKET",
      specifiers: [],
      market_name: B9_LONG_OK.slice(2),
    },
    { source: "bet9ja", external_market_id: "S_O", occurrence_count: 3, reason: "UNKNOWN_MARKET", specifiers: [], market_name: "O" },
    { source: "bet9ja", external_market_id: "S_ODDS", occurrence_count: 3, reason: "UNKNOWN_MARKET", specifiers: [], market_name: "ODDS" },
    {
      source: "bet9ja",
      external_market_id: "S_OU1TX",
      occurrence_count: 3,
      reason: "UNKNOWN_MARKET",
      specifiers: [],
      market_name: "OU1TX",
    },
    {
      source: "bet9ja",
      external_market_id: "S_OUA",
      occurrence_count: 6,
      reason: "UNKNOWN_MARKET",
      specifiers: ["0.5", "1.5"],
      market_name: "Away Over/Under",
    },
    {
      source: "bet9ja",
      external_market_id: "S_XSS",
      occurrence_count: 3,
      reason: "UNKNOWN_MARKET",
      specifiers: [],
      market_name: B9_SCRIPT,
    },
  ];
  return rows.map((r) => ({ ...r, occurrence_count: r.occurrence_count * cycles })).sort(byMarketKey);
}

type Progress = ServerMessageData<"scrape_progress">;

/** One database per describe (opening and migrating one costs seconds); emptied before each test. */
const RESET = "TRUNCATE unmapped_markets, scrape_runs, audit_log RESTART IDENTITY CASCADE";

describe.each(DB_KINDS)("bookmaker scrape cycle on %s", (kind) => {
  let t: TestDatabase;
  let fake: FakeBookmaker;
  let sources: ReturnType<typeof fakeBookmakerSources>;
  let deps: CycleDeps;
  let progress: Progress[];
  let mappings: MappingService;

  beforeAll(async () => {
    if (!available(kind)) return;
    t = await openTestDatabase(kind);
    mappings = new MappingService(t.db.prisma);
    await mappings.reload();
  });
  afterAll(async () => t?.drop());

  beforeEach(async () => {
    if (!available(kind)) return;
    await t.db.exec(RESET);
    fake = await startFakeBookmaker({ world: knownWorld(Date.now()), gzip: true });
    sources = fakeBookmakerSources(fake);
    progress = [];
    const publisher: Publisher = {
      publish(type, data) {
        if (type === "scrape_progress") progress.push(data as Progress);
      },
    };
    deps = cycleDeps(t.db, { sources: sources.list, mappings: mappings.cache, publisher });
  });
  afterEach(async () => {
    sources?.close();
    await fake?.close();
  });

  const cycle = () => runManualCycle(deps);
  const rows = async () => (await storedMarkets(t.db)).sort(byMarketKey);
  const sample = async (source: string, id: string) =>
    (
      await t.db.query<{ sample_outcomes: unknown }>(
        `SELECT sample_outcomes FROM unmapped_markets WHERE source = $1::"Platform" AND external_market_id = $2`,
        [source, id],
      )
    )[0]?.sample_outcomes;

  it.skipIf(!available(kind))(
    "records exactly the known unmapped instances, none of the mapped ones; a second cycle doubles the counts",
    async () => {
      const run = await cycle();
      expect(run).toMatchObject({ status: "completed", error: null, events: 6, markets: 60, mapped: 21, unmapped: 39, newMarkets: 11 });
      expect(run.sources.sportybet).toEqual({
        events: 3,
        eventsFailed: 0,
        markets: 27,
        mapped: 9,
        unmapped: 18,
        new: 5,
        dataErrors: 9,
        errors: [],
      });
      expect(run.sources.bet9ja).toEqual({
        events: 3,
        eventsFailed: 0,
        markets: 33,
        mapped: 12,
        unmapped: 21,
        new: 6,
        dataErrors: 12,
        errors: [],
      });
      expect(await rows()).toEqual(expectedRows(1));
      // Malformed outcomes are skipped, the rest of their market kept.
      expect(await sample("sportybet", "990002")).toEqual([{ name: "Yes", odds: 1.8 }]);
      expect(await sample("bet9ja", "S_ODDS")).toEqual([{ name: "Y", odds: 1.5 }]);

      // Football only, upcoming only: nothing was asked about the basketball tournament or the started match.
      expect(
        fake
          .requestsTo("S2")
          .map((r) => r.key)
          .sort(),
      ).toEqual(["sr:tournament:17", "sr:tournament:9001"]);
      expect(
        fake
          .requestsTo("B2")
          .map((r) => r.key)
          .sort(),
      ).toEqual([premier.groupId, cup.groupId].sort());
      expect(
        fake
          .requestsTo("S3")
          .map((r) => r.key)
          .sort(),
      ).toEqual(["sr:match:61300001", "sr:match:61300002", "sr:match:61300003"]);
      expect(
        fake
          .requestsTo("B3")
          .map((r) => r.key)
          .sort(),
      ).toEqual(["707096001", "707096002", "707096003"]);

      const second = await cycle();
      expect(second).toMatchObject({ status: "completed", events: 6, unmapped: 39, newMarkets: 0 });
      expect(await rows()).toEqual(expectedRows(2));
    },
  );

  it.skipIf(!available(kind))("publishes each source's discovery and fetch counts as scrape_progress", async () => {
    const run = await cycle();
    const messages = progress.map((p) => `${p.phase} ${p.current}/${p.total} ${p.message}`);
    expect(messages[0]).toBe(`starting 0/2 Run ${run.id} started`);
    expect(messages).toContain("discovery 0/6 Found 6 upcoming events (sportybet: 2/2 lists, 3 events; bet9ja: 2/2 lists, 3 events)");
    // The first discovery report is published at once (whichever source reports first; the other
    // may not have said how many lists it has yet: "discovering", never "?"); later ones are throttled.
    const source = String.raw`(\d\/\d lists(, \d events)?|discovering)`;
    const discovering = new RegExp(String.raw`^discovery 0\/0 Discovering events: sportybet: ${source}; bet9ja: ${source}$`);
    expect(messages.some((m) => discovering.test(m) && m.includes(" lists"))).toBe(true);
    const last = progress.filter((p) => p.phase === "scraping").at(-1);
    expect(last).toMatchObject({ current: 6, total: 6, message: "Scraped 6 of 6 events (sportybet 3/3, bet9ja 3/3)" });
    expect(progress.at(-1)).toMatchObject({ phase: "completed", current: 6, total: 6 });
  });
});

describe("bookmaker scrape cycle failures (PGlite)", () => {
  let t: TestDatabase;
  let fake: FakeBookmaker;
  let sources: ReturnType<typeof fakeBookmakerSources>;
  let deps: CycleDeps;
  let mappings: MappingService;

  beforeAll(async () => {
    t = await openTestDatabase("pglite");
    mappings = new MappingService(t.db.prisma);
    await mappings.reload();
  });
  afterAll(async () => t?.drop());

  beforeEach(async () => {
    await t.db.exec(RESET);
    fake = await startFakeBookmaker({ world: knownWorld(Date.now()) });
    // Long enough that no answering request times out on a busy machine; only hangs reach it.
    sources = fakeBookmakerSources(fake, { timeoutMs: 1_500 });
    const publisher: Publisher = { publish() {} };
    deps = cycleDeps(t.db, { sources: sources.list, mappings: mappings.cache, publisher });
  });
  afterEach(async () => {
    sources?.close();
    await fake?.close();
  });

  const cycle = () => runManualCycle(deps);
  const counts = async () =>
    Object.fromEntries(
      (
        await t.db.query<{ source: string; external_market_id: string; occurrence_count: number }>(
          `SELECT source::text, external_market_id, occurrence_count FROM unmapped_markets`,
        )
      ).map((r) => [`${r.source}/${r.external_market_id}`, r.occurrence_count]),
    );

  it("records a failing tournament, failing events and retried events in the run, and ends partial", async () => {
    fake.fault({ route: "S2", key: "sr:tournament:9001", respond: { kind: "status", status: 500 } });
    fake.fault({
      route: "S3",
      key: "sr:match:61300002",
      respond: { kind: "json", body: { bizCode: 19999, message: "Event not found", data: null } },
    });
    fake.fault({ route: "B3", key: "707096001", respond: { kind: "json", body: { R: "X", D: {} } } });
    fake.fault({ route: "B3", key: "707096003", respond: { kind: "raw", body: '{"R":"OK","D":{"O":{"S_1X2_1":' } });
    fake.fault({ route: "B3", key: "707096002", times: 2, respond: { kind: "status", status: 503 } });

    const run = await cycle();
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
    expect(fake.requestsTo("B3").filter((r) => r.key === "707096002")).toHaveLength(3);
    expect(fake.requestsTo("B3").filter((r) => r.key === "707096003")).toHaveLength(1);
    expect(await counts()).toMatchObject({ "sportybet/800117": 1, "bet9ja/S_OUA": 2 });
  });

  it.each([
    // The parser prints the code without quotes, so the string "10000" reads like the number.
    ['bizCode as the string "10000"', { bizCode: "10000", message: "0#0", data: { markets: [] } }, 'bizCode="10000": 0#0'],
    ["no data", { bizCode: 10000, message: "0#0" }, "response has no data"],
    ["markets null", { bizCode: 10000, message: "0#0", data: { markets: null } }, "markets is not an array"],
  ])("fails a SportyBet event whose response has %s", async (_, body, text) => {
    fake.fault({ route: "S3", key: "sr:match:61300001", respond: { kind: "json", body } });
    const run = await cycle();
    expect(run.status).toBe("partial");
    expect(run.sources.sportybet).toMatchObject({ events: 2, eventsFailed: 1 });
    expect(run.sources.sportybet.errors[0]).toContain(text);
  });

  it.each([
    ['R "E"', { R: "E", D: null }, "event not found"],
    ["D that is not an object", { R: "OK", D: [] }, "D is missing or not an object"],
  ])("fails a Bet9ja event whose response has %s", async (_, body, text) => {
    fake.fault({ route: "B3", key: "707096003", respond: { kind: "json", body } });
    const run = await cycle();
    expect(run.sources.bet9ja).toMatchObject({ events: 2, eventsFailed: 1 });
    expect(run.sources.bet9ja.errors[0]).toContain(text);
  });

  it('accepts R "D" on a Bet9ja event', async () => {
    fake.fault({ route: "B3", key: "707096003", respond: { kind: "json", body: { R: "D", D: { O: { S_OUA_Y: "1.5" } } } } });
    const run = await cycle();
    expect(run.status).toBe("completed");
    expect(run.sources.bet9ja).toMatchObject({ events: 3, eventsFailed: 0, markets: 23 });
  });

  it("records a whole source that is down as failed and still records the other: partial", async () => {
    fake.fault({ route: "B1", respond: { kind: "json", body: { R: "E", D: null } } });
    const run = await cycle();
    expect(run.status).toBe("partial");
    expect(run.sources.bet9ja).toMatchObject({ events: 0, eventsFailed: 0, errors: ['discovery failed: Bet9ja sports tree: R="E"'] });
    expect(run.sources.sportybet).toMatchObject({ events: 3, eventsFailed: 0, errors: [] });
    expect(await counts()).toMatchObject({ "sportybet/800117": 3 });
    expect(fake.requestsTo("B2")).toHaveLength(0);
  });

  it("records a source whose every tournament fails as a failed source", async () => {
    fake.fault({ route: "S2", respond: { kind: "hang" } });
    const run = await cycle();
    expect(run.status).toBe("partial");
    const errors = run.sources.sportybet.errors;
    expect(errors.filter((e) => e.startsWith("discovery: tournament "))).toHaveLength(2);
    expect(errors.at(-1)).toMatch(
      /^discovery failed: all 2 event lists failed; first: tournament sr:tournament:\d+: .*no complete response within 1500 ms \(after 3 attempts\)$/,
    );
    expect(run.sources.bet9ja).toMatchObject({ events: 3, eventsFailed: 0 });
  });

  it("fails the run when both bookmakers are down", async () => {
    fake.fault({ route: "S1", respond: { kind: "status", status: 503 } });
    fake.fault({ route: "B1", respond: { kind: "reset" } });
    const run = await cycle();
    expect(run.status).toBe("failed");
    expect(run.error).toBe("Every source failed discovery");
    expect(run.sources.sportybet.errors).toEqual([
      "discovery failed: SportyBet GET /api/ng/factsCenter/popularAndSportList: HTTP 503 (after 3 attempts)",
    ]);
    expect(run.sources.bet9ja.errors[0]).toMatch(
      /^discovery failed: Bet9ja GET \/desktop\/feapi\/PalimpsestAjax\/GetSports: .*\(after 3 attempts\)$/,
    );
    expect(fake.requestsTo("S1")).toHaveLength(3);
    expect(fake.requestsTo("B1")).toHaveLength(3);
  });

  it("counts every instance of an event with hundreds of markets", async () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      sportyMarket(
        String(700_000 + i),
        `Many ${i}`,
        [
          ["Yes", "1.90"],
          ["No", "1.90"],
        ],
        i % 2 ? { specifier: `total=${i}.5` } : {},
      ),
    );
    const manyKeys = Object.assign(
      {},
      ...Array.from({ length: 400 }, (_, i) => bet9jaOdds(`S_MANY${i}`, i % 2 ? `${i}.5` : null, { Y: "1.90", N: "1.90" })),
    );
    fake.world = {
      tournaments: [premier],
      matches: [fakeMatch(1, premier, Date.now() + HOUR, { sportybet: { markets: many }, bet9ja: { odds: manyKeys } })],
    };
    const run = await cycle();
    expect(run.sources.sportybet).toMatchObject({ events: 1, markets: 400, unmapped: 400, new: 400, dataErrors: 0 });
    expect(run.sources.bet9ja).toMatchObject({ events: 1, markets: 400, unmapped: 400, new: 400, dataErrors: 0 });
    const c = await counts();
    expect(Object.keys(c)).toHaveLength(800);
    expect(Object.values(c).every((n) => n === 1)).toBe(true);
  });

  it("never takes a Bet9ja key for a mapped one it shares a prefix with", async () => {
    // A mapping set where S_OU is mapped and S_OU1T is not.
    deps.mappings = new MappingCache(builtinCatalog().filter((e) => e.bet9jaKey !== "S_OU1T"));
    fake.world = {
      tournaments: [premier],
      matches: [
        fakeMatch(1, premier, Date.now() + HOUR, {
          sportybet: null,
          bet9ja: {
            odds: {
              ...bet9jaOdds("S_OU", "2.5", { O: "1.88", U: "1.92" }),
              ...bet9jaOdds("S_OU1T", "0.5", { O: "1.40", U: "2.80" }),
              ...bet9jaOdds("S_OUA", "0.5", { O: "1.40", U: "2.80" }),
              ...bet9jaOdds("S_O", "2.5", { O: "1.40", U: "2.80" }),
            },
          },
        }),
      ],
    };
    const run = await cycle();
    expect(run.sources.bet9ja).toMatchObject({ events: 1, markets: 4, mapped: 1, unmapped: 3 });
    expect(await counts()).toEqual({ "bet9ja/S_OU1T": 1, "bet9ja/S_OUA": 1, "bet9ja/S_O": 1 });
  });
});

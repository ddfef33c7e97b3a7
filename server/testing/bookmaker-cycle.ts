// Whole scrape cycles through the real SportyBet and Bet9ja sources, the HTTP client and a fake
// bookmaker, with the real coordinator, parsers, mapping lookup, recorder, flush and run store: the
// world with known markets the cycle tests share, the unmapped rows one cycle over it must write,
// and their set-up (one database per block, emptied before each test; a fresh fake bookmaker
// serving that world and the real sources aimed at it). The scenarios are in
// server/scraping/sources/bookmaker-cycle*.test.ts.
import { afterEach, beforeAll, beforeEach } from "vitest";
import type { ServerMessageData } from "@/lib/contract/realtime";
import type { MappingService } from "@/server/mapping/mapping-service";
import type { CycleDeps } from "@/server/scraping/coordinator";
import type { BookmakerSourceOptions } from "@/server/scraping/sources/options";
import { cycleDeps, reloadedMappings, runManualCycle } from "./cycle";
import type { TestDatabase } from "./databases";
import { byMarketKey, storedMarkets } from "./discovery";
import {
  bet9jaOdds,
  fakeBookmakerSources,
  fakeMatch,
  TEST_TOURNAMENTS,
  sportyMarket,
  startFakeBookmaker,
  type FakeBookmaker,
  type FakeWorld,
} from "./fake-bookmaker";
import type { Route } from "./fake-bookmaker/faults";

export const HOUR = 3_600_000;
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
export function expectedRows(cycles: number) {
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

/** Opening and migrating a database costs seconds: one per block, emptied before each test. */
const RESET = "TRUNCATE unmapped_markets, scrape_runs, audit_log, snapshot_events, snapshot_markets RESTART IDENTITY CASCADE";

/**
 * Registers the block's set-up on `t` (see the file's opening comment) and returns what its tests
 * use; read the getters inside tests, where each test's fake bookmaker and dependencies exist.
 */
export function useBookmakerCycle(t: TestDatabase, options: { gzip?: boolean; source?: Partial<BookmakerSourceOptions> } = {}) {
  let mappings: MappingService;
  let sources: ReturnType<typeof fakeBookmakerSources> | undefined;
  let fake: FakeBookmaker | undefined;
  let deps: CycleDeps;
  let progress: Progress[] = [];
  beforeAll(async () => {
    mappings = await reloadedMappings(t.db);
  });
  beforeEach(async () => {
    await t.db.exec(RESET);
    fake = await startFakeBookmaker({ world: knownWorld(Date.now()), gzip: options.gzip });
    sources = fakeBookmakerSources(fake, options.source);
    progress = [];
    const publisher = {
      publish(type: string, data: unknown) {
        if (type === "scrape_progress") progress.push(data as Progress);
      },
    };
    deps = cycleDeps(t.db, { sources: sources.list, mappings: mappings.cache, publisher });
  });
  afterEach(async () => {
    sources?.close();
    await fake?.close();
  });
  return {
    get fake() {
      return fake!;
    },
    get deps() {
      return deps;
    },
    /** Every scrape_progress message of the test so far. */
    get progress() {
      return progress;
    },
    cycle: () => runManualCycle(deps),
    /** The stored unmapped rows, in key order. */
    rows: async () => (await storedMarkets(t.db)).sort(byMarketKey),
    /** Occurrence counts by "platform/external id". */
    counts: async () =>
      Object.fromEntries(
        (
          await t.db.query<{ source: string; external_market_id: string; occurrence_count: number }>(
            `SELECT source::text, external_market_id, occurrence_count FROM unmapped_markets`,
          )
        ).map((r) => [`${r.source}/${r.external_market_id}`, r.occurrence_count]),
      ),
    /** The keys (tournament, group or event) the fake bookmaker was asked for on a route, sorted. */
    asked: (route: Route) =>
      fake!
        .requestsTo(route)
        .map((r) => r.key)
        .sort(),
  };
}

// A deterministic stand-in for the two bookmakers: it hands out the same native payloads the real
// S3/B3 endpoints return (BOOKMAKER-API.md 1.7, 2.6), so the real parsers and lookup run on it.
// Everything derives from (seed, match, cycle) through a seeded PRNG: same seed, same cycle number
// and same clock give byte-identical payloads.
import { builtinCatalog, type MappingEntry } from "@/server/mapping/catalog";
import {
  BET9JA_HANDICAP_MARKETS,
  BET9JA_HAOU_FAMILY,
  BET9JA_LINE_MARKETS,
  SPORTYBET_ANY_SPECIFIER_IDS,
  SPORTYBET_HANDICAP_IDS,
  SPORTYBET_TOTAL_IDS,
  SPORTYBET_VARIANT_IDS,
} from "@/server/mapping/cache";
import sampleUnmapped from "@/server/mapping/data/sample-unmapped-markets.json";
import type { Platform } from "@/lib/contract/enums";
import { LoopYielder } from "@/server/util/yield";
import type { DiscoveredEvent, NativeEventPayload, Source } from "../types";

export interface DemoSourceOptions {
  seed: number;
  /** Matches per cycle; each is offered by both platforms. */
  events: number;
  /** Brand-new unmapped markets per platform from cycle 2 on. */
  newPerCycle?: number;
  now?: () => Date;
  /** Adds markets whose names carry HTML/script payloads, to exercise escaping downstream. */
  hostileNames?: boolean;
}

// ---------------------------------------------------------------------------------------------
// PRNG

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rngFor(seed: number, ...parts: Array<string | number>): Rng {
  return mulberry32(hash(`${seed}|${parts.join("|")}`));
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `count` consecutive values of `ladder`, starting at a random rung. */
function lines<T>(rng: Rng, ladder: readonly T[], count: number): T[] {
  const n = Math.min(count, ladder.length);
  const start = int(rng, 0, ladder.length - n);
  return ladder.slice(start, start + n);
}

/** Bookmaker-looking prices: random true probabilities plus a ~7% margin. */
function prices(rng: Rng, count: number): Array<{ odds: string; probability: string }> {
  const weights = Array.from({ length: count }, () => 0.25 + rng());
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    const p = w / total;
    return { odds: Math.max(1.01, 1 / (p * 1.07)).toFixed(2), probability: p.toFixed(4) };
  });
}

// ---------------------------------------------------------------------------------------------
// Market definitions

/** One market as the demo emits it: outcome names plus zero or more lines (one instance each). */
interface MarketSpec {
  id: string;
  name: string;
  outcomes: string[];
  /** SportyBet specifiers or Bet9ja params; [null] for a simple market. */
  lines: Array<string | null>;
}

interface UnmappedDef {
  id: string;
  /** SportyBet desc, or the Bet9ja D.MK display name (null: no MK item). */
  name: string | null;
  outcomes: string[];
  /** Line values the market may carry; empty for a simple market. */
  ladder: string[];
  presence: number;
  lineCount: number;
}

const OU = ["Over", "Under"];
const YES_NO = ["Yes", "No"];
// Ordered: the first pattern that matches a sample market's name decides its outcomes and lines.
const SHAPES: Array<[RegExp, string[], string[]]> = [
  [/correct score/i, ["0:0", "1:0", "0:1", "1:1"], []],
  [/range|bounds/i, ["0-1", "2-3", "4+"], []],
  [/goalscorer|most |player to score/i, ["K. Adeyemi", "L. Moreau", "T. Varga", "No goalscorer"], []],
  [/fouls/i, OU, ["20.5", "22.5", "24.5", "26.5"]],
  [/booking points/i, OU, ["25.5", "35.5", "45.5"]],
  [/over\/under|shots/i, OU, ["2.5", "3.5", "4.5", "5.5"]],
  [/1st goal|race/i, ["Home", "None", "Away"], []],
  [/1x2/i, ["Home", "Draw", "Away"], []],
];

function sportybetShape(name: string): { outcomes: string[]; ladder: string[] } {
  for (const [pattern, outcomes, ladder] of SHAPES) {
    if (pattern.test(name)) return { outcomes, ladder };
  }
  return { outcomes: YES_NO, ladder: [] };
}

function bet9jaShape(market: string): { outcomes: string[]; ladder: string[] } {
  if (market.includes("OU")) return { outcomes: ["O", "U"], ladder: ["1.5", "2.5", "3.5", "4.5"] };
  if (market.includes("HND") || market.startsWith("CAH")) {
    return { outcomes: ["1", "2"], ladder: ["-1.5", "-0.5", "0.5", "1.5"] };
  }
  if (market.startsWith("DC")) return { outcomes: ["1X", "X2", "12"], ladder: [] };
  if (market.startsWith("1X2")) return { outcomes: ["1", "X", "2"], ladder: [] };
  if (market === "EXT12") return { outcomes: ["1", "2"], ladder: [] };
  if (market.includes("GOALS")) return { outcomes: ["0", "1", "2", "3+"], ladder: [] };
  return { outcomes: ["Y", "N"], ladder: [] };
}

// The sample file has no Bet9ja names; D.MK carries display names for about half of the markets.
const BET9JA_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  AWAYSCORE: "Away Team To Score",
  GOALSHOME: "Home Team Goals",
  "1X2MULTI2-4": "1X2 & Multigoals 2-4",
  "1X2MULTI1-3": "1X2 & Multigoals 1-3",
  "DCMULTI3-5": "Double Chance & Multigoals 3-5",
  PEN: "Penalty In Match",
  HNDCORNER: "Corner Handicap",
  HOUST: "Home Shots On Target Over/Under",
  HOUOFF: "Home Offsides Over/Under",
  STOU: "Shots On Target Over/Under",
  ST: "Shots On Target",
  HST: "Home Shots On Target",
  HS: "Home Shots",
  REDCARD: "Red Card In Match",
  EXT12: "Extra Time 1-2",
};

const NEW_TEMPLATES: Array<{ name: string; outcomes: string[]; ladder: string[] }> = [
  { name: "Player Assists Over/Under", outcomes: OU, ladder: ["0.5", "1.5"] },
  { name: "Corner Race to 5", outcomes: ["Home", "Neither", "Away"], ladder: [] },
  { name: "Goalkeeper Saves Over/Under", outcomes: OU, ladder: ["2.5", "3.5", "4.5"] },
  { name: "Penalty Awarded", outcomes: YES_NO, ladder: [] },
  { name: "Offsides Over/Under", outcomes: OU, ladder: ["2.5", "3.5"] },
  { name: "First Team to Receive a Card", outcomes: ["Home", "None", "Away"], ladder: [] },
  { name: "Both Teams to Receive a Card", outcomes: YES_NO, ladder: [] },
  { name: "Hit the Woodwork", outcomes: YES_NO, ladder: [] },
];
const PERIODS = ["", " - 1st Half", " - 2nd Half"];

const BET9JA_SUFFIXES: Readonly<Record<string, string>> = {
  Over: "O",
  Under: "U",
  Yes: "Y",
  No: "N",
  Home: "1",
  Away: "2",
  None: "N",
  Neither: "N",
};

function newUnmapped(seed: number, platform: Platform, k: number): UnmappedDef {
  const template = NEW_TEMPLATES[k % NEW_TEMPLATES.length];
  const round = Math.floor(k / NEW_TEMPLATES.length);
  const period = PERIODS[round % PERIODS.length];
  const repeat = Math.floor(round / PERIODS.length);
  const name = `${template.name}${period}${repeat > 0 ? ` (${repeat + 1})` : ""}`;
  const rng = rngFor(seed, "new", platform, k);
  const sportybet = platform === "sportybet";
  return {
    // "97" + a number of 4+ digits never meets a catalog or sample id.
    id: sportybet ? `97${1001 + k}` : `S_DEMONEW${k + 1}`,
    name: sportybet || k % 2 === 0 ? name : null,
    outcomes: sportybet ? template.outcomes : template.outcomes.map((o) => BET9JA_SUFFIXES[o] ?? o),
    ladder: template.ladder,
    presence: 0.6 + 0.3 * rng(),
    lineCount: int(rng, 1, 2),
  };
}

function sampleUnmappedDefs(seed: number, platform: Platform): UnmappedDef[] {
  return sampleUnmapped
    .filter((m) => m.platform === platform)
    .map((m) => {
      const rng = rngFor(seed, "sample", platform, m.externalMarketId);
      const sportybet = platform === "sportybet";
      const shape = sportybet ? sportybetShape(m.name ?? "") : bet9jaShape(m.externalMarketId);
      return {
        id: sportybet ? m.externalMarketId : `S_${m.externalMarketId}`,
        name: sportybet ? (m.name ?? m.externalMarketId) : (BET9JA_DISPLAY_NAMES[m.externalMarketId] ?? null),
        ...shape,
        presence: 0.6 + 0.3 * rng(),
        lineCount: int(rng, 1, 3),
      };
    });
}

function hostileDefs(platform: Platform): UnmappedDef[] {
  const base = { ladder: [], presence: 0.8, lineCount: 1 };
  return platform === "sportybet"
    ? [
        { ...base, id: "990001", name: "Player <img src=x onerror=alert(1)> Shots", outcomes: YES_NO },
        {
          ...base,
          id: "990002",
          name: "<script>alert(1)</script> Booking Race",
          outcomes: ["<b>Home</b>", "Away"],
        },
      ]
    : [
        { ...base, id: "S_DEMOXSS1", name: "<img src=x onerror=alert(1)>", outcomes: ["Y", "N"] },
        { ...base, id: "S_DEMOXSS2", name: "<script>alert(1)</script>", outcomes: ["Y", "N"] },
      ];
}

// Catalog markets -----------------------------------------------------------------------------

const GOAL_LINES = ["0.5", "1.5", "2.5", "3.5", "4.5"];
const SPORTYBET_LADDERS: Readonly<Record<string, string[]>> = {
  "166": ["8.5", "9.5", "10.5", "11.5"],
  "177": ["3.5", "4.5", "5.5"],
  "139": ["30.5", "40.5", "50.5"],
};
const SPORTYBET_VARIANTS: Readonly<Record<string, string>> = {
  "15": "sr:winning_margin:3+",
  "21": "sr:exact_goals:6+",
  "23": "sr:exact_goals:3+",
  "24": "sr:exact_goals:3+",
  "71": "sr:exact_goals:2+",
  "93": "sr:exact_goals:2+",
};
const EUROPEAN_HANDICAPS = ["0:1", "1:0", "0:2", "2:0"];
const ASIAN_HANDICAPS = ["-1.5", "-1", "-0.5", "0", "0.5", "1"];
const SPORTYBET_CORE = ["1", "10", "29", "18", "16", "14", "11", "47", "45", "26"];
const BET9JA_CORE = ["S_1X2", "S_DC", "S_GGNG", "S_OU", "S_AH", "S_1X2HND", "S_DNB", "S_HTFT", "S_CSFT", "S_OE"];

interface CatalogDef {
  id: string;
  name: string;
  outcomes: string[];
  /** Builds the market's lines for one event. */
  lines: (rng: Rng) => Array<string | null>;
}

const single = (): Array<string | null> => [null];

function namedOutcomes(entry: MappingEntry, pick: "sportybetDesc" | "bet9jaSuffix"): string[] {
  const sorted = [...entry.outcomes].sort((a, b) => a.position - b.position);
  const names = sorted.map((o) => o[pick]).filter((n): n is string => n !== null);
  return [...new Set(names)];
}

function mappable(entry: MappingEntry, pick: "sportybetDesc" | "bet9jaSuffix"): boolean {
  return entry.betpawaId !== null && entry.outcomes.some((o) => o[pick] !== null && o.betpawaName !== null);
}

function sportybetLines(id: string): (rng: Rng) => Array<string | null> {
  if (SPORTYBET_TOTAL_IDS.has(id)) {
    const ladder = SPORTYBET_LADDERS[id] ?? (id === "18" ? GOAL_LINES : GOAL_LINES.slice(0, 4));
    return (rng) => lines(rng, ladder, int(rng, 1, 3)).map((l) => `total=${l}`);
  }
  if (SPORTYBET_HANDICAP_IDS.has(id)) {
    const european = ["14", "65", "87"].includes(id);
    const ladder = european ? EUROPEAN_HANDICAPS : ASIAN_HANDICAPS;
    return (rng) => lines(rng, ladder, int(rng, 1, 3)).map((h) => `hcp=${h}`);
  }
  if (SPORTYBET_VARIANT_IDS.has(id)) {
    const variant = SPORTYBET_VARIANTS[id] ?? "sr:goal_range:7+";
    return () => [`variant=${variant}`];
  }
  if (SPORTYBET_ANY_SPECIFIER_IDS.has(id)) return () => ["from=1|to=10"];
  return single;
}

function bet9jaLines(market: string): (rng: Rng) => Array<string | null> {
  if (BET9JA_LINE_MARKETS.has(market)) return (rng) => lines(rng, GOAL_LINES, int(rng, 1, 3));
  if (BET9JA_HANDICAP_MARKETS.has(market)) {
    const ladder = market.includes("1X2HND") ? ["-2", "-1", "1", "2"] : ASIAN_HANDICAPS;
    return (rng) => lines(rng, ladder, int(rng, 1, 3));
  }
  return single;
}

function catalogDefs(platform: Platform): CatalogDef[] {
  const entries = builtinCatalog();
  if (platform === "sportybet") {
    return entries
      .filter((e) => e.sportybetId !== null && mappable(e, "sportybetDesc"))
      .map((e) => ({
        id: e.sportybetId as string,
        name: e.name,
        outcomes: namedOutcomes(e, "sportybetDesc"),
        lines: sportybetLines(e.sportybetId as string),
      }));
  }
  const seen = new Set<string>();
  const defs: CatalogDef[] = [];
  for (const e of entries) {
    const key = e.bet9jaKey;
    if (key === null || seen.has(key) || BET9JA_HAOU_FAMILY.has(key)) continue;
    seen.add(key);
    if (mappable(e, "bet9jaSuffix")) {
      defs.push({
        id: key,
        name: e.name,
        outcomes: namedOutcomes(e, "bet9jaSuffix"),
        lines: bet9jaLines(key.slice(2)),
      });
    }
  }
  // The combined home/away O/U keys are split by the scraper (2.7 step 2) rather than looked up.
  for (const key of BET9JA_HAOU_FAMILY.keys()) {
    const fullTime = key === "S_HAOU";
    const period = fullTime ? "" : key === "S_HA1HOU" ? " - First Half" : " - Second Half";
    defs.push({
      id: key,
      name: `Home/Away Over/Under${period}`,
      outcomes: fullTime ? ["OH", "UH", "OA", "UA"] : ["HO", "HU", "AO", "AU"],
      lines: (rng) => lines(rng, GOAL_LINES.slice(0, 3), int(rng, 1, 2)),
    });
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------
// Matches and payloads

const HOUR = 3_600_000;
/** Kick-offs spread over this window; a slot whose match has started re-opens one period later. */
const PERIOD = 72 * HOUR;
/** Discovered kick-offs stay at least this far ahead, so they are still upcoming when fetched. */
const LEAD = 10 * 60_000;

const TEAMS = [
  "Alpha FC",
  "Beta United",
  "Gamma Town",
  "Delta City",
  "Epsilon Rovers",
  "Zeta Athletic",
  "Eta Wanderers",
  "Theta Albion",
  "Iota County",
  "Kappa Rangers",
  "Lambda Stars",
  "Mu Harbour",
  "Nu Valley",
  "Xi Borough",
  "Omicron Park",
  "Pi Forest",
  "Rho Villa",
  "Sigma Olympic",
  "Tau Dynamo",
  "Upsilon Sporting",
  "Phi Real",
  "Chi Academicals",
  "Psi Mariners",
  "Omega Vale",
];
const TOURNAMENTS = [
  { country: "England", name: "Premier League", sr: "17", category: "1", group: "170880" },
  { country: "Spain", name: "LaLiga", sr: "8", category: "32", group: "180928" },
  { country: "Italy", name: "Serie A", sr: "23", category: "31", group: "167856" },
  { country: "Nigeria", name: "NPFL", sr: "1442", category: "124", group: "1033125" },
];

interface Match {
  slot: number;
  generation: number;
  srId: number;
  bet9jaId: number;
  kickoff: number;
  home: string;
  away: string;
  homeIndex: number;
  awayIndex: number;
  tournament: (typeof TOURNAMENTS)[number];
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

interface World {
  seed: number;
  events: number;
  newPerCycle: number;
  anchor: number;
  srBase: number;
  bet9jaBase: number;
  catalog: Record<Platform, CatalogDef[]>;
  unmapped: Record<Platform, UnmappedDef[]>;
}

function slotOffset(world: World, slot: number): number {
  return HOUR + int(rngFor(world.seed, "slot", slot), 0, 71 * 4) * 15 * 60_000;
}

function matchAt(world: World, slot: number, generation: number): Match {
  const rng = rngFor(world.seed, "match", slot, generation);
  const homeIndex = int(rng, 0, TEAMS.length - 1);
  const awayIndex = (homeIndex + int(rng, 1, TEAMS.length - 1)) % TEAMS.length;
  const ordinal = generation * world.events + slot;
  return {
    slot,
    generation,
    srId: world.srBase + ordinal,
    bet9jaId: world.bet9jaBase + ordinal,
    kickoff: world.anchor + slotOffset(world, slot) + generation * PERIOD,
    home: TEAMS[homeIndex],
    away: TEAMS[awayIndex],
    homeIndex,
    awayIndex,
    tournament: TOURNAMENTS[int(rng, 0, TOURNAMENTS.length - 1)],
  };
}

/** The match a slot offers at `now`: the first generation still comfortably in the future. */
function currentMatch(world: World, slot: number, now: number): Match {
  const first = world.anchor + slotOffset(world, slot);
  const behind = now + LEAD - first;
  return matchAt(world, slot, behind < 0 ? 0 : Math.floor(behind / PERIOD) + 1);
}

function matchFromOrdinal(world: World, ordinal: number): Match | null {
  if (!Number.isSafeInteger(ordinal) || ordinal < 0) return null;
  return matchAt(world, ordinal % world.events, Math.floor(ordinal / world.events));
}

/** Markets one platform offers for one match in one cycle. */
function marketsFor(world: World, platform: Platform, match: Match, cycle: number): MarketSpec[] {
  const rng = rngFor(world.seed, "markets", platform, match.srId);
  const core = platform === "sportybet" ? SPORTYBET_CORE : BET9JA_CORE;
  const pool = world.catalog[platform];
  const chosen = pool.filter((d) => core.includes(d.id));
  const rest = shuffled(
    rng,
    pool.filter((d) => !core.includes(d.id)),
  );
  chosen.push(...rest.slice(0, Math.max(0, int(rng, 25, 40) - chosen.length)));

  const specs: MarketSpec[] = chosen.map((d) => ({
    id: d.id,
    name: d.name,
    outcomes: d.outcomes,
    lines: d.lines(rng),
  }));

  const introduced = Math.max(0, cycle - 1) * world.newPerCycle;
  const unmapped = [...world.unmapped[platform], ...Array.from({ length: introduced }, (_, k) => newUnmapped(world.seed, platform, k))];
  unmapped.forEach((def, index) => {
    const presence = rngFor(world.seed, "presence", platform, def.id, match.srId)();
    // Every market shows up in at least one match per cycle, so each one is discoverable.
    if (presence >= def.presence && index % world.events !== match.slot) return;
    const lineRng = rngFor(world.seed, "lines", platform, def.id, match.srId);
    const chosenLines = def.ladder.length === 0 ? [null] : lines(lineRng, def.ladder, def.lineCount);
    specs.push({
      id: def.id,
      name: def.name ?? def.id,
      outcomes: def.outcomes,
      lines: platform === "sportybet" ? chosenLines.map((l) => (l === null ? null : `total=${l}`)) : chosenLines,
    });
  });
  return specs;
}

function sportybetBody(world: World, match: Match, cycle: number): unknown {
  const priceRng = rngFor(world.seed, "odds", "sportybet", match.srId, cycle);
  const markets = marketsFor(world, "sportybet", match, cycle).flatMap((spec) =>
    spec.lines.map((specifier) => {
      const quoted = prices(priceRng, spec.outcomes.length);
      return {
        id: spec.id,
        product: 3,
        desc: spec.name,
        name: spec.name,
        group: "Main",
        ...(specifier === null ? {} : { specifier }),
        status: 0,
        favourite: 0,
        banned: false,
        sourceType: "BET_RADAR",
        outcomes: spec.outcomes.map((desc, i) => ({
          id: String(i + 1),
          odds: quoted[i].odds,
          probability: quoted[i].probability,
          voidProbability: "0E-10",
          isActive: 1,
          desc,
        })),
      };
    }),
  );
  const { tournament: t } = match;
  return {
    bizCode: 10000,
    message: "0#0",
    data: {
      eventId: `sr:match:${match.srId}`,
      gameId: String(20000 + match.slot),
      productStatus: "0#0",
      estimateStartTime: match.kickoff,
      status: 0,
      matchStatus: "Not start",
      homeTeamId: `sr:competitor:${1000 + match.homeIndex}`,
      homeTeamName: match.home,
      awayTeamId: `sr:competitor:${1000 + match.awayIndex}`,
      awayTeamName: match.away,
      sport: {
        id: "sr:sport:1",
        name: "Football",
        category: {
          id: `sr:category:${t.category}`,
          name: t.country,
          tournament: { id: `sr:tournament:${t.sr}`, name: t.name },
        },
      },
      markets,
    },
  };
}

function bet9jaBody(world: World, match: Match, cycle: number): unknown {
  const priceRng = rngFor(world.seed, "odds", "bet9ja", match.srId, cycle);
  const odds: Record<string, string> = {};
  const mk: Array<Record<string, unknown>> = [];
  for (const spec of marketsFor(world, "bet9ja", match, cycle)) {
    for (const param of spec.lines) {
      const quoted = prices(priceRng, spec.outcomes.length);
      const prefix = param === null ? spec.id : `${spec.id}@${param}`;
      spec.outcomes.forEach((suffix, i) => {
        odds[`${prefix}_${suffix}`] = quoted[i].odds;
      });
    }
    // Unnamed markets have no MK item, as on the live site for many niche markets.
    if (spec.name !== spec.id) {
      mk.push({
        ID: spec.id,
        DS: spec.name,
        GCAT: "ALL",
        MARKETID: String(mk.length + 1),
        SGN: spec.outcomes,
        SGNK: spec.outcomes,
      });
    }
  }
  const { tournament: t } = match;
  return {
    R: "OK",
    D: {
      ID: String(match.bet9jaId),
      EXTID: String(match.srId),
      DS: `${match.home} - ${match.away}`,
      STARTDATE: utcStamp(match.kickoff),
      GID: t.group,
      GN: t.name,
      SG: t.country,
      O: odds,
      MK: mk,
    },
  };
}

// What the real endpoints answer for an unknown event (1.9 "S3 not found", 2.8 "B3 not found").
const sportybetNotFound = () => ({ bizCode: 19999, message: "Event not found", data: null });
const bet9jaNotFound = () => ({ R: "E", D: null });

function buildWorld(opts: DemoSourceOptions, now: number): World {
  if (!Number.isInteger(opts.events) || opts.events < 1) {
    throw new Error("demo source: events must be a positive integer");
  }
  const rng = rngFor(opts.seed, "world");
  const hostile = opts.hostileNames === true;
  return {
    seed: opts.seed,
    events: opts.events,
    newPerCycle: Math.max(0, Math.floor(opts.newPerCycle ?? 2)),
    anchor: (Math.floor(now / HOUR) + 1) * HOUR,
    srBase: 60_000_000 + int(rng, 0, 999) * 10_000,
    bet9jaBase: 700_000_000 + int(rng, 0, 999) * 10_000,
    catalog: { sportybet: catalogDefs("sportybet"), bet9ja: catalogDefs("bet9ja") },
    unmapped: {
      sportybet: [...sampleUnmappedDefs(opts.seed, "sportybet"), ...(hostile ? hostileDefs("sportybet") : [])],
      bet9ja: [...sampleUnmappedDefs(opts.seed, "bet9ja"), ...(hostile ? hostileDefs("bet9ja") : [])],
    },
  };
}

export function createDemoSource(opts: DemoSourceOptions): Source {
  const now = opts.now ?? (() => new Date());
  const world = buildWorld(opts, now().getTime());
  let cycle = 0;

  return {
    name: "demo",

    async discover(signal: AbortSignal): Promise<DiscoveredEvent[]> {
      signal.throwIfAborted();
      cycle += 1;
      const at = now().getTime();
      const found: DiscoveredEvent[] = [];
      // Thousands of matches take tens of milliseconds to place: let the server serve requests
      // meanwhile, as a real source does while it waits for its lists.
      const turns = new LoopYielder();
      for (let slot = 0; slot < world.events; slot++) {
        await turns.yieldIfDue();
        signal.throwIfAborted();
        const match = currentMatch(world, slot, at);
        const startsAt = () => new Date(match.kickoff);
        found.push({ source: "sportybet", ref: `sr:match:${match.srId}`, startsAt: startsAt() });
        found.push({ source: "bet9ja", ref: String(match.bet9jaId), startsAt: startsAt() });
      }
      return found;
    },

    async fetchEvent(event: DiscoveredEvent, signal: AbortSignal): Promise<NativeEventPayload> {
      signal.throwIfAborted();
      // A fetch before any discover() sees cycle 1's markets.
      const current = Math.max(1, cycle);
      if (event.source === "sportybet") {
        const n = /^sr:match:(\d{1,15})$/.exec(event.ref);
        const match = n === null ? null : matchFromOrdinal(world, Number(n[1]) - world.srBase);
        const body = match === null ? sportybetNotFound() : sportybetBody(world, match, current);
        return { platform: "sportybet", body };
      }
      const id = /^\d{1,15}$/.test(event.ref) ? Number(event.ref) : Number.NaN;
      const match = Number.isNaN(id) ? null : matchFromOrdinal(world, id - world.bet9jaBase);
      const body = match === null ? bet9jaNotFound() : bet9jaBody(world, match, current);
      return { platform: "bet9ja", body };
    },
  };
}

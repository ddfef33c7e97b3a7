// The markets the demo offers: catalog markets (they look up as mapped), the real sample of unmapped
// markets, brand-new ones appearing each cycle, and optional hostile names.
import type { Platform } from "@/lib/contract/enums";
import { builtinCatalog, type MappingEntry } from "@/server/mapping/catalog";
import {
  BET9JA_HANDICAP_MARKETS,
  BET9JA_HAOU_FAMILY,
  BET9JA_LINE_MARKETS,
  SPORTYBET_ANY_SPECIFIER_IDS,
  SPORTYBET_HANDICAP_IDS,
  SPORTYBET_TOTAL_IDS,
  SPORTYBET_VARIANT_IDS,
} from "@/server/mapping/lookup-tables";
import sampleUnmapped from "@/server/mapping/data/sample-unmapped-markets.json";
import { int, lines, rngFor, type Rng } from "@/server/util/prng";

/** How a market is priced (server/pricing/fair-prices.ts): the same key on both platforms, same prices. */
interface Priced {
  /** The market's identity across platforms (a canonical id for catalog markets). */
  priceKey: string;
  /** Per outcome, the key its fair probability is drawn by; outcomes with equal keys agree. */
  outcomeKeys: string[];
  /** Fair weights per outcome key, for markets whose outcomes are far from alike. */
  weights?: Readonly<Record<string, number>>;
}

/** One market as the demo emits it: outcome names plus zero or more lines (one instance each). */
export interface MarketSpec extends Priced {
  id: string;
  name: string;
  outcomes: string[];
  /** SportyBet specifiers or Bet9ja params; [null] for a simple market. */
  lines: Array<string | null>;
}

export interface UnmappedDef {
  id: string;
  /** SportyBet desc, or the Bet9ja D.MK display name (null: no MK item). */
  name: string | null;
  outcomes: string[];
  /** Line values the market may carry; empty for a simple market. */
  ladder: string[];
  presence: number;
  lineCount: number;
  /** Priced on its own per platform unless it says what it shares (new markets and the traps do). */
  priced?: Priced;
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

export function newUnmapped(seed: number, platform: Platform, k: number): UnmappedDef {
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
    // The k-th new market is the same market on both platforms: it is priced the same.
    priced: { priceKey: `new:${k}`, outcomeKeys: template.outcomes },
  };
}

export function sampleUnmappedDefs(seed: number, platform: Platform): UnmappedDef[] {
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

export function hostileDefs(platform: Platform): UnmappedDef[] {
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
export const SPORTYBET_CORE = ["1", "10", "29", "18", "16", "14", "11", "47", "45", "26"];
export const BET9JA_CORE = ["S_1X2", "S_DC", "S_GGNG", "S_OU", "S_AH", "S_1X2HND", "S_DNB", "S_HTFT", "S_CSFT", "S_OE"];

export interface CatalogDef extends Priced {
  id: string;
  name: string;
  outcomes: string[];
  /** Builds the market's lines for one event. */
  lines: (rng: Rng) => Array<string | null>;
}

const single = (): Array<string | null> => [null];

/** The platform's outcome names in position order, each priced by its canonical outcome. */
function namedOutcomes(
  entry: MappingEntry,
  pick: "sportybetDesc" | "bet9jaSuffix",
): Pick<CatalogDef, "outcomes" | "outcomeKeys" | "priceKey"> {
  const keys = new Map<string, string>();
  for (const o of [...entry.outcomes].sort((a, b) => a.position - b.position)) {
    const name = o[pick];
    if (name !== null && !keys.has(name)) keys.set(name, o.canonicalId);
  }
  return { priceKey: entry.canonicalId, outcomes: [...keys.keys()], outcomeKeys: [...keys.values()] };
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

export function catalogDefs(platform: Platform): CatalogDef[] {
  const entries = builtinCatalog();
  if (platform === "sportybet") {
    return entries
      .filter((e) => e.sportybetId !== null && mappable(e, "sportybetDesc"))
      .map((e) => ({
        id: e.sportybetId as string,
        name: e.name,
        ...namedOutcomes(e, "sportybetDesc"),
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
        ...namedOutcomes(e, "bet9jaSuffix"),
        lines: bet9jaLines(key.slice(2)),
      });
    }
  }
  // The combined home/away O/U keys are split by the scraper (2.7 step 2) rather than looked up.
  for (const key of BET9JA_HAOU_FAMILY.keys()) {
    const fullTime = key === "S_HAOU";
    const period = fullTime ? "" : key === "S_HA1HOU" ? " - First Half" : " - Second Half";
    const outcomes = fullTime ? ["OH", "UH", "OA", "UA"] : ["HO", "HU", "AO", "AU"];
    defs.push({
      id: key,
      name: `Home/Away Over/Under${period}`,
      outcomes,
      priceKey: `bet9ja:${key}`,
      outcomeKeys: outcomes,
      lines: (rng) => lines(rng, GOAL_LINES.slice(0, 3), int(rng, 1, 2)),
    });
  }
  return defs;
}

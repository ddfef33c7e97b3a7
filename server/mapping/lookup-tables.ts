// The reference scraper's id tables (BOOKMAKER-API.md 1.8 for SportyBet, 2.7 for Bet9ja): which
// built-in markets take which kind of line, and the Bet9ja home/away O/U keys split before any
// look-up. Data the mapping cache's rules read, and the demo feed too (to offer lines the rules
// understand); kept apart from the rules so each file reads as one thing.

/** SportyBet ids whose `total=` specifier is a line (1.8 step 2). */
export const SPORTYBET_TOTAL_IDS: ReadonlySet<string> = new Set([
  "18",
  "68",
  "90",
  "19",
  "20",
  "69",
  "70",
  "91",
  "92",
  "166",
  "177",
  "139",
  "152",
  "900300",
  "900301",
  "900302",
  "900303",
  "900304",
  "900305",
  "900306",
  "900307",
  "37",
  "547",
  "818",
  "36",
]);
/** SportyBet ids whose `hcp=` specifier is a handicap. */
export const SPORTYBET_HANDICAP_IDS: ReadonlySet<string> = new Set(["14", "16", "65", "66", "87", "88", "165", "176"]);
/** SportyBet ids whose `variant=` specifier still gives a simple market. */
export const SPORTYBET_VARIANT_IDS: ReadonlySet<string> = new Set([
  "21",
  "23",
  "24",
  "71",
  "93",
  "15",
  "548",
  "549",
  "550",
  "551",
  "552",
  "553",
]);
/** SportyBet ids that accept any specifier (time windows such as `from=1|to=10`). */
export const SPORTYBET_ANY_SPECIFIER_IDS: ReadonlySet<string> = new Set(["105"]);

/** Bet9ja MARKETs (key without `S_`) that need a numeric line PARAM (2.7 step 4). */
export const BET9JA_LINE_MARKETS: ReadonlySet<string> = new Set([
  "OU",
  "OU1T",
  "OU2T",
  "OUCORNERS",
  "OUCORNERS1T",
  "CORNERSHOMEOU",
  "CORNERSAWAYOU",
  "OUBOOK",
  "OUBOOK1T",
  "OUBOOKHOME",
  "OUBOOKAWAY",
  "HTFTOU",
  "1X2OU",
  "DCOU",
]);
/** Bet9ja MARKETs that need a numeric handicap PARAM (2.7 step 5). */
export const BET9JA_HANDICAP_MARKETS: ReadonlySet<string> = new Set([
  "AH",
  "AH1T",
  "AH2T",
  "1X2HND",
  "1X2HNDHT",
  "1X2HND2TN",
  "AHCORNERS",
  "AHCORNERS1T",
]);

export interface HaouTarget {
  betpawaId: string;
  fallbackCanonicalId: string;
}
/** Bet9ja combined home/away O/U keys, split before any table look-up (2.7 step 2). */
export const BET9JA_HAOU_FAMILY: ReadonlyMap<string, { home: HaouTarget; away: HaouTarget }> = new Map([
  [
    "S_HAOU",
    {
      home: { betpawaId: "5006", fallbackCanonicalId: "home_over_under_ft" },
      away: { betpawaId: "5003", fallbackCanonicalId: "away_over_under_ft" },
    },
  ],
  [
    "S_HA1HOU",
    {
      home: { betpawaId: "4964", fallbackCanonicalId: "home_over_under_1h" },
      away: { betpawaId: "4961", fallbackCanonicalId: "away_over_under_1h" },
    },
  ],
  [
    "S_HA2HOU",
    {
      home: { betpawaId: "4982", fallbackCanonicalId: "home_over_under_2h" },
      away: { betpawaId: "4979", fallbackCanonicalId: "away_over_under_2h" },
    },
  ],
]);
export const HAOU_HOME_SUFFIXES: ReadonlySet<string> = new Set(["OH", "HO", "UH", "HU"]);
export const HAOU_AWAY_SUFFIXES: ReadonlySet<string> = new Set(["OA", "AO", "UA", "AU"]);

// A small source in the platforms' native formats with known markets per event:
// SportyBet: 1X2 and O/U 2.5 (mapped); 800117 "Player To Be Booked" (UNKNOWN_MARKET); 18 with an
// unparsable line (UNKNOWN_PARAM_MARKET); 900069 at two lines (UNSUPPORTED_PLATFORM).
// Bet9ja: 1X2, O/U 1.5 and 2.5 (mapped); S_OUA at two lines and S_OU1TX (UNKNOWN_MARKET, sharing
// a prefix with S_OU).
import { SourceError } from "@/server/scraping/errors";
import type { DiscoveredEvent, Source } from "@/server/scraping/types";

const future = new Date(Date.now() + 86_400_000);

const sportyMarket = (id: string, desc: string, specifier: string | null, outcomes: [string, string][]) => ({
  id,
  product: 3,
  desc,
  status: 0,
  favourite: 0,
  banned: false,
  ...(specifier ? { specifier } : {}),
  outcomes: outcomes.map(([d, odds], i) => ({ id: String(i + 1), desc: d, odds, probability: "0.5", isActive: 1 })),
});

/** Each event: 1X2 and O/U 2.5 (mapped), "Player To Be Booked" 800117 (unmapped) and O/U with a bad line. */
function sportyEvent(n: number) {
  return {
    bizCode: 10000,
    message: "0#0",
    data: {
      eventId: `sr:match:${n}`,
      markets: [
        sportyMarket("1", "1X2", null, [
          ["Home", "2.10"],
          ["Draw", "3.30"],
          ["Away", "3.40"],
        ]),
        sportyMarket("18", "Over/Under", "total=2.5", [
          ["Over 2.5", "1.85"],
          ["Under 2.5", "1.95"],
        ]),
        sportyMarket("800117", "Player To Be Booked", null, [
          ["Yes", "2.50"],
          ["No", "1.50"],
        ]),
        sportyMarket("18", "Over/Under", "total=lots", [
          ["Over", "1.85"],
          ["Under", "1.95"],
        ]),
        sportyMarket("900069", "1X2 from 1 to 5 minute", "from=1|to=5", [
          ["Home", "9.0"],
          ["Draw", "1.1"],
          ["Away", "9.5"],
        ]),
        sportyMarket("900069", "1X2 from 1 to 5 minute", "from=6|to=10", [
          ["Home", "9.0"],
          ["Draw", "1.1"],
          ["Away", "9.5"],
        ]),
      ],
    },
  };
}

/** Each event: 1X2 and O/U 1.5 + 2.5 (mapped), S_OUA at two lines and S_OU1TX (unmapped; share prefixes with S_OU). */
function bet9jaEvent(n: number) {
  return {
    R: "OK",
    D: {
      ID: String(700 + n),
      EXTID: String(n),
      O: {
        S_1X2_1: "2.05",
        S_1X2_X: "3.25",
        S_1X2_2: "3.50",
        "S_OU@1.5_O": "1.30",
        "S_OU@1.5_U": "3.20",
        "S_OU@2.5_O": "1.88",
        "S_OU@2.5_U": "1.92",
        "S_OUA@0.5_O": "1.40",
        "S_OUA@0.5_U": "2.80",
        "S_OUA@1.5_O": "2.40",
        "S_OUA@1.5_U": "1.55",
        S_OU1TX_Y: "1.70",
      },
      MK: [{ ID: "S_OUA", DS: "Away Over/Under" }],
    },
  };
}

export function fixtureSource(events: number, failing: Set<string> = new Set()): Source {
  return {
    name: "fixture",
    async discover() {
      const out: DiscoveredEvent[] = [];
      for (let n = 1; n <= events; n++) {
        out.push({ source: "sportybet", ref: `sr:match:${n}`, startsAt: future });
        out.push({ source: "bet9ja", ref: String(700 + n), startsAt: future });
      }
      return out;
    },
    async fetchEvent(event) {
      if (failing.has(event.ref)) throw new SourceError("http", "HTTP 503 after 3 attempts", 503);
      const n = event.source === "sportybet" ? Number(event.ref.split(":")[2]) : Number(event.ref) - 700;
      return event.source === "sportybet" ? { platform: "sportybet", body: sportyEvent(n) } : { platform: "bet9ja", body: bet9jaEvent(n) };
    },
  };
}

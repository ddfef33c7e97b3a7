import { describe, expect, it } from "vitest";
import type { Platform } from "@/lib/contract/enums";
import { builtinCatalog } from "@/server/mapping/catalog";
import { parseEvent } from "@/server/scraping/sources";
import { createDemoSource } from "@/server/scraping/sources/demo";
import type { Sighting } from "@/server/scraping/types";
import { fakeOdds } from "@/server/testing/fake-bookmaker";
import { checkPairing, CONSISTENT_MAX_DIFF, type EventOdds, type Pairing } from "./consistency";
import { BOOK_MARGINS, bookPrices, lineKey, type PriceKey } from "./fair-prices";
import { deMargin } from "./implied";

const signal = new AbortController().signal;
const key: PriceKey = { seed: 1, match: "61300947", market: "1x2_ft", line: null };

describe("line keys", () => {
  it("write a line the same way for both books", () => {
    expect(lineKey("total=2.5")).toBe("2.5");
    expect(lineKey("2.50")).toBe("2.5");
    expect(lineKey("hcp=0:1")).toBe("-1");
    expect(lineKey("hcp=2:0")).toBe("2");
    expect(lineKey("-1")).toBe("-1");
    expect(lineKey("hcp=-0.5")).toBe("-0.5");
    expect(lineKey("variant=sr:exact_goals:2+")).toBe("variant=sr:exact_goals:2+");
    expect(lineKey("from=1|to=10")).toBe("from=1|to=10");
    expect(lineKey(null)).toBeNull();
    expect(lineKey("")).toBeNull();
  });
});

describe("book prices", () => {
  it("carry each book's margin, two-decimal odds, and prices that follow the outcome keys", () => {
    for (const book of ["sportybet", "bet9ja"] as const) {
      const quoted = bookPrices(book, key, ["home", "draw", "away"]);
      for (const q of quoted) expect(q.odds).toMatch(/^\d+\.\d\d$/);
      const result = deMargin(quoted.map((q) => Number(q.odds)));
      if (!result.usable) throw new Error("unusable");
      const { base, spread } = BOOK_MARGINS[book];
      // Rounding to two decimals moves the overround by a few tenths of a point at most.
      expect(result.overround - 1).toBeGreaterThan(base - spread - 0.005);
      expect(result.overround - 1).toBeLessThan(base + spread + 0.005);
      // Listed in another order, each outcome keeps its price.
      const reversed = bookPrices(book, key, ["away", "draw", "home"]);
      expect(reversed.map((q) => q.odds)).toEqual(quoted.map((q) => q.odds).reverse());
    }
  });

  it("differ by match, market and line, and are the same for the same key", () => {
    const odds = (k: PriceKey) => bookPrices("sportybet", k, ["home", "draw", "away"]).map((q) => q.odds);
    expect(odds(key)).toEqual(odds({ ...key }));
    expect(odds({ ...key, match: "61300948" })).not.toEqual(odds(key));
    expect(odds({ ...key, market: "1x2_1h" })).not.toEqual(odds(key));
    expect(odds({ ...key, line: "1" })).not.toEqual(odds(key));
    expect(odds({ ...key, seed: 2 })).not.toEqual(odds(key));
  });

  it("agree across books in a hand-built fake world, and a swap shows", () => {
    const events: EventOdds[] = ["61300001", "61300002", "61300003"].map((match) => ({
      a: fakeOdds("sportybet", { match, market: "ou_ft", line: "total=2.5" }, ["over", "under"]).map(Number),
      b: fakeOdds("bet9ja", { match, market: "ou_ft", line: "2.5" }, ["over", "under"]).map(Number),
    }));
    expect(checkPairing(events, [0, 1]).verdict).toBe("consistent");
    expect(checkPairing(events, [1, 0]).verdict).toBe("suspicious");
  });
});

/** Per platform market id: its canonical market and, per outcome name, the canonical outcome. */
function catalogIndex(platform: Platform) {
  const index = new Map<string, { canonical: string; outcomes: Map<string, string> }>();
  for (const e of builtinCatalog()) {
    const id = platform === "sportybet" ? e.sportybetId : e.bet9jaKey;
    if (id === null || index.has(id)) continue;
    const outcomes = new Map<string, string>();
    for (const o of e.outcomes) {
      const name = platform === "sportybet" ? o.sportybetDesc : o.bet9jaSuffix;
      if (name !== null && !outcomes.has(name)) outcomes.set(name, o.canonicalId);
    }
    index.set(id, { canonical: e.canonicalId, outcomes });
  }
  return index;
}

/** One demo cycle's sightings, each platform's keyed by (SportRadar match, market, line). */
async function demoCycle() {
  const src = createDemoSource({ seed: 7, events: 12, now: () => new Date("2030-03-14T09:41:00Z") });
  const events = await src.discover(signal);
  const byKey: Record<Platform, Map<string, Sighting>> = { sportybet: new Map(), bet9ja: new Map() };
  // The demo lists each match twice in a row: SportyBet (sr:match:N), then Bet9ja.
  for (let i = 0; i < events.length; i += 2) {
    const match = events[i].ref.slice("sr:match:".length);
    for (const event of [events[i], events[i + 1]]) {
      for (const s of parseEvent(await src.fetchEvent(event, signal), event.ref).sightings) {
        byKey[s.source].set(`${match}|${s.externalMarketId}|${lineKey(s.specifier)}`, s);
      }
    }
  }
  return { byKey, matches: events.filter((e) => e.source === "sportybet").map((e) => e.ref.slice("sr:match:".length)) };
}

/** The two platforms' odds of a market pair in every match both offer it at one line. */
function shared(
  cycle: Awaited<ReturnType<typeof demoCycle>>,
  sportybetId: string,
  bet9jaKey: string,
  line: string | null,
): Array<[Sighting, Sighting]> {
  return cycle.matches.flatMap((m) => {
    const [a, b] = [cycle.byKey.sportybet.get(`${m}|${sportybetId}|${line}`), cycle.byKey.bet9ja.get(`${m}|${bet9jaKey}|${line}`)];
    return a && b ? [[a, b] as [Sighting, Sighting]] : [];
  });
}

const oddsOf = ([a, b]: [Sighting, Sighting]): EventOdds => ({ a: a.outcomes.map((o) => o.odds), b: b.outcomes.map((o) => o.odds) });
/** For each of A's outcome names, the index of B's outcome with the name `rename` gives it. */
const byName = (a: Sighting, b: Sighting, rename: (name: string) => string | undefined): Pairing =>
  a.outcomes.map((o) => {
    const j = b.outcomes.findIndex((x) => x.name === rename(o.name));
    return j < 0 ? null : j;
  });

describe("demo feed prices", () => {
  it("agree within the consistent threshold for every catalog market both platforms offer in a match", async () => {
    const cycle = await demoCycle();
    const [sb, b9] = [catalogIndex("sportybet"), catalogIndex("bet9ja")];
    let compared = 0;
    for (const [k, a] of cycle.byKey.sportybet) {
      const [match, id, line] = k.split("|");
      const sbEntry = sb.get(id);
      if (!sbEntry) continue;
      const bet9jaKey = [...b9].find(([, e]) => e.canonical === sbEntry.canonical)?.[0];
      const b = bet9jaKey === undefined ? undefined : cycle.byKey.bet9ja.get(`${match}|${bet9jaKey}|${line}`);
      if (!b) continue;
      const b9Entry = b9.get(bet9jaKey as string);
      const canonicalOf = (name: string) => sbEntry.outcomes.get(name);
      const suffixOf = new Map([...(b9Entry?.outcomes ?? [])].map(([suffix, c]) => [c, suffix]));
      // Only markets whose two outcome sets are the same canonical outcomes are comparable.
      const pairing = byName(a, b, (n) => suffixOf.get(canonicalOf(n) ?? ""));
      if (pairing.includes(null) || a.outcomes.length !== b.outcomes.length) continue;
      const check = checkPairing([oddsOf([a, b])], pairing);
      expect(check.proposed.mean, `${k} vs ${bet9jaKey}`).toBeLessThanOrEqual(CONSISTENT_MAX_DIFF);
      compared++;
    }
    // Ten core markets in every one of twelve matches, at least.
    expect(compared).toBeGreaterThanOrEqual(120);
  });

  it("make the right 1X2 and Over/Under pairing consistent and a swapped one suspicious", async () => {
    const cycle = await demoCycle();
    const oneXTwo = shared(cycle, "1", "S_1X2", null).map(oddsOf);
    expect(oneXTwo).toHaveLength(12);
    expect(checkPairing(oneXTwo, [0, 1, 2]).verdict).toBe("consistent");
    const swapped = checkPairing(oneXTwo, [2, 1, 0]);
    expect(swapped.verdict).toBe("suspicious");
    expect(swapped.best?.pairing).toEqual([0, 1, 2]);

    const ladder = ["0.5", "1.5", "2.5", "3.5", "4.5"];
    const overUnder = ladder.flatMap((line) => shared(cycle, "18", "S_OU", line)).map(oddsOf);
    expect(overUnder.length).toBeGreaterThan(0);
    expect(checkPairing(overUnder, [0, 1]).verdict).toBe("consistent");
    expect(checkPairing(overUnder, [1, 0]).verdict).toBe("suspicious");
  });

  it("set the traps: outcomes in another order, and two markets with the same outcome names", async () => {
    const cycle = await demoCycle();
    const race = shared(cycle, "990101", "S_DEMORACE7", null);
    expect(race.length).toBeGreaterThan(6);
    const [a, b] = race[0];
    expect(a.outcomes.map((o) => o.name)).toEqual(["Home", "Neither", "Away"]);
    expect(b.outcomes.map((o) => o.name)).toEqual(["Away", "Neither", "Home"]);
    const byPosition = checkPairing(race.map(oddsOf), [0, 1, 2]);
    expect(byPosition.verdict).toBe("suspicious");
    expect(byPosition.best?.pairing).toEqual(byName(a, b, (n) => n));
    expect(
      checkPairing(
        race.map(oddsOf),
        byName(a, b, (n) => n),
      ).verdict,
    ).toBe("consistent");

    const firstHalf = shared(cycle, "990102", "S_DEMOGOALS1H", "1.5").map(oddsOf);
    const match = shared(cycle, "990103", "S_DEMOGOALSFT", "1.5").map(oddsOf);
    const crossed = shared(cycle, "990102", "S_DEMOGOALSFT", "1.5").map(oddsOf);
    expect(crossed.length).toBeGreaterThan(6);
    expect(checkPairing(firstHalf, [0, 1]).verdict).toBe("consistent");
    expect(checkPairing(match, [0, 1]).verdict).toBe("consistent");
    const wrongMarket = checkPairing(crossed, [0, 1]);
    expect(wrongMarket.verdict).toBe("suspicious");
    expect(wrongMarket.proposed.mean).toBeGreaterThan(0.3);
  });
});

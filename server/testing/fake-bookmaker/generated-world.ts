// A realistic world for load: the demo feed's native payloads (catalog markets with real lines,
// the sample unmapped markets) moved onto the fake bookmaker, padded with extra unmapped markets up
// to the size a test or the bench asks for. Deterministic for a given seed and clock.
import { createDemoSource } from "@/server/scraping/sources/demo";
import type { DiscoveredEvent } from "@/server/scraping/types";
import { bet9jaOdds, sportyMarket, type FakeMatch, type FakeTournament, type FakeWorld } from "./model";
import { fakeOdds } from "./prices";

export interface GeneratedWorldOptions {
  seed: number;
  matches: number;
  /** Market instances per event per platform, at least; padding tops the demo's ~70 up to this. */
  marketsPerEvent: number;
  /** Distinct padding markets per platform; each event takes a rotating slice of them. */
  paddingPool?: number;
  now?: () => Date;
}

type Json = Record<string, unknown>;
const field = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (typeof o === "object" && o !== null ? (o as Json)[k] : undefined), v);

/** Padding market k's line, if any: every third has one. */
const paddingLine = (k: number) => (k % 3 === 0 ? `${(k % 5) + 0.5}` : null);

/**
 * Padding market k's odds on one book: SportyBet's `880000 + k` and Bet9ja's `S_PAD<k>` are the
 * same Yes/No market, priced alike.
 */
function paddingOdds(book: "sportybet" | "bet9ja", seed: number, srId: string, k: number): string[] {
  return fakeOdds(book, { seed, match: srId, market: `pad:${k}`, line: paddingLine(k) }, ["Yes", "No"]);
}

/** Unmapped padding instances for event `i`: each a new market id, every third with a line. */
function sportybetPadding(seed: number, srId: string, i: number, count: number, pool: number): unknown[] {
  return Array.from({ length: count }, (_, j) => {
    const k = (i * 7 + j) % pool;
    const line = paddingLine(k);
    const [yes, no] = paddingOdds("sportybet", seed, srId, k);
    return sportyMarket(
      String(880_000 + k),
      `Padding Market ${k}`,
      [
        ["Yes", yes],
        ["No", no],
      ],
      line === null ? {} : { specifier: `total=${line}` },
    );
  });
}

function bet9jaPadding(seed: number, srId: string, i: number, count: number, pool: number): Record<string, unknown> {
  const odds: Record<string, unknown> = {};
  for (let j = 0; j < count; j++) {
    const k = (i * 7 + j) % pool;
    const [Y, N] = paddingOdds("bet9ja", seed, srId, k);
    Object.assign(odds, bet9jaOdds(`S_PAD${k}`, paddingLine(k), { Y, N }));
  }
  return odds;
}

/** Bet9ja instances in an odds object: distinct (market, param) groups. */
function bet9jaInstances(odds: Record<string, unknown>): number {
  return new Set(Object.keys(odds).map((k) => k.slice(0, k.lastIndexOf("_")))).size;
}

export async function generateWorld(opts: GeneratedWorldOptions): Promise<FakeWorld> {
  const demo = createDemoSource({ seed: opts.seed, events: opts.matches, newPerCycle: 0, now: opts.now });
  const signal = new AbortController().signal;
  const found = await demo.discover(signal);
  const pool = opts.paddingPool ?? 400;
  const tournaments = new Map<string, FakeTournament>();
  const matches: FakeMatch[] = [];
  // The demo lists each match twice in a row: SportyBet, then Bet9ja.
  for (let i = 0; i + 1 < found.length; i += 2) {
    const [sb, b9]: DiscoveredEvent[] = [found[i], found[i + 1]];
    const sbBody = (await demo.fetchEvent(sb, signal)).body;
    const b9Body = (await demo.fetchEvent(b9, signal)).body;
    const tournamentId = String(field(sbBody, "data", "sport", "category", "tournament", "id"));
    if (!tournaments.has(tournamentId)) {
      tournaments.set(tournamentId, {
        sportybetId: tournamentId,
        groupId: String(field(b9Body, "D", "GID")),
        name: String(field(sbBody, "data", "sport", "category", "tournament", "name")),
        country: String(field(sbBody, "data", "sport", "category", "name")),
      });
    }
    const srId = sb.ref.slice("sr:match:".length);
    const markets = [...(field(sbBody, "data", "markets") as unknown[])];
    markets.push(...sportybetPadding(opts.seed, srId, i / 2, Math.max(0, opts.marketsPerEvent - markets.length), pool));
    const odds = { ...(field(b9Body, "D", "O") as Record<string, unknown>) };
    Object.assign(odds, bet9jaPadding(opts.seed, srId, i / 2, Math.max(0, opts.marketsPerEvent - bet9jaInstances(odds)), pool));
    matches.push({
      srId,
      bet9jaId: b9.ref,
      tournament: tournamentId,
      kickoff: sb.startsAt.getTime(),
      home: String(field(sbBody, "data", "homeTeamName")),
      away: String(field(sbBody, "data", "awayTeamName")),
      sportybet: { markets },
      bet9ja: { odds, mk: field(b9Body, "D", "MK") as unknown[] },
    });
  }
  return { tournaments: [...tournaments.values()], matches };
}

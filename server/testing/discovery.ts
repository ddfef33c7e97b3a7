// Small helpers for the discovery fault tests: a sighting, a publisher that counts announcements,
// and what the database holds for a key prefix.
import type { Database } from "@/server/db/client";
import type { Publisher } from "@/server/realtime/publisher";
import type { Sighting } from "@/server/scraping/types";

export const sighting = (id: string, name = `Market ${id}`): Sighting => ({
  source: "sportybet",
  eventId: "e1",
  externalMarketId: id,
  name,
  specifier: null,
  outcomes: [{ name: "Yes", odds: 1.5 }],
});

export function alerts(): Publisher & { announced: number; ids: string[] } {
  const p = {
    announced: 0,
    ids: [] as string[],
    publish(type: string, data: unknown) {
      if (type !== "unmapped_alert") return;
      const a = data as { count: number; markets: { externalMarketId: string }[] };
      p.announced += a.count;
      p.ids.push(...a.markets.map((m) => m.externalMarketId));
    },
  };
  return p;
}

export async function stored(t: { db: Database }, prefix: string) {
  const rows = await t.db.query<{ markets: number; sightings: number | null }>(
    `SELECT count(*)::int AS markets, sum(occurrence_count)::int AS sightings FROM unmapped_markets WHERE external_market_id LIKE $1`,
    [`${prefix}%`],
  );
  return { markets: rows[0].markets, sightings: rows[0].sightings ?? 0 };
}

export interface StoredMarket {
  source: string;
  external_market_id: string;
  occurrence_count: number;
  reason: string;
  specifiers: string[];
  market_name: string;
}

/** Platforms in the enum's order (sportybet, bet9ja), then external ids in JavaScript's order. */
export const byMarketKey = (a: { source: string; external_market_id: string }, b: { source: string; external_market_id: string }) =>
  a.source === b.source ? (a.external_market_id < b.external_market_id ? -1 : 1) : a.source === "sportybet" ? -1 : 1;

/** Every unmapped market the database holds, by platform name then external id (byte order). */
export function storedMarkets(db: Database): Promise<StoredMarket[]> {
  return db.query<StoredMarket>(
    `SELECT source::text, external_market_id, occurrence_count, reason::text, specifiers, market_name FROM unmapped_markets
     ORDER BY source::text, external_market_id COLLATE "C"`,
  );
}

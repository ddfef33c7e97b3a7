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

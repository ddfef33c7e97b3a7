// Many unmapped markets in one INSERT … SELECT generate_series statement, for list tests and the
// list bench: the database makes the rows itself, so 1,000,000 take seconds instead of a flush
// pass per 5,000. The statement-level counter triggers see it as one insert, like a flush.
// Names cycle through a few words so searches match a known share of the rows; the first id of a
// seed is `start`, so several seeds never collide.
import type { Database } from "@/server/db/client";
import { priorityRawSql } from "@/server/discovery/priority-sql";
import type { PendingMarket } from "@/server/discovery/recorder";

const SEED_WORDS = ["Corners", "Bookings", "Player", "Shots", "Goal", "Half", "Handicap", "Over/Under", "Team", "Minute", "Race", "Range"];

export interface SeedOptions {
  /** Numbering of the external ids starts here (default 1). */
  start?: number;
  /** Every n-th row is IGNORED, every m-th ACKNOWLEDGED, every k-th MAPPED; the rest NEW. */
  statuses?: { ignoredEvery: number; acknowledgedEvery: number; mappedEvery: number };
}

export async function seedMarkets(db: Database, count: number, opts: SeedOptions = {}): Promise<void> {
  const start = opts.start ?? 1;
  const s = opts.statuses ?? { ignoredEvery: 7, acknowledgedEvery: 11, mappedEvery: 13 };
  const words = `ARRAY[${SEED_WORDS.map((w) => `'${w}'`).join(",")}]`;
  await db.query(
    `INSERT INTO unmapped_markets (source, external_market_id, market_name, reason, status, first_seen_at, last_seen_at,
       occurrence_count, priority_raw, updated_at, mapped_at)
     SELECT src, ext, name, reason, status, first_seen, last_seen, cnt,
            ${priorityRawSql("cnt", "last_seen", "NULL::timestamptz")}, now(),
            CASE WHEN status = 'MAPPED' THEN now() END
     FROM (
       SELECT CASE WHEN g % 2 = 1 THEN 'sportybet' ELSE 'bet9ja' END::"Platform" AS src,
              CASE WHEN g % 2 = 1 THEN 'SEED' || g ELSE 'S_SEED' || g END AS ext,
              (${words})[1 + g % 12] || ' ' || (${words})[1 + (g * 7) % 12] || ' ' || (${words})[1 + (g * 5) % 12] || ' ' || g AS name,
              CASE WHEN g % 10 = 0 THEN 'UNKNOWN_PARAM_MARKET' WHEN g % 97 = 0 THEN 'NO_MATCHING_OUTCOMES' ELSE 'UNKNOWN_MARKET' END::"UnmappedReason" AS reason,
              CASE WHEN g % $3 = 0 THEN 'IGNORED' WHEN g % $4 = 0 THEN 'ACKNOWLEDGED' WHEN g % $5 = 0 THEN 'MAPPED' ELSE 'NEW' END::"TriageStatus" AS status,
              now() - ((g::int8 * 104729) % (30 * 86400)) * interval '1 second' AS first_seen,
              -- Whole milliseconds, as the column stores them, so ties between rows are real ties.
              date_trunc('milliseconds', now() - ((g::int8 * 1299709) % (3 * 86400000)) * interval '1 millisecond') AS last_seen,
              (1 + (g::int8 * 7919) % 5000)::int AS cnt
       FROM generate_series($1::int, $2::int) AS g
     ) rows`,
    [start, start + count - 1, s.ignoredEvery, s.acknowledgedEvery, s.mappedEvery],
  );
}

/** Counters and a full count side by side: every (source, status, reason) where they differ. */
export async function counterMismatches(db: Database): Promise<{ key: string; counter: number; actual: number }[]> {
  const rows = await db.query<{ key: string; counter: string | number; actual: string | number }>(
    `SELECT concat_ws('/', source, status, reason) AS key, COALESCE(c.n, 0) AS counter, COALESCE(a.n, 0) AS actual
     FROM (SELECT source, status, reason, n FROM market_counts WHERE n <> 0) c
     FULL JOIN (SELECT source, status, reason, count(*) AS n FROM unmapped_markets GROUP BY 1, 2, 3) a USING (source, status, reason)
     WHERE COALESCE(c.n, 0) <> COALESCE(a.n, 0)
     ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, counter: Number(r.counter), actual: Number(r.actual) }));
}

/** The full count(*) the counters stand for. */
export async function fullCount(db: Database): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM unmapped_markets`);
  return Number(r.n);
}

/** A recorder batch of `n` distinct markets with external ids `${prefix}${offset}`…, for flush tests and benches. */
export function pendingMarkets(n: number, prefix: string, offset = 0): PendingMarket[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    return {
      source: i % 2 ? "sportybet" : "bet9ja",
      externalMarketId: `${prefix}${i}`,
      name: `Market ${prefix}${i}`,
      reason: i % 10 === 0 ? "UNKNOWN_PARAM_MARKET" : "UNKNOWN_MARKET",
      count: 1 + (i % 9),
      firstSeenAt: now - 3_600_000,
      lastSeenAt: now,
      outcomes: [
        { name: "Over", odds: 1.9 },
        { name: "Under", odds: 1.9 },
      ],
      specifiers: [`total=${(i % 5) + 0.5}`],
      runId: null,
      events: 1,
      runSightings: 1 + (i % 9),
      lastEventId: "e",
      nextKickoffAt: null,
    };
  });
}

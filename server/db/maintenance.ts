// The embedded database runs no autovacuum, and every run's flush rewrites each market it sighted
// (counts, last seen): without a VACUUM the dead row versions and their index entries pile up for
// ever. At 100,000 markets, three whole-table rewrites took 6.3, 7.0 then 7.9 s, the table grew to
// 217 MB and a 10,000-market change slowed by a third. So PGlite vacuums its busiest tables when
// a run ends (and at start), with autovacuum's own rule: more dead rows than 50 + 20% of the live
// ones. 100,000 markets with 300,000 dead rows took 0.66 s, with 10,000 dead 0.17 s, on the
// database's own thread. PostgreSQL's autovacuum does this itself.
//
// Never while the table is small, for the reason planner-stats.ts gives: VACUUM also sets the
// planner's row estimate, and "almost empty" would fix a sequential-scan plan for good.
import { log } from "@/server/log";
import type { Database } from "./client";
import { ANALYZE_MIN_MARKETS, refreshStatusStatistics } from "./planner-stats";

/** The tables every run rewrites or prunes. */
const TABLES = ["unmapped_markets", "market_run_counts"] as const;

/** autovacuum_vacuum_threshold and autovacuum_vacuum_scale_factor, PostgreSQL's defaults. */
const THRESHOLD = 50;
const SCALE = 0.2;

/** Vacuums the tables with too many dead rows on PGlite (none on PostgreSQL); returns their names. */
export async function vacuumBloatedTables(db: Database): Promise<string[]> {
  if (db.kind !== "pglite") return [];
  // PGlite reports its table statistics only when told to: the next statement's end, after this.
  await db.query(`SELECT pg_stat_force_next_flush()`);
  const rows = await db.query<{ relname: string; live: number; dead: number }>(
    `SELECT relname, n_live_tup::int AS live, n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = ANY($1::text[])`,
    [`{${TABLES.join(",")}}`],
  );
  const markets = rows.find((r) => r.relname === "unmapped_markets");
  if (!markets || Number(markets.live) < ANALYZE_MIN_MARKETS) return [];
  const bloated = rows.filter((r) => Number(r.dead) > THRESHOLD + SCALE * Number(r.live)).map((r) => r.relname);
  for (const table of bloated) await db.exec(`VACUUM ${table}`);
  return bloated;
}

/**
 * What autovacuum would do, when the embedded database's writes settle (a run's end, a start):
 * vacuum what needs it, then refresh the list's statistics. A no-op on PostgreSQL.
 */
export async function maintainEmbedded(db: Database): Promise<{ vacuumed: string[]; analyzed: boolean }> {
  const vacuumed = await vacuumBloatedTables(db);
  return { vacuumed, analyzed: await refreshStatusStatistics(db) };
}

/**
 * Runs maintainEmbedded soon after a large write (a bulk change, an undo) on PGlite, once for a
 * burst of them, never two at once; what autovacuum's launcher does on PostgreSQL. Its errors are
 * logged: maintenance that fails leaves the data as it was.
 */
export class EmbeddedMaintainer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private again = false;
  private closed = false;

  /** @param delayMs how long a burst of writes may go on before the maintenance runs. */
  constructor(
    private readonly db: Database,
    private readonly delayMs = 1_000,
  ) {}

  /** A large write landed: maintain after delayMs (or after the maintenance now going). */
  nudge(): void {
    if (this.db.kind !== "pglite" || this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = maintainEmbedded(this.db)
        .then(({ vacuumed }) => vacuumed.length && log.debug(`[db] vacuumed ${vacuumed.join(", ")}`))
        .catch((e) => log.warn(`[db] maintenance failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          this.running = null;
          if (this.again) {
            this.again = false;
            this.nudge();
          }
        });
    }, this.delayMs);
    this.timer.unref();
  }

  /** Cancels what is planned and waits for what runs (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

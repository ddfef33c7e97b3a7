// Scrape runs in the database (Prisma).
import type { ScrapeRun, SourceRunStats } from "@/lib/contract/scrape";
import type { RunStatus } from "@/lib/contract/enums";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { afterTimestamp, cursorPage, takeOf, type Paging } from "@/server/http/cursor";
import { notFound } from "@/server/http/errors";
import type { WebhookOutbox } from "@/server/webhooks/outbox";
import { RunInProgressError } from "./errors";

type Tx = Prisma.TransactionClient;
type Row = Awaited<ReturnType<PrismaClient["scrapeRun"]["findFirstOrThrow"]>>;

export interface RunOutcome {
  status: Exclude<RunStatus, "running">;
  sources: Record<string, SourceRunStats>;
  error: string | null;
}

export interface StaleRun {
  id: number;
  owner: string | null;
  error: string;
}

/** Prisma's P2002, or the driver's 23505 as a driver adapter wraps it (recognised by shape). */
function isUniqueViolation(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 4) return false;
  const x = e as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (x.code === "P2002" || x.code === "23505" || x.kind === "UniqueConstraintViolation") return true;
  return isUniqueViolation(x.cause, depth + 1) || isUniqueViolation(x.meta?.driverAdapterError, depth + 1);
}

function toRun(r: Row): ScrapeRun {
  return {
    id: r.id,
    trigger: r.trigger === "manual" ? "manual" : "schedule",
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    events: r.events,
    markets: r.markets,
    mapped: r.mapped,
    unmapped: r.unmapped,
    newMarkets: r.newMarkets,
    sources: (r.sources ?? {}) as Record<string, SourceRunStats>,
    error: r.error,
  };
}

export class RunStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: WebhookOutbox | null = null,
  ) {}

  /** A run outside the running slot: for tests and benches that run cycles directly. */
  async create(trigger: ScrapeRun["trigger"]): Promise<number> {
    return (await this.prisma.scrapeRun.create({ data: { trigger }, select: { id: true } })).id;
  }

  /**
   * Claims the one running slot and creates the run, in one INSERT: the unique `claimed` column
   * makes a second running run a unique violation, whichever process inserts it.
   * @throws RunInProgressError naming the run that holds the slot.
   */
  async claim(trigger: ScrapeRun["trigger"], owner: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const row = await this.prisma.scrapeRun.create({
          data: { trigger, owner, claimed: true, heartbeatAt: new Date() },
          select: { id: true },
        });
        return row.id;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const holder = await this.running();
      if (holder !== null) throw new RunInProgressError(holder);
      // The holder finished between our INSERT and the look-up: the slot is free, try again.
      if (attempt >= 2) throw new RunInProgressError(null);
    }
  }

  /** Renews the heartbeat of a run this process runs; false when the run is no longer running. */
  async heartbeat(id: number): Promise<boolean> {
    const n = await this.prisma.$executeRaw`UPDATE scrape_runs SET heartbeat_at = now() WHERE id = ${id} AND status = 'running'`;
    return n > 0;
  }

  /**
   * Marks failed every running run whose process is gone, with the reason, and frees the slot.
   * Times are the database's, so clocks of different hosts do not matter.
   * @param lockFree the run lock was free (this process took it while running nothing itself):
   *   nobody runs a scrape, and a run whose heartbeat is also older than graceSeconds is dead.
   * @param mine this process's owner id while it runs a run: that run is never touched.
   */
  async failStale(opts: { lockFree: boolean; graceSeconds: number; staleSeconds: number; mine: string | null }): Promise<StaleRun[]> {
    const { lockFree, graceSeconds, staleSeconds, mine } = opts;
    // The runs' end and their scrape.failed events commit together, as finish() does for a run that ends itself.
    const rows = await this.prisma.$transaction(async (tx) => {
      const failed = await tx.$queryRaw<{ id: number; owner: string | null; error: string }[]>`
      WITH stale AS (
        SELECT id, owner, now() - coalesce(heartbeat_at, started_at) AS age
        FROM scrape_runs
        WHERE status = 'running' AND owner IS DISTINCT FROM ${mine}::text
          AND (coalesce(heartbeat_at, started_at) < now() - ${staleSeconds}::int * interval '1 second'
            OR (${lockFree}::boolean AND coalesce(heartbeat_at, started_at) < now() - ${graceSeconds}::int * interval '1 second'))
        FOR UPDATE
      )
      UPDATE scrape_runs r SET status = 'failed', finished_at = now(), claimed = NULL,
        error = CASE WHEN s.age >= ${staleSeconds}::int * interval '1 second'
          THEN format('Its server process (%s) stopped sending heartbeats: none for %s s (limit RUN_STALE_SECONDS = %s s)',
            coalesce(s.owner, 'unknown'), floor(extract(epoch FROM s.age)), ${staleSeconds}::int)
          ELSE format('Its server process (%s) is gone or stopped running it: the run lock was free and no heartbeat came for %s s',
            coalesce(s.owner, 'unknown'), floor(extract(epoch FROM s.age)))
        END
      FROM stale s WHERE r.id = s.id
      RETURNING r.id, r.owner, r.error`;
      await this.writeFailed(
        tx,
        failed.map((r) => Number(r.id)),
      );
      return failed;
    });
    if (rows.length > 0) this.outbox?.wakeFor("scrape.");
    return rows.map((r) => ({ id: Number(r.id), owner: r.owner, error: r.error }));
  }

  /** scrape.failed for each run the server marked failed (in the caller's transaction, after the update). */
  private async writeFailed(tx: Tx, ids: number[]): Promise<void> {
    if (!this.outbox || ids.length === 0) return;
    const rows = await tx.scrapeRun.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    for (const row of rows) await this.outbox.write(tx, "scrape.failed", toRun(row));
  }

  async finish(id: number, outcome: RunOutcome): Promise<ScrapeRun> {
    const sum = (k: keyof SourceRunStats) =>
      Object.values(outcome.sources).reduce((n, s) => n + (typeof s[k] === "number" ? (s[k] as number) : 0), 0);
    // The run's end and its webhook event (scrape.completed for completed and partial runs) commit together.
    const run = await this.prisma.$transaction(async (tx) => {
      const row = await tx.scrapeRun.update({
        where: { id },
        data: {
          status: outcome.status,
          claimed: null,
          finishedAt: new Date(),
          sources: outcome.sources,
          events: sum("events"),
          markets: sum("markets"),
          mapped: sum("mapped"),
          unmapped: sum("unmapped"),
          newMarkets: sum("new"),
          error: outcome.error,
        },
      });
      const finished = toRun(row);
      await this.outbox?.write(tx, finished.status === "failed" ? "scrape.failed" : "scrape.completed", finished);
      return finished;
    });
    this.outbox?.wakeFor("scrape.");
    return run;
  }

  /** Runs left `running` by a process that died cannot finish any more. */
  async failAbandoned(): Promise<number> {
    const ids = await this.prisma.$transaction(async (tx) => {
      const running = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM scrape_runs WHERE status = 'running' FOR UPDATE`;
      const ids = running.map((r) => Number(r.id));
      if (ids.length === 0) return ids;
      await tx.scrapeRun.updateMany({
        where: { id: { in: ids } },
        data: { status: "failed", finishedAt: new Date(), claimed: null, error: "The server stopped before the run finished" },
      });
      await this.writeFailed(tx, ids);
      return ids;
    });
    if (ids.length > 0) this.outbox?.wakeFor("scrape.");
    return ids.length;
  }

  /** The run holding the running slot (on any process), if any. */
  async running(): Promise<number | null> {
    const row = await this.prisma.scrapeRun.findFirst({ where: { claimed: true }, select: { id: true } });
    return row?.id ?? null;
  }

  async get(id: number): Promise<ScrapeRun> {
    const row = await this.prisma.scrapeRun.findUnique({ where: { id } });
    if (!row) throw notFound(`Scrape run ${id}`);
    return toRun(row);
  }

  /** Newest first; by cursor, the runs after the last one sent. */
  async list(paging: Paging): Promise<{ items: ScrapeRun[]; nextCursor: string | null }> {
    const rows = await this.prisma.scrapeRun.findMany({
      where: afterTimestamp(paging, "startedAt", "desc"),
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: takeOf(paging),
    });
    const { items, nextCursor } = cursorPage(paging, rows, (r) => [r.startedAt.toISOString(), r.id]);
    return { items: items.map(toRun), nextCursor };
  }
}

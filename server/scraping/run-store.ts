// Scrape runs in the database (Prisma).
import type { ScrapeRun, SourceRunStats } from "@/lib/contract/scrape";
import type { RunStatus } from "@/lib/contract/enums";
import type { PrismaClient } from "@/generated/prisma/client";
import { notFound } from "@/server/http/errors";

type Row = Awaited<ReturnType<PrismaClient["scrapeRun"]["findFirstOrThrow"]>>;

export interface RunOutcome {
  status: Exclude<RunStatus, "running">;
  sources: Record<string, SourceRunStats>;
  error: string | null;
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
  constructor(private readonly prisma: PrismaClient) {}

  async create(trigger: ScrapeRun["trigger"]): Promise<number> {
    return (await this.prisma.scrapeRun.create({ data: { trigger }, select: { id: true } })).id;
  }

  async finish(id: number, outcome: RunOutcome): Promise<ScrapeRun> {
    const sum = (k: keyof SourceRunStats) =>
      Object.values(outcome.sources).reduce((n, s) => n + (typeof s[k] === "number" ? (s[k] as number) : 0), 0);
    const row = await this.prisma.scrapeRun.update({
      where: { id },
      data: {
        status: outcome.status,
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
    return toRun(row);
  }

  /** Runs left `running` by a process that died cannot finish any more. */
  async failAbandoned(): Promise<number> {
    const r = await this.prisma.scrapeRun.updateMany({
      where: { status: "running" },
      data: { status: "failed", finishedAt: new Date(), error: "The server stopped before the run finished" },
    });
    return r.count;
  }

  /** The newest run still marked running (on any process), if any. */
  async running(): Promise<number | null> {
    const row = await this.prisma.scrapeRun.findFirst({ where: { status: "running" }, orderBy: { id: "desc" }, select: { id: true } });
    return row?.id ?? null;
  }

  async get(id: number): Promise<ScrapeRun> {
    const row = await this.prisma.scrapeRun.findUnique({ where: { id } });
    if (!row) throw notFound(`Scrape run ${id}`);
    return toRun(row);
  }

  async list(limit: number): Promise<ScrapeRun[]> {
    const rows = await this.prisma.scrapeRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: limit });
    return rows.map(toRun);
  }
}

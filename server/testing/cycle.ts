// A scrape cycle in a test: the real coordinator, recorder, flush and run store over a test
// database, with the sources and publisher the test chooses.
import type { Database } from "@/server/db/client";
import { DiscoveryService } from "@/server/discovery/discovery-service";
import type { MappingCache } from "@/server/mapping/cache";
import { MappingService } from "@/server/mapping/mapping-service";
import type { Publisher } from "@/server/realtime/publisher";
import { runCycle, type CycleDeps } from "@/server/scraping/coordinator";
import { RunStore } from "@/server/scraping/run-store";
import { PriceSnapshot } from "@/server/snapshot/snapshot";
import type { Source } from "@/server/scraping/types";

export function cycleDeps(
  db: Database,
  {
    sources,
    mappings,
    publisher,
    concurrency = 4,
    flushEveryEvents = 2,
    snapshotRuns = 2,
  }: {
    sources: Source[];
    mappings: MappingCache;
    publisher: Publisher;
    concurrency?: number;
    flushEveryEvents?: number;
    /** SNAPSHOT_RUNS (0: none written). */
    snapshotRuns?: number;
  },
): CycleDeps {
  return {
    sources,
    mappings,
    discovery: new DiscoveryService(db, publisher),
    publisher,
    runs: new RunStore(db.prisma),
    concurrency,
    flushEveryEvents,
    snapshot: new PriceSnapshot(db, { runs: snapshotRuns }),
  };
}

/** The mapping service over the test database, loaded: built-in and user mappings in its cache. */
export async function reloadedMappings(db: Database): Promise<MappingService> {
  const mappings = new MappingService(db.prisma);
  await mappings.reload();
  return mappings;
}

/** One manual run, to the end. */
export async function runManualCycle(deps: CycleDeps) {
  return runCycle(deps, await deps.runs.create("manual"), new AbortController().signal);
}

// The one mapping cache of the process: the built-in catalog merged with the active user mappings
// from the database. Reloaded whenever a mapping changes, so the next lookup sees it.
import type { PrismaClient } from "@/generated/prisma/client";
import { MappingCache } from "./cache";
import { builtinCatalog, mergeMappings, type MappingEntry, type MappingOutcome } from "./catalog";

export class MappingService {
  readonly cache = new MappingCache(builtinCatalog());

  constructor(private readonly prisma: PrismaClient) {}

  async reload(): Promise<void> {
    const rows = await this.prisma.userMapping.findMany({ where: { active: true }, orderBy: { id: "asc" } });
    const user: MappingEntry[] = rows.map((r) => ({
      canonicalId: r.canonicalId,
      name: r.name,
      betpawaId: r.betpawaId,
      sportybetId: r.sportybetId,
      bet9jaKey: r.bet9jaKey,
      outcomes: r.outcomes as unknown as MappingOutcome[],
      origin: "user",
    }));
    this.cache.replace(mergeMappings(builtinCatalog(), user));
  }
}

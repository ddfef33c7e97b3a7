// Unmapping a market: the undo of "map this market" (the review queue's `z`, the detail page's
// "Unmap"). In ONE mapping write transaction, like MapMarketService: the market's platform id and
// outcome names leave the mapping the market was mapped by (saved as a user entry, audited like any
// edit), the market goes back to NEW with its history entry, and the cache reloads before the answer,
// so the next lookup counts the market as unmapped again.
//
// A mapping that would then name no competitor market at all cannot be saved (a mapping needs a
// platform id). When it was created by mapping this market (its latest mapping_created entry in the
// audit trail names the market's id, and no built-in entry shares its canonicalId) it is
// deactivated instead: that is what undoing its creation means. Any other mapping left empty
// predates the map (made by hand, or a built-in's override): unmapping refuses (409) rather than
// deactivate someone's mapping; deactivating it is a decision for the mappings page.
import { PLATFORM_FIELDS } from "@/lib/contract/mappings";
import type { UnmapMarket, UnmapResult } from "@/lib/contract/unmap";
import type { Actor } from "@/lib/contract/audit";
import type { LockedMarket, TriageService } from "@/server/discovery/triage-service";
import { conflict } from "@/server/http/errors";
import { builtinCatalog, type MappingEntry } from "./catalog";
import type { MappingService, Tx } from "./mapping-service";

type MappingChange = UnmapResult["mappingChange"];

/** The mapping without the market's platform: its id and that platform's outcome names cleared. */
function withoutPlatform(entry: MappingEntry, market: LockedMarket): MappingEntry {
  const { market: idField, outcome: outcomeField } = PLATFORM_FIELDS[market.source];
  return {
    ...entry,
    origin: "user",
    [idField]: null,
    outcomes: entry.outcomes.map((o) => ({ ...o, [outcomeField]: null })),
  };
}

/** Whether the mapping's current life began by mapping this market, read from its audit trail. */
async function createdFor(tx: Tx, canonicalId: string, market: LockedMarket): Promise<boolean> {
  if (builtinCatalog().some((e) => e.canonicalId === canonicalId)) return false;
  const created = await tx.auditEntry.findFirst({
    where: { entityType: "mapping", entityId: canonicalId, action: "mapping_created" },
    orderBy: { id: "desc" },
  });
  const after = created?.after as Record<string, unknown> | null | undefined;
  return after?.[PLATFORM_FIELDS[market.source].market] === market.externalMarketId;
}

export class UnmapMarketService {
  constructor(
    private readonly mappings: MappingService,
    private readonly triage: TriageService,
  ) {}

  async apply(marketId: number, body: UnmapMarket, actor: Actor): Promise<UnmapResult> {
    const { mappings, triage } = this;
    const reason = body.reason ?? null;
    const { canonicalId, change } = await mappings.write(async (tx) => {
      const market = await triage.lock(tx, marketId);
      if (market.status !== "MAPPED" || !market.mappingCanonicalId) {
        throw conflict(`Market ${marketId} is ${market.status}, not MAPPED by a mapping: there is nothing to unmap`);
      }
      const canonicalId = market.mappingCanonicalId;
      const change = await this.releaseFromMapping(tx, market, canonicalId, reason, actor);
      await triage.markUnmapped(tx, market, reason, actor);
      return { canonicalId, change };
    });
    triage.webhooksWritten();
    const market = await triage.get(marketId);
    triage.announce(marketId, market.version, ["status"]);
    return { market, mapping: await mappings.get(canonicalId), mappingChange: change };
  }

  /** Takes the market's platform out of the mapping, or deactivates a mapping made for it alone. */
  private async releaseFromMapping(
    tx: Tx,
    market: LockedMarket,
    canonicalId: string,
    reason: string | null,
    actor: Actor,
  ): Promise<MappingChange> {
    const field = PLATFORM_FIELDS[market.source].market;
    const entry = (await this.mappings.effective(tx)).find((e) => e.canonicalId === canonicalId);
    // Edited or deactivated since: the mapping no longer names the market, only its status is stale.
    if (!entry || entry[field] !== market.externalMarketId) return "none";
    const next = withoutPlatform(entry, market);
    if (next.sportybetId || next.bet9jaKey) {
      await this.mappings.saveEntry(tx, next, reason, actor);
      return "cleared";
    }
    if (entry.origin === "user" && (await createdFor(tx, canonicalId, market))) {
      await this.mappings.deactivateIn(tx, canonicalId, reason, actor);
      return "deactivated";
    }
    throw conflict(
      `Mapping ${canonicalId} would name no competitor market without ${market.source} ${market.externalMarketId}, and it was not ` +
        "created by mapping this market: deactivate or edit it on its mapping page instead",
      { holder: canonicalId },
    );
  }
}

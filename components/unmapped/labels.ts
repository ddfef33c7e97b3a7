// Words for the contract's codes: what a trader reads instead of UNKNOWN_PARAM_MARKET.
import { PLATFORM_LABELS, type Platform, type TriageStatus, type UnmappedReason } from "@/lib/contract/enums";
import type { StatusTab } from "@/lib/url-state/unmapped-view";

export const PLATFORM_LABEL = PLATFORM_LABELS;
/** Each platform's colour, defined once as a design token (app/globals.css). */
export const PLATFORM_COLOR: Record<Platform, string> = { sportybet: "var(--platform-sportybet)", bet9ja: "var(--platform-bet9ja)" };

export const STATUS_LABEL: Record<TriageStatus, string> = {
  NEW: "New",
  ACKNOWLEDGED: "Acknowledged",
  IGNORED: "Ignored",
  MAPPED: "Mapped",
};

export const TAB_LABEL: Record<StatusTab, string> = { ...STATUS_LABEL, ALL: "All" };

export const STATUS_HINT: Record<TriageStatus, string> = {
  NEW: "Just discovered; nobody has looked at it yet",
  ACKNOWLEDGED: "Seen by someone and still to do",
  IGNORED: "Not relevant, e.g. a market betpawa does not offer",
  MAPPED: "A mapping now covers it",
};

export const REASON_LABEL: Record<UnmappedReason, string> = {
  UNKNOWN_MARKET: "Unknown market",
  UNKNOWN_PARAM_MARKET: "Unknown line",
  NO_MATCHING_OUTCOMES: "No matching outcomes",
  UNSUPPORTED_PLATFORM: "No betpawa market",
};

/** What the reason means for this market, and what would fix it. */
export function reasonExplanation(reason: UnmappedReason, source: Platform, externalMarketId: string): string {
  const platform = PLATFORM_LABEL[source];
  const idKind = source === "bet9ja" ? "market key" : "market id";
  switch (reason) {
    case "UNKNOWN_MARKET":
      return `No mapping has the ${platform} ${idKind} ${externalMarketId}. Add a mapping to a canonical market to bring its odds into the comparison.`;
    case "UNKNOWN_PARAM_MARKET":
      return `The ${platform} market ${externalMarketId} is mapped, but the line it was offered with (its specifier) is not understood, so those odds cannot be placed.`;
    case "NO_MATCHING_OUTCOMES":
      return `A mapping exists for ${platform} ${externalMarketId}, but none of its outcomes match the mapping's outcomes. The outcome names or suffixes probably changed.`;
    case "UNSUPPORTED_PLATFORM":
      return `A mapping knows ${platform} ${externalMarketId}, but it has no betpawa counterpart, so there is nothing to compare it with.`;
  }
}

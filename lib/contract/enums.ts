import { z } from "zod";

export const platformSchema = z.enum(["sportybet", "bet9ja"]).meta({ id: "Platform", description: "Competitor platform" });
export type Platform = z.infer<typeof platformSchema>;
export const PLATFORMS = platformSchema.options;
/** How people see each platform's name (pages, chat messages). */
export const PLATFORM_LABELS: Record<Platform, string> = { sportybet: "SportyBet", bet9ja: "Bet9ja" };

export const reasonSchema = z.enum(["UNKNOWN_MARKET", "UNKNOWN_PARAM_MARKET", "NO_MATCHING_OUTCOMES", "UNSUPPORTED_PLATFORM"]).meta({
  id: "UnmappedReason",
  description:
    "Why no mapping covers the market: UNKNOWN_MARKET = no mapping has this id/key; " +
    "UNSUPPORTED_PLATFORM = a mapping exists but has no betpawa counterpart; " +
    "UNKNOWN_PARAM_MARKET = the market is known but its line/specifier is not understood; " +
    "NO_MATCHING_OUTCOMES = the mapping exists but none of the outcomes match.",
});
export type UnmappedReason = z.infer<typeof reasonSchema>;
export const REASONS = reasonSchema.options;

export const statusSchema = z.enum(["NEW", "ACKNOWLEDGED", "MAPPED", "IGNORED"]).meta({ id: "TriageStatus", description: "Triage status" });
export type TriageStatus = z.infer<typeof statusSchema>;
export const STATUSES = statusSchema.options;

export const runStatusSchema = z.enum(["running", "completed", "partial", "failed"]).meta({ id: "RunStatus" });
export type RunStatus = z.infer<typeof runStatusSchema>;

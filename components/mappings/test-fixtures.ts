// Mappings the UI tests edit, built the same way: a Bet9ja-keyed mapping with its outcomes given as
// [canonicalId, betpawaName, bet9jaSuffix] in order.
import type { MappingDetail } from "@/lib/contract/mappings";

type OutcomeRow = [canonicalId: string, betpawaName: string | null, bet9jaSuffix: string];

export function bet9jaMapping(
  ids: Pick<MappingDetail, "canonicalId" | "name" | "origin" | "betpawaId" | "bet9jaKey" | "priority" | "version" | "updatedAt">,
  outcomes: OutcomeRow[],
): MappingDetail {
  return {
    ...ids,
    sportybetId: null,
    outcomeCount: outcomes.length,
    active: true,
    outcomes: outcomes.map(([canonicalId, betpawaName, bet9jaSuffix], position) => ({
      canonicalId,
      betpawaName,
      sportybetDesc: null,
      bet9jaSuffix,
      position,
    })),
    builtin: null,
  };
}

/** A user mapping: two outcomes on a Bet9ja key. */
export const tacklesMapping = bet9jaMapping(
  {
    canonicalId: "tackles_ou",
    name: "Player Tackles Over/Under",
    origin: "user",
    betpawaId: "880001",
    bet9jaKey: "S_TACK",
    priority: 1,
    version: 1,
    updatedAt: "2026-11-26T10:00:00.000Z",
  },
  [
    ["over", "Over", "O"],
    ["under", "Under", "U"],
  ],
);

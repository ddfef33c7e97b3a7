// A user mapping the UI tests edit: two outcomes on a Bet9ja key.
import type { MappingDetail } from "@/lib/contract/mappings";

export const tacklesMapping: MappingDetail = {
  canonicalId: "tackles_ou",
  name: "Player Tackles Over/Under",
  origin: "user",
  betpawaId: "880001",
  sportybetId: null,
  bet9jaKey: "S_TACK",
  outcomeCount: 2,
  active: true,
  priority: 1,
  outcomes: [
    { canonicalId: "over", betpawaName: "Over", sportybetDesc: null, bet9jaSuffix: "O", position: 0 },
    { canonicalId: "under", betpawaName: "Under", sportybetDesc: null, bet9jaSuffix: "U", position: 1 },
  ],
  version: 1,
  updatedAt: "2026-11-26T10:00:00.000Z",
  builtin: null,
};

// A user mapping entry for the mapping tests: "User market", an over/under with betpawa id 90001 and
// no platform ids; a test sets what it is about through `overrides`.
import type { MappingEntry } from "@/server/mapping/catalog";

export function userEntry(overrides: Partial<MappingEntry>): MappingEntry {
  return {
    canonicalId: "user_market",
    name: "User market",
    betpawaId: "90001",
    sportybetId: null,
    bet9jaKey: null,
    outcomes: [
      { canonicalId: "over", betpawaName: "Over", sportybetDesc: "Over", bet9jaSuffix: "O", position: 0 },
      { canonicalId: "under", betpawaName: "Under", sportybetDesc: "Under", bet9jaSuffix: "U", position: 1 },
    ],
    origin: "user",
    ...overrides,
  };
}

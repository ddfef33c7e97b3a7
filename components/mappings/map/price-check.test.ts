import { describe, expect, it } from "vitest";
import type { MapMarket } from "@/lib/contract/mappings";
import { mapCheckExample } from "@/lib/contract/mappings.examples";
import { mapCheckSchema, type MapCheck } from "@/lib/contract/price-check";
import { bet9jaMapping } from "../test-fixtures";
import type { ExtendRow } from "./map-draft";
import { bestPairingChanges, checkBodyOf, fixableComparison, overrideReason, points, withOverride, type Comparison } from "./price-check";
import { mapFormSchema, type TargetContext } from "./map-rules";
import { initialValues } from "./map-draft";

// A SportyBet market (Over, Under) extending a mapping that names Bet9ja's O and U; one outcome
// without a betpawa name of its own, so its betpawa name echoes the paired outcome.
const mapping = bet9jaMapping(
  {
    canonicalId: "goals_1h_ou",
    name: "Goals Over/Under - 1st Half",
    origin: "user",
    betpawaId: "7001",
    bet9jaKey: "S_DEMOGOALS1H",
    priority: 1,
    version: 1,
    updatedAt: "2026-12-06T10:00:00.000Z",
  },
  [
    ["over", "Over", "O"],
    ["under", null, "U"],
  ],
);

const row = (outcomeId: string, sample: string, betpawaName: string): ExtendRow => ({ outcomeId, sample, betpawaName, suggested: null });

const comparison = (outcomes: Comparison["outcomes"]): Comparison => ({
  platform: "bet9ja",
  externalMarketId: "S_DEMOGOALS1H",
  via: "mapping",
  verdict: "suspicious",
  eventsCompared: 6,
  eventsSkipped: 0,
  meanDifference: 0.46,
  bestDiffers: true,
  outcomes,
  reasons: [],
});

const swapped = comparison([
  { name: "Over", pairedWith: "U", meanDifference: 0.46, bestPairedWith: "O" },
  { name: "Under", pairedWith: "O", meanDifference: 0.46, bestPairedWith: "U" },
]);

describe("the pairing the prices support, applied to the draft", () => {
  it("swaps a swapped pair back, the echoed betpawa name following its outcome", () => {
    const rows = [row("over", "Under", "Over"), row("under", "Over", "Over")];
    expect(bestPairingChanges(rows, mapping, swapped)).toEqual([
      { index: 0, sample: "Over", betpawaName: "Over" },
      // "under" has no betpawa name of its own: the one that echoed "Over" becomes "Under".
      { index: 1, sample: "Under", betpawaName: "Under" },
    ]);
  });

  it("changes nothing when the draft already pairs them so", () => {
    expect(bestPairingChanges([row("over", "Over", "Over"), row("under", "Under", "Under")], mapping, swapped)).toEqual([]);
  });

  it("empties a row left holding a moved outcome, and keeps a betpawa name typed by the user", () => {
    const partial = comparison([{ name: "Over", pairedWith: "U", meanDifference: 0.4, bestPairedWith: "O" }]);
    const rows = [row("over", "", "Over"), row("under", "Over", "Goals over")];
    expect(bestPairingChanges(rows, mapping, partial)).toEqual([
      { index: 0, sample: "Over", betpawaName: "Over" },
      { index: 1, sample: "", betpawaName: "Goals over" },
    ]);
  });

  it("ignores outcomes the prices pair with nothing, or with a name the mapping does not have", () => {
    const odd = comparison([
      { name: "Over", pairedWith: "U", meanDifference: null, bestPairedWith: null },
      { name: "Under", pairedWith: "O", meanDifference: 0.4, bestPairedWith: "X" },
    ]);
    expect(bestPairingChanges([row("over", "Under", "Over"), row("under", "Over", "")], mapping, odd)).toEqual([]);
  });
});

describe("which comparison the editor can fix", () => {
  const check: MapCheck = mapCheckSchema.parse(mapCheckExample);
  it("is the mapping's market on another platform, when extending and the prices pair otherwise", () => {
    expect(fixableComparison(check, { mode: "extend" }, mapping)?.externalMarketId).toBe("S_OU");
    expect(fixableComparison(check, { mode: "new" }, mapping)).toBeNull();
    expect(fixableComparison(check, { mode: "extend" }, null)).toBeNull();
    expect(fixableComparison(undefined, { mode: "extend" }, mapping)).toBeNull();
  });
  it("is never a counterpart (the server pairs its outcomes), nor a comparison the prices agree with", () => {
    const via = (c: Partial<Comparison>): MapCheck => ({ ...check, comparisons: check.comparisons.map((x) => ({ ...x, ...c })) });
    expect(fixableComparison(via({ via: "counterpart" }), { mode: "extend" }, mapping)).toBeNull();
    expect(fixableComparison(via({ bestDiffers: false }), { mode: "extend" }, mapping)).toBeNull();
  });
});

describe("the requests", () => {
  const body: MapMarket = { canonicalId: "goals_1h_ou", outcomes: [], reason: "same market", confirmSuspicious: true };

  it("checks the body without reason or override, so typing a reason does not check again", () => {
    expect(checkBodyOf(body)).toEqual({ canonicalId: "goals_1h_ou", outcomes: [] });
    expect(checkBodyOf(null)).toBeNull();
  });

  it("sends the override only while suspicious and ticked, with why in the reason", () => {
    const plain: MapMarket = { canonicalId: "goals_1h_ou", reason: "same market" };
    const ticked = { override: { confirm: true, why: "the other book's prices are stale" } };
    expect(withOverride(plain, ticked, true)).toEqual({
      canonicalId: "goals_1h_ou",
      confirmSuspicious: true,
      reason: "same market; the prices are wrong here: the other book's prices are stale",
    });
    expect(withOverride(plain, ticked, false)).toBe(plain);
    expect(withOverride(plain, { override: { confirm: false, why: "x" } }, true)).toBe(plain);
  });

  it("writes differences in points", () => {
    expect(points(0.031)).toBe("3.1");
    expect(points(0)).toBe("0.0");
  });
});

describe("the form with a suspicious check", () => {
  const ctx: TargetContext = { source: "sportybet", mapping: null, occupiedBy: null, idTaken: false, suspicious: true };
  const market = {
    id: 1,
    source: "sportybet" as const,
    marketName: "Goals Over/Under - 1st Half",
    sampleOutcomes: [
      { name: "Over", odds: 3.1 },
      { name: "Under", odds: 1.3 },
    ],
  };
  const base = { ...initialValues(market as never), reason: "same market" };
  base.fresh.betpawaId = "7001";
  const issues = (v: typeof base, c: TargetContext) =>
    Object.fromEntries((mapFormSchema(c).safeParse(v).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("blocks the save until map anyway is ticked with why, and the joined reason fits", () => {
    expect(Object.keys(issues(base, ctx))).toEqual(["priceCheck"]);
    expect(Object.keys(issues({ ...base, override: { confirm: true, why: " " } }, ctx))).toEqual(["override.why"]);
    expect(issues({ ...base, override: { confirm: true, why: "x".repeat(480) } }, ctx)["override.why"]).toMatch(/500/);
    expect(issues({ ...base, override: { confirm: true, why: "stale prices" } }, ctx)).toEqual({});
    expect(issues(base, { ...ctx, suspicious: false })).toEqual({});
    expect(overrideReason(" a ", " b ")).toBe("a; the prices are wrong here: b");
  });
});

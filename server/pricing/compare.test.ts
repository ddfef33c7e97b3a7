// compareRows: two platforms' snapshot rows met by match and line (as lineKey writes lines), each
// side's outcomes in one order whatever order an instance lists them in, odd instances skipped.
import { describe, expect, it } from "vitest";
import { outcomeLikeness } from "@/server/mapping/similarity";
import { compareRows, MAX_EVENTS_COMPARED } from "./compare";
import type { PriceRow } from "./snapshot-prices";

const row = (platform: PriceRow["platform"], matchId: string, line: string, outcomes: Array<[string, number | null]>): PriceRow => ({
  runId: 1,
  matchId,
  platform,
  marketKey: platform === "sportybet" ? "18" : "S_OU",
  line,
  canonicalId: null,
  outcomes: outcomes.map(([name, odds]) => ({ name, odds })),
});
const byName = (pairs: Record<string, string>) => (name: string) => pairs[name] ?? null;

describe("compareRows", () => {
  it("meets SportyBet total=2.5 with Bet9ja 2.5 in the same match, and not another line or match", () => {
    const a = [
      row("bet9ja", "1", "2.5", [
        ["O", 1.9],
        ["U", 1.9],
      ]),
      row("bet9ja", "1", "3.5", [
        ["O", 3],
        ["U", 1.35],
      ]),
    ];
    const b = [
      row("sportybet", "1", "total=2.5", [
        ["Over", 1.95],
        ["Under", 1.85],
      ]),
      row("sportybet", "2", "total=3.5", [
        ["Over", 3],
        ["Under", 1.35],
      ]),
    ];
    const { check, aNames, bNames } = compareRows(a, b, byName({ O: "over", U: "under" }));
    expect(check.eventsCompared).toBe(1);
    expect([aNames, bNames]).toEqual([
      ["O", "U"],
      ["Over", "Under"],
    ]);
    expect(check.verdict).toBe("consistent"); // names matched case-insensitively
  });

  it("reads each instance's odds by name, whatever order it lists them in, and skips an instance with other outcomes", () => {
    const a = [
      row("sportybet", "1", "", [
        ["Home", 2],
        ["Draw", 3.4],
        ["Away", 3.8],
      ]),
      row("sportybet", "2", "", [
        ["Away", 1.6],
        ["Home", 5.5],
        ["Draw", 4],
      ]),
      row("sportybet", "3", "", [
        ["Home", 2],
        ["Away", 3.8],
      ]),
    ];
    const b = ["1", "2", "3"].map((m, i) =>
      row(
        "bet9ja",
        m,
        "",
        i === 1
          ? [
              ["1", 5.4],
              ["X", 4.1],
              ["2", 1.62],
            ]
          : [
              ["1", 2.02],
              ["X", 3.35],
              ["2", 3.75],
            ],
      ),
    );
    const { check } = compareRows(a, b, byName({ Home: "1", Draw: "X", Away: "2" }));
    expect(check).toMatchObject({ verdict: "consistent", eventsCompared: 2, eventsSkipped: 1, bestDiffers: false });
  });

  it(`compares at most ${MAX_EVENTS_COMPARED} events, the same ones for the same rows`, () => {
    const n = MAX_EVENTS_COMPARED + 50;
    const ids = Array.from({ length: n }, (_, i) => String(1000 + i));
    const a = ids.map((m) =>
      row("bet9ja", m, "", [
        ["Y", 1.8],
        ["N", 2],
      ]),
    );
    const b = [...ids].reverse().map((m) =>
      row("sportybet", m, "", [
        ["Yes", 1.85],
        ["No", 1.95],
      ]),
    );
    const { check } = compareRows(a, b, byName({ Y: "Yes", N: "No" }));
    expect(check.eventsCompared).toBe(MAX_EVENTS_COMPARED);
  });
});

describe("outcomeLikeness", () => {
  it("takes a one- or two-letter abbreviation for the name it starts", () => {
    expect(outcomeLikeness("O", "Over")).toBe(0.8);
    expect(outcomeLikeness("Under", "U")).toBe(0.8);
    expect(outcomeLikeness("X", "Draw")).toBe(0);
    expect(outcomeLikeness("Over", "Under")).toBeLessThan(0.5); // "er" in common: alike, not the same outcome
    expect(outcomeLikeness("Home", "home")).toBe(1);
  });
});

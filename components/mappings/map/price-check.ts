// The mapping editor's price check (issue 13), as pure functions: the body it posts to /map/check,
// the pairing the prices support applied to the draft, and the override /map needs to take a
// mapping the check calls suspicious.
import type { MapMarket, MappingDetail } from "@/lib/contract/mappings";
import type { MapCheck } from "@/lib/contract/price-check";
import { outcomeFieldOf, type ExtendRow, type MapFormValues } from "./map-draft";

export type Comparison = MapCheck["comparisons"][number];

/**
 * What the check is asked about: the /map body without the reason and the override, which the
 * check does not read; leaving them out keeps typing a reason from checking the prices again.
 */
export function checkBodyOf(body: MapMarket | null): MapMarket | null {
  if (!body) return null;
  const { reason: _reason, confirmSuspicious: _confirm, ...rest } = body;
  return rest;
}

/**
 * The comparison whose better pairing the editor can apply: against the picked mapping's market on
 * another platform, where each of its outcomes is a row of the extend table. A counterpart's
 * outcomes are paired by the server (by name), so there is nothing in the draft to change for it.
 */
export function fixableComparison(
  check: MapCheck | undefined,
  v: Pick<MapFormValues, "mode">,
  mapping: MappingDetail | null,
): Comparison | null {
  if (!check || v.mode !== "extend" || !mapping) return null;
  return check.comparisons.find((c) => c.via === "mapping" && c.bestDiffers) ?? null;
}

export interface RowChange {
  index: number;
  sample: string;
  betpawaName: string;
}

/**
 * The extend rows' changes that pair the market's outcomes the way the prices support: each outcome
 * moves to the mapping outcome whose name on the compared platform is its best partner, and a row
 * left holding a moved outcome is emptied. A betpawa name that only echoed the old outcome (the
 * mapping outcome has none of its own) follows the new one. Empty when nothing changes.
 */
export function bestPairingChanges(rows: readonly ExtendRow[], mapping: MappingDetail, comparison: Comparison): RowChange[] {
  const other = outcomeFieldOf(comparison.platform);
  const target = new Map<string, string>();
  for (const o of comparison.outcomes) {
    if (o.bestPairedWith === null) continue;
    const outcome = mapping.outcomes.find((m) => m[other] === o.bestPairedWith);
    if (outcome && !target.has(outcome.canonicalId)) target.set(outcome.canonicalId, o.name);
  }
  const moved = new Set(target.values());
  const changes: RowChange[] = [];
  rows.forEach((row, index) => {
    const sample = target.get(row.outcomeId) ?? (moved.has(row.sample) ? "" : row.sample);
    if (sample === row.sample) return;
    const own = mapping.outcomes.find((m) => m.canonicalId === row.outcomeId)?.betpawaName ?? null;
    const betpawaName = own === null && row.betpawaName === row.sample ? sample : row.betpawaName;
    changes.push({ index, sample, betpawaName });
  });
  return changes;
}

/**
 * The reason sent for a suspicious mapping: the user's reason and why the prices are wrong (the
 * server adds "mapped despite a suspicious price check" with the check's figures to the history).
 */
export const overrideReason = (reason: string, why: string): string => `${reason.trim()}; the prices are wrong here: ${why.trim()}`;

/**
 * The /map body with the override: only while the check says suspicious and "Map anyway" is ticked,
 * so a pairing fixed meanwhile is never sent as confirmed.
 */
export function withOverride(body: MapMarket, v: Pick<MapFormValues, "override">, suspicious: boolean): MapMarket {
  if (!suspicious || !v.override.confirm) return body;
  return { ...body, confirmSuspicious: true, reason: overrideReason(body.reason ?? "", v.override.why) };
}

/** A probability difference in points, as the check's reasons write it: 0.031 -> "3.1". */
export const points = (difference: number): string => (difference * 100).toFixed(1);

// Database rows of the list and the detail, turned into the contract's items. The columns are
// ITEM_COLUMNS (server/discovery/list-sql.ts) and the detail statement in triage-service.ts.
import type { SnoozeState, UnmappedDetail, UnmappedItem } from "@/lib/contract/unmapped";
import { isoColumn, isoColumnOrNull, jsonColumn } from "@/server/db/columns";

export interface ItemRow {
  id: number;
  source: UnmappedItem["source"];
  external_market_id: string;
  market_name: string;
  reason: UnmappedItem["reason"];
  status: UnmappedItem["status"];
  occurrence_count: number;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
  regressed_at: Date | string | null;
  next_kickoff_at: Date | string | null;
  priority_score: number;
  assignee_id: string | null;
  assignee_name: string | null;
  escalating: boolean;
  snoozed_at: Date | string | null;
  snooze_until: Date | string | null;
  snooze_sightings: number | null;
  snooze_from_count: number | null;
  snooze_escalating: boolean;
  snooze_baseline: number | null;
  /** Only with trendRuns. */
  trend?: number[] | null;
}

export interface DetailRow extends ItemRow {
  sample_outcomes: UnmappedDetail["sampleOutcomes"] | string;
  specifiers: string[];
  notes: string | null;
  updated_at: Date | string;
  version: number;
  mapped_at: Date | string | null;
  mapping_canonical_id: string | null;
  last_run_id: number | null;
  last_run_events: number;
  last_run_sightings: number;
  run_platform_sightings: number | null;
}

const round = (n: number) => Math.round(Number(n) * 1000) / 1000;
const intOrNull = (n: number | string | null) => (n === null ? null : Number(n));

/** The snooze a market waits for; remainingSightings counts down from snooze_from_count as sightings arrive. */
function snoozeOf(r: ItemRow): SnoozeState | null {
  if (r.snoozed_at === null) return null;
  const sightings = intOrNull(r.snooze_sightings);
  const from = intOrNull(r.snooze_from_count);
  return {
    until: isoColumnOrNull(r.snooze_until),
    sightings,
    remainingSightings: sightings === null ? null : Math.max(0, (from ?? 0) + sightings - Number(r.occurrence_count)),
    escalating: Boolean(r.snooze_escalating),
    baseline: r.snooze_baseline === null ? null : Number(r.snooze_baseline),
    snoozedAt: isoColumn(r.snoozed_at),
  };
}

export function toItem(r: ItemRow): UnmappedItem {
  return {
    id: Number(r.id),
    source: r.source,
    externalMarketId: r.external_market_id,
    marketName: r.market_name,
    reason: r.reason,
    status: r.status,
    occurrenceCount: Number(r.occurrence_count),
    firstSeenAt: isoColumn(r.first_seen_at),
    lastSeenAt: isoColumn(r.last_seen_at),
    regressedAt: isoColumnOrNull(r.regressed_at),
    nextKickoffAt: isoColumnOrNull(r.next_kickoff_at),
    priorityScore: round(r.priority_score),
    // A user deleted since keeps no name: the foreign key clears assignee_id with them.
    assignee: r.assignee_id === null ? null : { id: r.assignee_id, name: r.assignee_name ?? "" },
    escalating: Boolean(r.escalating),
    snooze: snoozeOf(r),
    ...(r.trend !== undefined ? { trend: (r.trend ?? []).map(Number) } : {}),
  };
}

export function toDetail(r: DetailRow): UnmappedDetail {
  return {
    ...toItem(r),
    sampleOutcomes: jsonColumn(r.sample_outcomes),
    specifiers: r.specifiers ?? [],
    notes: r.notes,
    updatedAt: isoColumn(r.updated_at),
    version: Number(r.version),
    mappedAt: isoColumnOrNull(r.mapped_at),
    mappingCanonicalId: r.mapping_canonical_id,
    impact:
      r.last_run_id === null
        ? null
        : {
            runId: Number(r.last_run_id),
            events: Number(r.last_run_events),
            sightings: Number(r.last_run_sightings),
            share: r.run_platform_sightings ? Math.min(1, Number(r.last_run_sightings) / Number(r.run_platform_sightings)) : null,
          },
  };
}

// The mapping editor's state, free of React: the two targets ("extend" an existing mapping with
// this market's platform id, or create a "new" one), the form's values, the target reducer (which
// mapping is picked, which version its rows were built from) and the pre-filled drafts. The rules
// are in map-rules.ts, the request and preview in map-request.ts.
import type { Platform } from "@/lib/contract/enums";
import { mappingNameSchema, type Candidates, type MappingDetail } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { slugify, uniqueSlugs } from "@/lib/slug";

export type Mode = "extend" | "new";
export type Pairing = Candidates["mappings"][number]["pairings"][number];
export type OutcomeField = "sportybetDesc" | "bet9jaSuffix";
export type PlatformIdField = "sportybetId" | "bet9jaKey";

export const outcomeFieldOf = (p: Platform): OutcomeField => (p === "sportybet" ? "sportybetDesc" : "bet9jaSuffix");
export const platformIdFieldOf = (p: Platform): PlatformIdField => (p === "sportybet" ? "sportybetId" : "bet9jaKey");

/** Pairings below this are shown, never pre-selected (the server's own default pairing uses the same bar). */
const PRESELECT_CONFIDENCE = 0.5;

export interface ExtendRow {
  /** The mapping outcome's canonical id. */
  outcomeId: string;
  /** The market's outcome name chosen for it; "" = this platform does not offer it. */
  sample: string;
  betpawaName: string;
  /** The suggestion for this outcome, with its confidence. */
  suggested: { sample: string; confidence: number } | null;
}

export interface NewRow {
  sample: string;
  /** Typed by the user (no such name in the latest sighting). */
  custom: boolean;
  include: boolean;
  canonicalId: string;
  betpawaName: string;
}

export interface MapFormValues {
  mode: Mode;
  reason: string;
  /** "Map it too": another platform's unmapped market the same mapping takes (one request, both MAPPED). */
  counterpartId: number | null;
  extend: { name: string; betpawaId: string; rows: ExtendRow[] };
  fresh: { canonicalId: string; name: string; betpawaId: string; rows: NewRow[] };
  /** "Map anyway" when the price check says suspicious, and why the prices are wrong here. */
  override: { confirm: boolean; why: string };
}

// ---------------------------------------------------------------------------------------------
// Target state: which mapping is picked to extend, and which version the extend rows were built from.

export interface TargetState {
  pick: { canonicalId: string; pairings: Pairing[] | null } | null;
  /** "canonicalId@origin@version" of the mapping the extend draft was built from. */
  drafted: string | null;
}

export type TargetAction = { type: "pick"; canonicalId: string; pairings: Pairing[] | null } | { type: "drafted"; mapping: MappingDetail };

const basisOf = (m: MappingDetail) => `${m.canonicalId}@${m.origin}@${m.version ?? "builtin"}`;

export function targetReducer(state: TargetState, action: TargetAction): TargetState {
  switch (action.type) {
    case "pick":
      // Picking another mapping (or the same one with other pairings) builds its rows afresh.
      return { pick: { canonicalId: action.canonicalId, pairings: action.pairings }, drafted: null };
    case "drafted":
      return { ...state, drafted: basisOf(action.mapping) };
  }
}

/** The picked mapping has loaded (or changed) and its rows are still to be built. */
export const needsDraft = (state: TargetState, mapping: MappingDetail | null): mapping is MappingDetail =>
  mapping !== null && state.pick?.canonicalId === mapping.canonicalId && state.drafted !== basisOf(mapping);

/** Extend when a free suggestion is convincing; otherwise start a new mapping. */
export const defaultMode = (candidates: Candidates | undefined): Mode =>
  candidates?.mappings.some((c) => !c.occupied && c.score >= 0.6) ? "extend" : "new";

// ---------------------------------------------------------------------------------------------
// Drafts

/**
 * Rows for extending `mapping`: each mapping outcome with the market's outcome name suggested by
 * the candidate's pairing, else an exact name match (case-insensitive) with the outcome's current
 * platform name, betpawa name or id.
 */
export function extendDraftOf(
  mapping: MappingDetail,
  source: Platform,
  samples: string[],
  pairings: Pairing[] | null,
): MapFormValues["extend"] {
  const field = outcomeFieldOf(source);
  const byOutcome = new Map<string, { sample: string; confidence: number }>();
  for (const p of pairings ?? []) {
    if (p.canonicalOutcomeId && !byOutcome.has(p.canonicalOutcomeId))
      byOutcome.set(p.canonicalOutcomeId, { sample: p.sampleName, confidence: p.confidence });
  }
  const used = new Set<string>();
  const rows = mapping.outcomes.map((o): ExtendRow => {
    let suggested = byOutcome.get(o.canonicalId) ?? null;
    if (!suggested && !pairings) {
      const names = [o[field], o.betpawaName, o.canonicalId.replace(/_/g, " ")]
        .filter((n): n is string => Boolean(n))
        .map((n) => n.toLowerCase());
      const exact = samples.find((s) => !used.has(s) && names.includes(s.toLowerCase()));
      if (exact) suggested = { sample: exact, confidence: 1 };
    }
    const sample = suggested && suggested.confidence >= PRESELECT_CONFIDENCE && !used.has(suggested.sample) ? suggested.sample : "";
    if (sample) used.add(sample);
    return { outcomeId: o.canonicalId, sample, betpawaName: o.betpawaName ?? sample, suggested };
  });
  return { name: mapping.name, betpawaId: mapping.betpawaId ?? "", rows };
}

/** One row per outcome of the latest sighting, ids slugged from the names. */
export function newDraftOf(market: UnmappedDetail): MapFormValues["fresh"] {
  const names = market.sampleOutcomes.map((o) => o.name);
  const ids = uniqueSlugs(names);
  return {
    canonicalId: slugify(market.marketName) || `market_${market.id}`,
    name: market.marketName.slice(0, mappingNameSchema.maxLength ?? undefined),
    betpawaId: "",
    rows: names.map((sample, i) => ({ sample, custom: false, include: true, canonicalId: ids[i], betpawaName: sample })),
  };
}

export const emptyNewRow = (): NewRow => ({ sample: "", custom: true, include: true, canonicalId: "", betpawaName: "" });

export function initialValues(market: UnmappedDetail): MapFormValues {
  return {
    mode: "new",
    reason: "",
    counterpartId: null,
    extend: { name: "", betpawaId: "", rows: [] },
    fresh: newDraftOf(market),
    override: { confirm: false, why: "" },
  };
}

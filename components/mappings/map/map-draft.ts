// The mapping editor's state and rules, free of React: the two targets ("extend" an existing
// mapping with this market's platform id, or create a "new" one), the pre-filled outcome pairing,
// the client-side checks (keyed by the server's field paths) and the request body.
import type { Candidates, MapMarket, MappingDetail, MappingOutcomeDto } from "@/lib/contract/mappings";
import type { Platform } from "@/lib/contract/enums";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { checkOutcomeIds, checkPlatformId, checkReason, checkSlug, checkText, orNull, slugify, type FieldErrors } from "../validation";

export type Mode = "extend" | "new";
export type Pairing = Candidates["mappings"][number]["pairings"][number];
export type OutcomeField = "sportybetDesc" | "bet9jaSuffix";
export type PlatformIdField = "sportybetId" | "bet9jaKey";

export const outcomeFieldOf = (p: Platform): OutcomeField => (p === "sportybet" ? "sportybetDesc" : "bet9jaSuffix");
export const platformIdFieldOf = (p: Platform): PlatformIdField => (p === "sportybet" ? "sportybetId" : "bet9jaKey");

/** Pairings below this are shown, never pre-selected (the server's own default pairing uses the same bar). */
export const PRESELECT_CONFIDENCE = 0.5;

export interface ExtendRow {
  /** The mapping outcome's canonical id. */
  outcomeId: string;
  /** The market's outcome name chosen for it; null: this platform does not offer it. */
  sample: string | null;
  betpawaName: string;
  /** Confidence of the suggestion, while the chosen sample is still the suggested one. */
  suggested: { sample: string; confidence: number } | null;
}

export interface ExtendDraft {
  canonicalId: string;
  /** The mapping version the rows were built from. */
  basis: string;
  name: string;
  betpawaId: string;
  rows: ExtendRow[];
}

export interface NewRow {
  key: number;
  sample: string;
  /** Typed by the user (no such name in the latest sighting). */
  custom: boolean;
  include: boolean;
  canonicalId: string;
  betpawaName: string;
}

export interface NewDraft {
  canonicalId: string;
  name: string;
  betpawaId: string;
  rows: NewRow[];
}

let rowKey = 1;
export const nextRowKey = () => rowKey++;

const basisOf = (m: MappingDetail) => `${m.canonicalId}@${m.origin}@${m.version ?? "builtin"}`;

/**
 * Rows for extending `mapping`: each mapping outcome with the market's outcome name suggested by
 * the candidate's pairing, else an exact name match (case-insensitive) with the outcome's current
 * platform name, betpawa name or id.
 */
export function extendDraftOf(mapping: MappingDetail, source: Platform, samples: string[], pairings: Pairing[] | null): ExtendDraft {
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
    const sample = suggested && suggested.confidence >= PRESELECT_CONFIDENCE && !used.has(suggested.sample) ? suggested.sample : null;
    if (sample) used.add(sample);
    return { outcomeId: o.canonicalId, sample, betpawaName: o.betpawaName ?? sample ?? "", suggested };
  });
  return { canonicalId: mapping.canonicalId, basis: basisOf(mapping), name: mapping.name, betpawaId: mapping.betpawaId ?? "", rows };
}

export const draftIsFor = (draft: ExtendDraft | null, mapping: MappingDetail) => draft !== null && draft.basis === basisOf(mapping);

/** One row per outcome of the latest sighting, ids slugged from the names. */
export function newDraftOf(market: UnmappedDetail): NewDraft {
  const used = new Set<string>();
  const rows = market.sampleOutcomes.map((o): NewRow => {
    const base = slugify(o.name) || "outcome";
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return { key: nextRowKey(), sample: o.name, custom: false, include: true, canonicalId: id, betpawaName: o.name };
  });
  return { canonicalId: slugify(market.marketName) || `market_${market.id}`, name: market.marketName.slice(0, 200), betpawaId: "", rows };
}

/** The mapping outcomes the request sends for "extend". */
export function extendOutcomes(mapping: MappingDetail, draft: ExtendDraft, source: Platform): MappingOutcomeDto[] {
  const field = outcomeFieldOf(source);
  const rows = new Map(draft.rows.map((r) => [r.outcomeId, r]));
  return mapping.outcomes.map((o) => {
    const row = rows.get(o.canonicalId);
    return {
      canonicalId: o.canonicalId,
      betpawaName: row ? orNull(row.betpawaName) : o.betpawaName,
      sportybetDesc: o.sportybetDesc,
      bet9jaSuffix: o.bet9jaSuffix,
      [field]: row ? row.sample : o[field],
      position: o.position,
    };
  });
}

export function newOutcomes(draft: NewDraft, source: Platform): MappingOutcomeDto[] {
  const field = outcomeFieldOf(source);
  return draft.rows
    .filter((r) => r.include)
    .map((r, position) => ({
      canonicalId: r.canonicalId.trim(),
      betpawaName: orNull(r.betpawaName),
      sportybetDesc: null,
      bet9jaSuffix: null,
      [field]: orNull(r.sample),
      position,
    }));
}

export interface Target {
  mode: Mode;
  /** extend: the chosen mapping (loaded) and whether it already maps another market of this platform. */
  mapping: MappingDetail | null;
  occupiedBy: string | null;
  extend: ExtendDraft | null;
  fresh: NewDraft;
  /** new: an active mapping already has this canonical id. */
  idTaken: boolean;
  reason: string;
}

export function validate(t: Target, source: Platform): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: string, message: string | null) => {
    if (message && !errors[field]) errors[field] = message;
  };
  if (t.mode === "extend") {
    if (!t.mapping || !t.extend) {
      set("body.canonicalId", "pick the mapping to extend: a suggestion, or search for one");
    } else {
      if (t.occupiedBy !== null)
        set("body.canonicalId", `this mapping already maps ${source} ${t.occupiedBy}; a mapping takes one market per platform`);
      set("body.name", checkText(t.extend.name, "a name", 200));
      set(
        "body.betpawaId",
        t.extend.betpawaId.trim()
          ? checkPlatformId(t.extend.betpawaId, "a betpawa id")
          : "the mapping has no betpawa market id yet: give it one, or the market stays unmapped",
      );
      const seen = new Map<string, number>();
      t.extend.rows.forEach((r, i) => {
        set(`body.outcomes.${i}.betpawaName`, checkText(r.betpawaName, "a betpawa name", 200, false));
        if (r.sample === null) return;
        if (seen.has(r.sample))
          set(`body.outcomes.${i}.${outcomeFieldOf(source)}`, `“${r.sample}” is already paired in row ${(seen.get(r.sample) ?? 0) + 1}`);
        else seen.set(r.sample, i);
      });
      if (!t.extend.rows.some((r) => r.sample !== null && r.betpawaName.trim())) {
        set("body.outcomes", "pair at least one of the market's outcomes with a mapping outcome that has a betpawa name");
      }
    }
  } else {
    const f = t.fresh;
    set(
      "body.canonicalId",
      checkSlug(f.canonicalId) ?? (t.idTaken ? "an active mapping already has this id: pick another id, or extend that mapping" : null),
    );
    set("body.name", checkText(f.name, "a name", 200));
    set("body.betpawaId", checkText(f.betpawaId, "the betpawa market id", 100));
    const included = f.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include);
    if (included.length === 0) set("body.outcomes", "include at least one outcome");
    const ids: FieldErrors = {};
    checkOutcomeIds(
      included.map(({ r }) => r.canonicalId),
      ids,
    );
    // Errors are keyed by the position in the request (included rows only); show them on the table row.
    included.forEach(({ r, i }, position) => {
      const idError = ids[`body.outcomes.${position}.canonicalId`];
      if (idError) set(`row.${i}.canonicalId`, idError);
      set(`row.${i}.betpawaName`, checkText(r.betpawaName, "a betpawa name", 200, false));
      if (r.custom) set(`row.${i}.sample`, checkText(r.sample, "the platform's outcome name", 200));
    });
    if (included.length > 0 && !included.some(({ r }) => r.betpawaName.trim() && r.sample.trim())) {
      set("body.outcomes", "give at least one outcome a betpawa name, or the market stays unmapped");
    }
  }
  set("body.reason", checkReason(t.reason));
  return errors;
}

/** The POST /api/unmapped/{id}/map body. */
export function requestBody(t: Target, source: Platform): MapMarket | null {
  const reason = t.reason.trim();
  if (t.mode === "extend") {
    if (!t.mapping || !t.extend) return null;
    const name = t.extend.name.trim();
    const betpawaId = t.extend.betpawaId.trim();
    return {
      canonicalId: t.mapping.canonicalId,
      ...(name && name !== t.mapping.name ? { name } : {}),
      ...(betpawaId && betpawaId !== t.mapping.betpawaId ? { betpawaId } : {}),
      outcomes: extendOutcomes(t.mapping, t.extend, source),
      reason,
    };
  }
  return {
    canonicalId: t.fresh.canonicalId.trim(),
    name: t.fresh.name.trim(),
    betpawaId: t.fresh.betpawaId.trim(),
    outcomes: newOutcomes(t.fresh, source),
    reason,
  };
}

export interface PreviewEntry {
  canonicalId: string;
  name: string;
  origin: "user";
  betpawaId: string | null;
  sportybetId: string | null;
  bet9jaKey: string | null;
  outcomes: MappingOutcomeDto[];
  /** "outcomeId:column" cells and top-level fields that this change sets. */
  changed: Set<string>;
  overridesBuiltin: boolean;
}

/** The resulting mapping as the scraper will see it after the change. */
export function previewOf(t: Target, market: UnmappedDetail): PreviewEntry | null {
  const body = requestBody(t, market.source);
  if (!body?.outcomes) return null;
  const idField = platformIdFieldOf(market.source);
  const changed = new Set<string>([idField]);
  if (t.mode === "extend" && t.mapping) {
    const before = new Map(t.mapping.outcomes.map((o) => [o.canonicalId, o]));
    for (const o of body.outcomes) {
      const b = before.get(o.canonicalId);
      for (const col of ["betpawaName", "sportybetDesc", "bet9jaSuffix"] as const)
        if (!b || b[col] !== o[col]) changed.add(`${o.canonicalId}:${col}`);
    }
    if (body.name) changed.add("name");
    if (body.betpawaId) changed.add("betpawaId");
    return {
      canonicalId: t.mapping.canonicalId,
      name: body.name ?? t.mapping.name,
      origin: "user",
      betpawaId: body.betpawaId ?? t.mapping.betpawaId,
      sportybetId: t.mapping.sportybetId,
      bet9jaKey: t.mapping.bet9jaKey,
      [idField]: market.externalMarketId,
      outcomes: body.outcomes,
      changed,
      overridesBuiltin: t.mapping.origin === "builtin",
    };
  }
  for (const o of body.outcomes)
    for (const col of ["betpawaName", "sportybetDesc", "bet9jaSuffix"] as const)
      if (o[col] !== null) changed.add(`${o.canonicalId}:${col}`);
  changed.add("name").add("betpawaId").add("canonicalId");
  return {
    canonicalId: body.canonicalId,
    name: body.name ?? "",
    origin: "user",
    betpawaId: body.betpawaId || null,
    sportybetId: null,
    bet9jaKey: null,
    [idField]: market.externalMarketId,
    outcomes: body.outcomes,
    changed,
    overridesBuiltin: false,
  };
}

// The mapping editor's request (POST /api/unmapped/{id}/map), the form field a server error
// names, and the preview of the mapping as the scraper will see it once saved.
import type { Platform } from "@/lib/contract/enums";
import type { MapMarket, MappingDefinition, MappingDetail, MappingOutcomeDto } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { outcomeFieldOf, platformIdFieldOf, type ExtendRow, type MapFormValues, type NewRow } from "./map-draft";
import { CHECK_FIELD, OUTCOMES_FIELD, TARGET_FIELD, type TargetContext } from "./map-rules";

const orNull = (v: string) => (v.trim() === "" ? null : v);

/** The mapping outcomes the request sends for "extend": the mapping's, with this platform's names paired in. */
function extendOutcomes(mapping: MappingDetail, rows: ExtendRow[], source: Platform): MappingOutcomeDto[] {
  const field = outcomeFieldOf(source);
  const byId = new Map(rows.map((r) => [r.outcomeId, r]));
  return mapping.outcomes.map((o) => {
    const row = byId.get(o.canonicalId);
    return {
      canonicalId: o.canonicalId,
      betpawaName: row ? (orNull(row.betpawaName)?.trim() ?? null) : o.betpawaName,
      sportybetDesc: o.sportybetDesc,
      bet9jaSuffix: o.bet9jaSuffix,
      [field]: row ? row.sample || null : o[field],
      position: o.position,
    };
  });
}

function newOutcomes(rows: NewRow[], source: Platform): MappingOutcomeDto[] {
  const field = outcomeFieldOf(source);
  return rows
    .filter((r) => r.include)
    .map((r, position) => ({
      canonicalId: r.canonicalId.trim(),
      betpawaName: orNull(r.betpawaName)?.trim() ?? null,
      sportybetDesc: null,
      bet9jaSuffix: null,
      [field]: orNull(r.sample)?.trim() ?? null,
      position,
    }));
}

/** The POST /api/unmapped/{id}/map body; null while "extend" has no mapping. */
export function requestBody(v: MapFormValues, ctx: TargetContext): MapMarket | null {
  const reason = v.reason.trim();
  const counterpart = v.counterpartId === null ? {} : { counterpartId: v.counterpartId };
  if (v.mode === "extend") {
    if (!ctx.mapping) return null;
    const name = v.extend.name.trim();
    const betpawaId = v.extend.betpawaId.trim();
    return {
      canonicalId: ctx.mapping.canonicalId,
      ...(name && name !== ctx.mapping.name ? { name } : {}),
      ...(betpawaId && betpawaId !== ctx.mapping.betpawaId ? { betpawaId } : {}),
      outcomes: extendOutcomes(ctx.mapping, v.extend.rows, ctx.source),
      ...counterpart,
      reason,
    };
  }
  return {
    canonicalId: v.fresh.canonicalId.trim(),
    name: v.fresh.name.trim(),
    betpawaId: v.fresh.betpawaId.trim(),
    outcomes: newOutcomes(v.fresh.rows, ctx.source),
    ...counterpart,
    reason,
  };
}

/**
 * The form field a server error names. Outcome errors are keyed by the request's position: in
 * "new" only included rows are sent, so position N is the N-th included row.
 */
export function formFieldOf(serverField: string, v: MapFormValues, source: Platform): string | null {
  const prefix = v.mode === "new" ? "fresh" : "extend";
  const outcome = /^body\.outcomes\.(\d+)\.(\w+)$/.exec(serverField);
  if (outcome) {
    const position = Number(outcome[1]);
    const column =
      outcome[2] === "canonicalId" || outcome[2] === "betpawaName" ? outcome[2] : outcome[2] === outcomeFieldOf(source) ? "sample" : null;
    const index = v.mode === "new" ? v.fresh.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include)[position]?.i : position;
    if (index === undefined || column === null) return OUTCOMES_FIELD;
    if (v.mode === "extend" && column === "canonicalId") return OUTCOMES_FIELD;
    return `${prefix}.rows.${index}.${column}`;
  }
  switch (serverField) {
    case "body.canonicalId":
      return v.mode === "new" ? "fresh.canonicalId" : TARGET_FIELD;
    case "body.name":
    case "body.betpawaId":
      return `${prefix}.${serverField.slice(5)}`;
    case "body.reason":
      return "reason";
    case "body.outcomes":
      return OUTCOMES_FIELD;
    case "body.sportybetId":
    case "body.bet9jaKey":
    case "body.counterpartId":
      return TARGET_FIELD;
    case "body.confirmSuspicious":
      return CHECK_FIELD;
    default:
      return null;
  }
}

export interface PreviewEntry extends MappingDefinition {
  /** "outcomeId:column" cells and top-level fields that this change sets. */
  changed: Set<string>;
  overridesBuiltin: boolean;
}

/** The resulting mapping as the scraper will see it after the change. */
export function previewOf(v: MapFormValues, ctx: TargetContext, market: UnmappedDetail): PreviewEntry | null {
  const body = requestBody(v, ctx);
  if (!body?.outcomes) return null;
  const idField = platformIdFieldOf(market.source);
  const changed = new Set<string>([idField]);
  const columns = ["betpawaName", "sportybetDesc", "bet9jaSuffix"] as const;
  if (v.mode === "extend" && ctx.mapping) {
    const before = new Map(ctx.mapping.outcomes.map((o) => [o.canonicalId, o]));
    for (const o of body.outcomes) {
      const b = before.get(o.canonicalId);
      for (const col of columns) if (!b || b[col] !== o[col]) changed.add(`${o.canonicalId}:${col}`);
    }
    if (body.name) changed.add("name");
    if (body.betpawaId) changed.add("betpawaId");
    return {
      canonicalId: ctx.mapping.canonicalId,
      name: body.name ?? ctx.mapping.name,
      betpawaId: body.betpawaId ?? ctx.mapping.betpawaId,
      sportybetId: ctx.mapping.sportybetId,
      bet9jaKey: ctx.mapping.bet9jaKey,
      [idField]: market.externalMarketId,
      outcomes: body.outcomes,
      changed,
      overridesBuiltin: ctx.mapping.origin === "builtin",
    };
  }
  for (const o of body.outcomes) for (const col of columns) if (o[col] !== null) changed.add(`${o.canonicalId}:${col}`);
  changed.add("name").add("betpawaId").add("canonicalId");
  return {
    canonicalId: body.canonicalId,
    name: body.name ?? "",
    betpawaId: body.betpawaId || null,
    sportybetId: null,
    bet9jaKey: null,
    [idField]: market.externalMarketId,
    outcomes: body.outcomes,
    changed,
    overridesBuiltin: false,
  };
}

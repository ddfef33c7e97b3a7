// The mapping editor's validation: the contract's own field schemas (ids, names, platform ids,
// the reason), plus what the editor needs for the market to end up mapped (a betpawa id, at least
// one paired outcome with a betpawa name, no outcome paired twice). Issues land on the form's own
// field paths; "target" and "outcomes" stand for the choice of mapping and the outcomes as a whole.
import { z } from "zod";
import type { Platform } from "@/lib/contract/enums";
import {
  mappingIdSchema,
  mappingNameSchema,
  mappingOutcomeSchema,
  platformIdSchema,
  requiredReasonSchema,
  slugSchema,
  type MappingDetail,
} from "@/lib/contract/mappings";
import type { MapFormValues } from "./map-draft";
import { overrideReason } from "./price-check";

export interface TargetContext {
  source: Platform;
  /** extend: the chosen mapping, once loaded. */
  mapping: MappingDetail | null;
  /** extend: the platform id the chosen mapping already maps, if another one. */
  occupiedBy: string | null;
  /** new: an active mapping already has this canonical id. */
  idTaken: boolean;
  /** The price check says suspicious: saving needs "Map anyway" and why. */
  suspicious?: boolean;
}

/** Fields of the form no input stands for: the target choice, and the outcomes as a whole. */
export const TARGET_FIELD = "target";
export const OUTCOMES_FIELD = "outcomes";
/** The price check as a whole: a suspicious verdict not overridden, or the server's 422 about it. */
export const CHECK_FIELD = "priceCheck";

const orNull = (v: string) => (v.trim() === "" ? null : v);
const betpawaNameSchema = mappingOutcomeSchema.shape.betpawaName;

type Add = (path: (string | number)[], message: string) => void;

/** A suspicious check blocks the save until "Map anyway" is ticked with why; the combined reason must fit. */
function overrideIssues(v: MapFormValues, add: Add, check: (schema: z.ZodType, value: unknown, path: (string | number)[]) => void) {
  if (!v.override.confirm)
    return add([CHECK_FIELD], "the prices say this pairing is wrong: use the pairing the prices support, or map anyway and say why");
  if (!v.override.why.trim()) return add(["override", "why"], "say why the prices are wrong here");
  check(requiredReasonSchema, overrideReason(v.reason, v.override.why), ["override", "why"]);
}

export function mapFormSchema(ctx: TargetContext) {
  return z
    .object({ mode: z.enum(["extend", "new"]), reason: requiredReasonSchema })
    .passthrough()
    .superRefine((raw, issues) => {
      const v = raw as unknown as MapFormValues;
      const add = (path: (string | number)[], message: string) => issues.addIssue({ code: "custom", path, message });
      const check = (schema: z.ZodType, value: unknown, path: (string | number)[]) => {
        const r = schema.safeParse(value);
        if (!r.success) add(path, r.error.issues[0]?.message ?? "invalid");
      };
      if (ctx.suspicious) overrideIssues(v, add, check);
      if (v.mode === "extend") {
        if (!ctx.mapping) return add([TARGET_FIELD], "pick the mapping to extend: a suggestion, or search for one");
        if (ctx.occupiedBy !== null)
          add([TARGET_FIELD], `this mapping already maps ${ctx.source} ${ctx.occupiedBy}; a mapping takes one market per platform`);
        check(mappingNameSchema, v.extend.name, ["extend", "name"]);
        if (!v.extend.betpawaId.trim())
          add(["extend", "betpawaId"], "the mapping has no betpawa market id yet: give it one, or the market stays unmapped");
        else check(platformIdSchema, v.extend.betpawaId, ["extend", "betpawaId"]);
        const seen = new Map<string, number>();
        v.extend.rows.forEach((r, i) => {
          check(betpawaNameSchema, orNull(r.betpawaName), ["extend", "rows", i, "betpawaName"]);
          if (!r.sample) return;
          if (seen.has(r.sample))
            add(["extend", "rows", i, "sample"], `“${r.sample}” is already paired in row ${(seen.get(r.sample) ?? 0) + 1}`);
          else seen.set(r.sample, i);
        });
        if (!v.extend.rows.some((r) => r.sample && r.betpawaName.trim()))
          add([OUTCOMES_FIELD], "pair at least one of the market's outcomes with a mapping outcome that has a betpawa name");
        return;
      }
      const f = v.fresh;
      check(mappingIdSchema, f.canonicalId.trim(), ["fresh", "canonicalId"]);
      if (ctx.idTaken) add(["fresh", "canonicalId"], "an active mapping already has this id: pick another id, or extend that mapping");
      check(mappingNameSchema, f.name, ["fresh", "name"]);
      if (!f.betpawaId.trim()) add(["fresh", "betpawaId"], "the betpawa market id is required for a new mapping");
      else check(platformIdSchema, f.betpawaId, ["fresh", "betpawaId"]);
      const included = f.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include);
      if (included.length === 0) add([OUTCOMES_FIELD], "include at least one outcome");
      const seen = new Map<string, number>();
      for (const { r, i } of included) {
        const id = r.canonicalId.trim();
        check(slugSchema, id, ["fresh", "rows", i, "canonicalId"]);
        if (id && seen.has(id)) add(["fresh", "rows", i, "canonicalId"], `duplicate of row ${(seen.get(id) ?? 0) + 1}`);
        else seen.set(id, i);
        check(betpawaNameSchema, orNull(r.betpawaName), ["fresh", "rows", i, "betpawaName"]);
        if (r.custom && !r.sample.trim()) add(["fresh", "rows", i, "sample"], "the platform's outcome name is required");
      }
      if (included.length > 0 && !included.some(({ r }) => r.betpawaName.trim() && r.sample.trim()))
        add([OUTCOMES_FIELD], "give at least one outcome a betpawa name, or the market stays unmapped");
    });
}

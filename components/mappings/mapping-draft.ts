// A mapping as its form edits it, free of React: text fields ("" is none), the contract's shape
// it validates as (the same schema the API parses with), what an edit changes, and the three-way
// merge that carries an edit over onto someone else's newer save.
import { z } from "zod";
import { mappingFormSchema, mappingIdSchema, type MappingDetail, type MappingOutcomeDto, type MappingPatch } from "@/lib/contract/mappings";

export interface OutcomeDraft {
  canonicalId: string;
  betpawaName: string;
  sportybetDesc: string;
  bet9jaSuffix: string;
}

export interface MappingDraft {
  /** Only when creating: the new mapping's id. */
  canonicalId: string;
  name: string;
  betpawaId: string;
  sportybetId: string;
  bet9jaKey: string;
  outcomes: OutcomeDraft[];
  reason: string;
}

export const EMPTY_OUTCOME: OutcomeDraft = { canonicalId: "", betpawaName: "", sportybetDesc: "", bet9jaSuffix: "" };

export function draftOf(m: MappingDetail | null): MappingDraft {
  return {
    canonicalId: m?.canonicalId ?? "",
    name: m?.name ?? "",
    betpawaId: m?.betpawaId ?? "",
    sportybetId: m?.sportybetId ?? "",
    bet9jaKey: m?.bet9jaKey ?? "",
    outcomes: (m?.outcomes ?? []).map((o) => ({
      canonicalId: o.canonicalId,
      betpawaName: o.betpawaName ?? "",
      sportybetDesc: o.sportybetDesc ?? "",
      bet9jaSuffix: o.bet9jaSuffix ?? "",
    })),
    reason: "",
  };
}

/** "" (or blanks) -> null. */
const orNull = (value: string): string | null => (value.trim() === "" ? null : value);

function contractOf(d: MappingDraft) {
  return {
    name: d.name,
    betpawaId: orNull(d.betpawaId),
    sportybetId: orNull(d.sportybetId),
    bet9jaKey: orNull(d.bet9jaKey),
    outcomes: d.outcomes.map((o, position) => ({
      canonicalId: o.canonicalId.trim(),
      betpawaName: orNull(o.betpawaName),
      sportybetDesc: orNull(o.sportybetDesc),
      bet9jaSuffix: orNull(o.bet9jaSuffix),
      position,
    })),
    reason: d.reason,
  };
}

/** The edit form's values, validated by the contract (issues land on the same field paths). */
export const mappingEditSchema = z.preprocess((d: MappingDraft) => contractOf(d), mappingFormSchema);
export type MappingFields = z.output<typeof mappingFormSchema>;

/** The create form's: the same, with the new mapping's id. */
export const mappingCreateFormSchema = z.preprocess(
  (d: MappingDraft) => ({ ...contractOf(d), canonicalId: d.canonicalId.trim() }),
  mappingFormSchema.and(z.object({ canonicalId: mappingIdSchema })),
);

const outcomesOf = (outcomes: MappingOutcomeDto[]) =>
  outcomes.map(({ canonicalId, betpawaName, sportybetDesc, bet9jaSuffix }, position) => ({
    canonicalId,
    betpawaName,
    sportybetDesc,
    bet9jaSuffix,
    position,
  }));

const sameOutcomes = (a: MappingOutcomeDto[], b: MappingOutcomeDto[]) => JSON.stringify(outcomesOf(a)) === JSON.stringify(outcomesOf(b));

/** Only what differs from `base` goes into the PATCH, so fields someone else changed meanwhile keep their value. */
export function patchOf(values: MappingFields, base: MappingDetail): MappingPatch {
  const patch: MappingPatch = {};
  if (values.name !== base.name) patch.name = values.name;
  for (const key of ["betpawaId", "sportybetId", "bet9jaKey"] as const) {
    if ((values[key] ?? null) !== base[key]) patch[key] = values[key] ?? null;
  }
  if (!sameOutcomes(values.outcomes, base.outcomes)) patch.outcomes = outcomesOf(values.outcomes);
  return patch;
}

const SCALARS = [
  ["name", "the name"],
  ["betpawaId", "the betpawa id"],
  ["sportybetId", "the SportyBet id"],
  ["bet9jaKey", "the Bet9ja key"],
] as const;

const sameDraftOutcomes = (a: OutcomeDraft[], b: OutcomeDraft[]) =>
  a.length === b.length &&
  a.every(
    (o, i) =>
      o.canonicalId.trim() === b[i].canonicalId.trim() &&
      o.betpawaName.trim() === b[i].betpawaName.trim() &&
      o.sportybetDesc.trim() === b[i].sportybetDesc.trim() &&
      o.bet9jaSuffix.trim() === b[i].bet9jaSuffix.trim(),
  );

/**
 * Three-way merge of a draft onto a newer version (`next`) of the mapping it started from
 * (`base`): a field the user left alone takes the new value; a field both changed keeps the
 * user's and is named in `conflicts` (saving replaces the other person's value).
 */
export function rebase(draft: MappingDraft, base: MappingDetail, next: MappingDetail): { draft: MappingDraft; conflicts: string[] } {
  const from = draftOf(base);
  const to = draftOf(next);
  const out: MappingDraft = { ...draft };
  const conflicts: string[] = [];
  for (const [key, label] of SCALARS) {
    const mine = draft[key].trim();
    if (mine === from[key].trim()) out[key] = to[key];
    else if (to[key].trim() !== from[key].trim() && to[key].trim() !== mine) conflicts.push(label);
  }
  if (sameDraftOutcomes(draft.outcomes, from.outcomes)) out.outcomes = to.outcomes;
  else if (!sameDraftOutcomes(to.outcomes, from.outcomes) && !sameDraftOutcomes(draft.outcomes, to.outcomes))
    conflicts.push("the outcomes");
  return { draft: out, conflicts };
}

"use client";
// The mapping form's outcomes: one row per canonical outcome, in display order, with its name on
// each platform; rows are added, moved and removed.
import { mappingOutcomeSchema } from "@/lib/contract/mappings";
import { CellInput } from "@/components/forms/cell-inputs";
import { OutcomesEditor, type OutcomeColumn } from "@/components/forms/outcomes-editor";
import { EMPTY_OUTCOME, type MappingDraft, type OutcomeDraft } from "./mapping-draft";

const shape = mappingOutcomeSchema.shape;
const MAX: Record<keyof OutcomeDraft, number | undefined> = {
  canonicalId: shape.canonicalId.maxLength ?? undefined,
  betpawaName: shape.betpawaName.unwrap().maxLength ?? undefined,
  sportybetDesc: shape.sportybetDesc.unwrap().maxLength ?? undefined,
  bet9jaSuffix: shape.bet9jaSuffix.unwrap().maxLength ?? undefined,
};

const text = (field: keyof OutcomeDraft, header: string, label: string, mono = false): OutcomeColumn => ({
  id: field,
  header,
  cell: (i) => (
    <CellInput<MappingDraft> name={`outcomes.${i}.${field}`} label={`Row ${i + 1} ${label}`} mono={mono} maxLength={MAX[field]} />
  ),
});

const COLUMNS: OutcomeColumn[] = [
  { id: "position", header: "#", kind: "numeric", className: "muted", cell: (i) => i + 1 },
  text("canonicalId", "Canonical outcome id", "canonical outcome id", true),
  text("betpawaName", "betpawa name", "betpawa name"),
  text("sportybetDesc", "SportyBet name", "SportyBet name"),
  text("bet9jaSuffix", "Bet9ja suffix", "Bet9ja suffix", true),
];

const rowLabel = (i: number) => `row ${i + 1}`;
const always = () => true;

export function MappingOutcomes({ caption, describedBy }: { caption: string; describedBy: string }) {
  return (
    <OutcomesEditor<MappingDraft, "outcomes">
      name="outcomes"
      caption={caption}
      describedBy={describedBy}
      columns={COLUMNS}
      rowLabel={rowLabel}
      canMove
      canRemove={always}
      add={{ label: "+ Add outcome", row: () => ({ ...EMPTY_OUTCOME }) }}
    />
  );
}

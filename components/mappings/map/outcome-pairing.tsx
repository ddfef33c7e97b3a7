"use client";
// The mapping editor's outcomes, on the one outcomes editor. "Extend": the mapping's outcomes,
// each paired with one of the market's outcome names (pre-selected from the suggestion, with its
// confidence). "New": one row per outcome of the market, with an editable canonical id and
// betpawa name, and rows added by hand. Scraped names render as text.
import { useFormContext, useWatch } from "react-hook-form";
import type { Platform } from "@/lib/contract/enums";
import type { MappingDetail } from "@/lib/contract/mappings";
import { slugify } from "@/lib/slug";
import { CellCheckbox, CellInput, CellSelect } from "@/components/forms/cell-inputs";
import { CellError } from "@/components/forms/field";
import { OutcomesEditor, type OutcomeColumn } from "@/components/forms/outcomes-editor";
import { formatOdds } from "@/components/ui/format";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { emptyNewRow, outcomeFieldOf, type ExtendRow, type MapFormValues, type NewRow } from "./map-draft";
import { cx } from "@/components/ui/cx";
import styles from "./map-editor.module.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

function Confidence({ value }: { value: number }) {
  const tone = value >= 0.9 ? "high" : value >= 0.6 ? "medium" : "low";
  return (
    <span
      className={cx(styles.confidence, styles[`confidence${tone[0].toUpperCase()}${tone.slice(1)}`])}
      title="How sure the suggestion is"
    >
      {pct(value)}
    </span>
  );
}

interface Sample {
  name: string;
  odds: number | null;
}

const useExtendRow = (i: number) => useWatch<MapFormValues, `extend.rows.${number}`>({ name: `extend.rows.${i}` }) as ExtendRow;
const useNewRow = (i: number) => useWatch<MapFormValues, `fresh.rows.${number}`>({ name: `fresh.rows.${i}` }) as NewRow;

function OutcomeIdCell({ index }: { index: number }) {
  return <span className={cx(styles.pairingOutcome, "mono")}>{useExtendRow(index).outcomeId}</span>;
}

function SampleSelectCell({
  index,
  mapping,
  samples,
  source,
}: {
  index: number;
  mapping: MappingDetail;
  samples: Sample[];
  source: Platform;
}) {
  const { getValues, setValue } = useFormContext<MapFormValues>();
  const row = useExtendRow(index);
  const current = mapping.outcomes[index]?.[outcomeFieldOf(source)] ?? null;
  const names = [...samples.map((s) => s.name), ...(current && !samples.some((s) => s.name === current) ? [current] : [])];
  const options = names.map((name) => {
    const odds = samples.find((s) => s.name === name)?.odds;
    return {
      value: name,
      label: `${name}${odds != null ? ` (${formatOdds(odds)})` : name === current ? " (current, not in the latest sighting)" : ""}`,
    };
  });
  return (
    <CellSelect<MapFormValues>
      name={`extend.rows.${index}.sample`}
      label={`${PLATFORM_LABEL[source]} outcome for ${row.outcomeId}`}
      empty="— not offered —"
      options={options}
      onChanged={(sample) => {
        if (sample && getValues(`extend.rows.${index}.betpawaName`).trim() === "") setValue(`extend.rows.${index}.betpawaName`, sample);
      }}
    />
  );
}

function ConfidenceCell({ index }: { index: number }) {
  const { setValue } = useFormContext<MapFormValues>();
  const row = useExtendRow(index);
  if (row.suggested && row.sample === row.suggested.sample) return <Confidence value={row.suggested.confidence} />;
  if (row.sample) return <span className="muted">chosen by you</span>;
  if (!row.suggested) return <span className="muted">–</span>;
  const { sample, confidence } = row.suggested;
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => setValue(`extend.rows.${index}.sample`, sample, { shouldValidate: true })}
      title="Use the weak suggestion"
    >
      weak: {sample} ({pct(confidence)})
    </button>
  );
}

export function ExtendOutcomes({ mapping, samples, source }: { mapping: MappingDetail; samples: Sample[]; source: Platform }) {
  const platform = PLATFORM_LABEL[source];
  const rows = useWatch<MapFormValues, "extend.rows">({ name: "extend.rows" });
  const chosen = new Set(rows.map((r) => r.sample).filter(Boolean));
  const unpaired = samples.filter((s) => !chosen.has(s.name));
  const columns: OutcomeColumn[] = [
    { id: "outcome", header: "Canonical outcome", rowHeader: true, cell: (i) => <OutcomeIdCell index={i} /> },
    {
      id: "sample",
      header: `${platform} outcome`,
      cell: (i) => <SampleSelectCell index={i} mapping={mapping} samples={samples} source={source} />,
    },
    {
      id: "betpawaName",
      header: "betpawa name",
      cell: (i) => (
        <CellInput<MapFormValues> name={`extend.rows.${i}.betpawaName`} label={`betpawa name for ${rows[i]?.outcomeId ?? ""}`} />
      ),
    },
    { id: "confidence", header: "Confidence", className: "pairing-confidence", cell: (i) => <ConfidenceCell index={i} /> },
  ];
  return (
    <>
      <OutcomesEditor<MapFormValues, "extend.rows">
        name="extend.rows"
        caption={`Outcomes of ${mapping.name}, each paired with a ${platform} outcome of this market`}
        columns={columns}
        rowLabel={(i) => rows[i]?.outcomeId ?? `row ${i + 1}`}
      />
      {unpaired.length > 0 && (
        <p className="field-warning">
          Not paired: {unpaired.map((s) => `“${s.name}”`).join(", ")}. The scraper skips{" "}
          {unpaired.length === 1 ? "this outcome" : "these outcomes"} of the market; pair {unpaired.length === 1 ? "it" : "them"} above if
          betpawa offers {unpaired.length === 1 ? "it" : "them"}.
        </p>
      )}
    </>
  );
}

const newRowLabel = (row: NewRow | undefined, i: number) => (!row || row.custom ? `row ${i + 1}` : `“${row.sample}”`);

function NewSampleCell({ index, odds, platform }: { index: number; odds: Map<string, number | null>; platform: string }) {
  const { getValues, setValue, register } = useFormContext<MapFormValues>();
  const row = useNewRow(index);
  if (!row.custom) {
    const price = odds.get(row.sample);
    return (
      <span className={styles.pairingSample}>
        {row.sample}
        {price != null && <span className="muted"> · {formatOdds(price)}</span>}
      </span>
    );
  }
  const field = register(`fresh.rows.${index}.sample`, {
    // While the id still follows the name (as this render saw it), typing the name keeps them in step.
    onChange: (e) => {
      if (getValues(`fresh.rows.${index}.canonicalId`) === slugify(row.sample))
        setValue(`fresh.rows.${index}.canonicalId`, slugify(String(e.target.value)));
    },
  });
  return <SampleInput field={field} index={index} platform={platform} />;
}

function SampleInput({
  field,
  index,
  platform,
}: {
  field: ReturnType<ReturnType<typeof useFormContext<MapFormValues>>["register"]>;
  index: number;
  platform: string;
}) {
  const { formState } = useFormContext<MapFormValues>();
  const error = formState.errors.fresh?.rows?.[index]?.sample?.message;
  const errorId = `fresh-rows-${index}-sample-error`;
  return (
    <>
      <input
        {...field}
        className="input input-cell"
        aria-label={`${platform} outcome name, row ${index + 1}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <CellError id={errorId} error={error} />
    </>
  );
}

function NewInputCell({ index, column, mono }: { index: number; column: "canonicalId" | "betpawaName"; mono?: boolean }) {
  const row = useNewRow(index);
  const label = `${column === "canonicalId" ? "Canonical outcome id" : "betpawa name"} for ${newRowLabel(row, index)}`;
  return <CellInput<MapFormValues> name={`fresh.rows.${index}.${column}`} label={label} mono={mono} disabled={!row.include} />;
}

function IncludeCell({ index }: { index: number }) {
  const row = useNewRow(index);
  return <CellCheckbox<MapFormValues> name={`fresh.rows.${index}.include`} label={`Include ${newRowLabel(row, index)}`} />;
}

export function NewOutcomes({ source, odds }: { source: Platform; odds: Map<string, number | null> }) {
  const platform = PLATFORM_LABEL[source];
  const rows = useWatch<MapFormValues, "fresh.rows">({ name: "fresh.rows" });
  const columns: OutcomeColumn[] = [
    { id: "include", header: "Include", cell: (i) => <IncludeCell index={i} /> },
    { id: "sample", header: `${platform} outcome`, cell: (i) => <NewSampleCell index={i} odds={odds} platform={platform} /> },
    { id: "canonicalId", header: "Canonical outcome id", cell: (i) => <NewInputCell index={i} column="canonicalId" mono /> },
    { id: "betpawaName", header: "betpawa name", cell: (i) => <NewInputCell index={i} column="betpawaName" /> },
  ];
  return (
    <OutcomesEditor<MapFormValues, "fresh.rows">
      name="fresh.rows"
      caption={`Outcomes of the new mapping, one per ${platform} outcome of this market`}
      columns={columns}
      rowLabel={(i) => newRowLabel(rows[i], i)}
      canRemove={(i) => rows[i]?.custom === true}
      add={{ label: "+ Add an outcome by hand", row: emptyNewRow }}
    />
  );
}

"use client";
// The outcome tables of the mapping editor. "Extend": the mapping's outcomes, each paired with
// one of the market's outcome names (pre-selected from the suggestion, with its confidence).
// "New": one row per outcome of the market, with an editable canonical id and betpawa name.
import type { Platform } from "@/lib/contract/enums";
import type { MappingDetail } from "@/lib/contract/mappings";
import { formatOdds } from "@/components/ui/format";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { CellError } from "@/components/forms/field";
import { slugify } from "../validation";
import { nextRowKey, outcomeFieldOf, type ExtendDraft, type ExtendRow, type NewDraft, type NewRow } from "./map-draft";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function Confidence({ value }: { value: number }) {
  const tone = value >= 0.9 ? "high" : value >= 0.6 ? "medium" : "low";
  return (
    <span className={`confidence confidence-${tone}`} title="How sure the suggestion is">
      {pct(value)}
    </span>
  );
}

interface Sample {
  name: string;
  odds: number | null;
}

type ErrorFor = (field: string) => string | undefined;

interface ExtendProps {
  mapping: MappingDetail;
  draft: ExtendDraft;
  samples: Sample[];
  source: Platform;
  onRow: (index: number, patch: Partial<ExtendRow>) => void;
  errorFor: ErrorFor;
  idPrefix: string;
}

export function ExtendOutcomes({ mapping, draft, samples, source, onRow, errorFor, idPrefix }: ExtendProps) {
  const field = outcomeFieldOf(source);
  const platform = PLATFORM_LABEL[source];
  const chosen = new Set(draft.rows.map((r) => r.sample).filter((s): s is string => s !== null));
  const unpaired = samples.filter((s) => !chosen.has(s.name));
  return (
    <>
      <div className="edit-table-scroll">
        <table className="table table-compact edit-table pairing-table">
          <caption className="visually-hidden">
            Outcomes of {mapping.name}, each paired with a {platform} outcome of this market
          </caption>
          <thead>
            <tr>
              <th scope="col">Canonical outcome</th>
              <th scope="col">{platform} outcome</th>
              <th scope="col">betpawa name</th>
              <th scope="col">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {draft.rows.map((row, i) => {
              const current = mapping.outcomes[i]?.[field] ?? null;
              const options = [...samples.map((s) => s.name), ...(current && !samples.some((s) => s.name === current) ? [current] : [])];
              const sampleErr = errorFor(`body.outcomes.${i}.${field}`);
              const nameErr = errorFor(`body.outcomes.${i}.betpawaName`);
              const idErr = errorFor(`body.outcomes.${i}.canonicalId`);
              const suggestedHere = row.suggested && row.sample === row.suggested.sample;
              return (
                <tr key={row.outcomeId} data-outcome={row.outcomeId} className={row.sample === null ? "pairing-unpaired" : undefined}>
                  <th scope="row" className="mono pairing-outcome">
                    {row.outcomeId}
                    <CellError id={`${idPrefix}-o${i}-id-error`} error={idErr} />
                  </th>
                  <td>
                    <select
                      className="select select-cell"
                      value={row.sample ?? ""}
                      aria-label={`${platform} outcome for ${row.outcomeId}`}
                      aria-invalid={sampleErr ? true : undefined}
                      aria-describedby={sampleErr ? `${idPrefix}-o${i}-sample-error` : undefined}
                      onChange={(e) => {
                        const sample = e.target.value === "" ? null : e.target.value;
                        onRow(i, { sample, ...(row.betpawaName.trim() === "" && sample ? { betpawaName: sample } : {}) });
                      }}
                    >
                      <option value="">— not offered —</option>
                      {options.map((name) => {
                        const odds = samples.find((s) => s.name === name)?.odds;
                        return (
                          <option key={name} value={name}>
                            {name}
                            {odds != null ? ` (${formatOdds(odds)})` : name === current ? " (current, not in the latest sighting)" : ""}
                          </option>
                        );
                      })}
                    </select>
                    <CellError id={`${idPrefix}-o${i}-sample-error`} error={sampleErr} />
                  </td>
                  <td>
                    <input
                      className="input input-cell"
                      value={row.betpawaName}
                      maxLength={200}
                      aria-label={`betpawa name for ${row.outcomeId}`}
                      aria-invalid={nameErr ? true : undefined}
                      aria-describedby={nameErr ? `${idPrefix}-o${i}-name-error` : undefined}
                      onChange={(e) => onRow(i, { betpawaName: e.target.value })}
                    />
                    <CellError id={`${idPrefix}-o${i}-name-error`} error={nameErr} />
                  </td>
                  <td className="pairing-confidence">
                    {suggestedHere && row.suggested ? (
                      <Confidence value={row.suggested.confidence} />
                    ) : row.sample !== null ? (
                      <span className="muted">chosen by you</span>
                    ) : row.suggested ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onRow(i, { sample: row.suggested?.sample ?? null })}
                        title="Use the weak suggestion"
                      >
                        weak: {row.suggested.sample} ({pct(row.suggested.confidence)})
                      </button>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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

interface NewProps {
  draft: NewDraft;
  source: Platform;
  odds: Map<string, number | null>;
  onRows: (rows: NewRow[]) => void;
  errorFor: ErrorFor;
  idPrefix: string;
}

export function NewOutcomes({ draft, source, odds, onRows, errorFor, idPrefix }: NewProps) {
  const platform = PLATFORM_LABEL[source];
  const update = (key: number, patch: Partial<NewRow>) => onRows(draft.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    onRows([...draft.rows, { key: nextRowKey(), sample: "", custom: true, include: true, canonicalId: "", betpawaName: "" }]);
  return (
    <>
      <div className="edit-table-scroll">
        <table className="table table-compact edit-table pairing-table">
          <caption className="visually-hidden">Outcomes of the new mapping, one per {platform} outcome of this market</caption>
          <thead>
            <tr>
              <th scope="col">Include</th>
              <th scope="col">{platform} outcome</th>
              <th scope="col">Canonical outcome id</th>
              <th scope="col">betpawa name</th>
              <th scope="col">
                <span className="visually-hidden">Row actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.rows.map((row, i) => {
              const label = row.custom ? `row ${i + 1}` : `“${row.sample}”`;
              const idErr = errorFor(`row.${i}.canonicalId`);
              const nameErr = errorFor(`row.${i}.betpawaName`);
              const sampleErr = errorFor(`row.${i}.sample`);
              const price = odds.get(row.sample);
              return (
                <tr key={row.key} className={row.include ? undefined : "pairing-unpaired"} data-sample={row.sample}>
                  <td>
                    <input
                      type="checkbox"
                      checked={row.include}
                      onChange={(e) => update(row.key, { include: e.target.checked })}
                      aria-label={`Include ${label}`}
                    />
                  </td>
                  <td>
                    {row.custom ? (
                      <>
                        <input
                          className="input input-cell"
                          value={row.sample}
                          maxLength={200}
                          aria-label={`${platform} outcome name, row ${i + 1}`}
                          aria-invalid={sampleErr ? true : undefined}
                          aria-describedby={sampleErr ? `${idPrefix}-n${row.key}-sample-error` : undefined}
                          onChange={(e) =>
                            update(row.key, {
                              sample: e.target.value,
                              ...(row.canonicalId === slugify(row.sample) ? { canonicalId: slugify(e.target.value) } : {}),
                            })
                          }
                        />
                        <CellError id={`${idPrefix}-n${row.key}-sample-error`} error={sampleErr} />
                      </>
                    ) : (
                      <span className="pairing-sample">
                        {row.sample}
                        {price != null && <span className="muted"> · {formatOdds(price)}</span>}
                      </span>
                    )}
                  </td>
                  <td>
                    <input
                      className="input input-cell mono"
                      value={row.canonicalId}
                      maxLength={100}
                      disabled={!row.include}
                      aria-label={`Canonical outcome id for ${label}`}
                      aria-invalid={idErr ? true : undefined}
                      aria-describedby={idErr ? `${idPrefix}-n${row.key}-id-error` : undefined}
                      onChange={(e) => update(row.key, { canonicalId: e.target.value })}
                    />
                    <CellError id={`${idPrefix}-n${row.key}-id-error`} error={idErr} />
                  </td>
                  <td>
                    <input
                      className="input input-cell"
                      value={row.betpawaName}
                      maxLength={200}
                      disabled={!row.include}
                      aria-label={`betpawa name for ${label}`}
                      aria-invalid={nameErr ? true : undefined}
                      aria-describedby={nameErr ? `${idPrefix}-n${row.key}-name-error` : undefined}
                      onChange={(e) => update(row.key, { betpawaName: e.target.value })}
                    />
                    <CellError id={`${idPrefix}-n${row.key}-name-error`} error={nameErr} />
                  </td>
                  <td className="cell-row-actions">
                    {row.custom && (
                      <button
                        type="button"
                        className="row-button row-button-danger"
                        onClick={() => onRows(draft.rows.filter((r) => r.key !== row.key))}
                        aria-label={`Remove row ${i + 1}`}
                        title="Remove"
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <button type="button" className="button button-small" onClick={add}>
          + Add an outcome by hand
        </button>
      </div>
    </>
  );
}

"use client";
// The live price check beside the outcome table (issue 13): the verdict of the draft as it stands
// (POST /api/unmapped/{id}/map/check), per platform compared the difference per outcome and the
// pairing the prices support (one click applies it), and the dry run: how much of the latest run
// the mapping would cover, per line, and which outcome names it leaves unmatched. Names are text.
import type { UseQueryResult } from "@tanstack/react-query";
import { errorMessage } from "@/lib/api/errors";
import type { MapCheck } from "@/lib/contract/price-check";
import { formatCount } from "@/components/ui/format";
import { PlatformBadge } from "@/components/unmapped/badges";
import { VerdictBadge } from "./price-badges";
import { points, type Comparison } from "./price-check";
import styles from "./price-check.module.css";

interface Props {
  /** The check of the draft; disabled while there is no body to check. */
  check: UseQueryResult<MapCheck>;
  hasBody: boolean;
  /** The draft changed and its check is not back yet. */
  stale: boolean;
  /** The comparison whose better pairing one click applies, if any. */
  fixable: Comparison | null;
  onUseBest: () => void;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function Overall({ check }: { check: MapCheck }) {
  const limit = points(check.thresholds.consistentMaxDiff);
  if (check.verdict === "no_overlap")
    return (
      <p>
        There were no shared events to compare: no event in the latest runs had prices for both this market and its counterpart on another
        platform.
      </p>
    );
  return (
    <p>
      {plural(check.eventsCompared, "event", "events")} compared; mean difference{" "}
      <strong>{check.meanDifference === null ? "n/a" : `${points(check.meanDifference)} points`}</strong> (consistent up to {limit}).
    </p>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  return (
    <section className={styles.comparison} aria-label={`Against ${c.platform} ${c.externalMarketId}`}>
      <p className={styles.comparisonTitle}>
        <PlatformBadge source={c.platform} /> <span className="mono">{c.externalMarketId}</span>{" "}
        <span className="muted">{c.via === "mapping" ? "(the mapping's market there)" : "(mapped too)"}</span>{" "}
        <VerdictBadge verdict={c.verdict} />
      </p>
      {c.outcomes.length > 0 && c.verdict !== "no_overlap" && (
        <table className={styles.outcomes}>
          <caption className="visually-hidden">Difference per outcome</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Paired with</th>
              <th scope="col">Diff.</th>
            </tr>
          </thead>
          <tbody>
            {c.outcomes.map((o) => {
              const other = o.bestPairedWith !== null && o.bestPairedWith !== o.pairedWith;
              return (
                <tr key={o.name} data-swapped={other || undefined}>
                  <th scope="row">{o.name}</th>
                  <td>
                    {o.pairedWith ?? <span className="muted">unpaired</span>}
                    {other && <span className={styles.better}>prices pair it with {o.bestPairedWith}</span>}
                  </td>
                  <td className={styles.number}>{o.meanDifference === null ? "–" : points(o.meanDifference)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {c.reasons.length > 0 && (
        <ul className={styles.reasons}>
          {c.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DryRun({ dryRun }: { dryRun: MapCheck["dryRun"] }) {
  if (dryRun.runId === null) return <p className="muted">No run in the snapshot offered this market: nothing to count yet.</p>;
  return (
    <>
      <p>
        Run #{dryRun.runId}: covers {formatCount(dryRun.coveredSightings)} of {plural(dryRun.sightings, "sighting", "sightings")} in{" "}
        {formatCount(dryRun.coveredEvents)} of {plural(dryRun.events, "event", "events")}.
      </p>
      {dryRun.lines.length > 1 || (dryRun.lines[0] && dryRun.lines[0].line !== "") ? (
        <ul className={styles.lines} aria-label="Per line">
          {dryRun.lines.map((l) => (
            <li key={l.line}>
              <span className="mono">{l.line || "(no line)"}</span>: {formatCount(l.coveredSightings)}/{formatCount(l.sightings)} sightings,{" "}
              {formatCount(l.coveredEvents)}/{formatCount(l.events)} events
            </li>
          ))}
        </ul>
      ) : null}
      {dryRun.unmatchedOutcomes.length > 0 ? (
        <p className="field-warning">Left unmatched: {dryRun.unmatchedOutcomes.map((n) => `“${n}”`).join(", ")}.</p>
      ) : (
        <p className="muted">Every outcome of the market is matched.</p>
      )}
    </>
  );
}

export function PriceCheckPanel({ check, hasBody, stale, fixable, onUseBest }: Props) {
  const data = check.data;
  const busy = hasBody && (stale || check.isFetching);
  return (
    <section className="card" aria-labelledby="price-check-title" aria-busy={busy}>
      <header className="card-header">
        <h2 id="price-check-title">Price check</h2>
        {hasBody && data && <VerdictBadge verdict={data.verdict} />}
        {busy && <span className="card-note">checking…</span>}
      </header>
      <div className={styles.panelBody} aria-live="polite">
        {!hasBody ? (
          <p className="muted">Pick the mapping to extend, or fill in the new one, to check it against the other platforms&apos; prices.</p>
        ) : check.isError && !stale ? (
          <p className="muted">Cannot check this draft yet: {errorMessage(check.error)}</p>
        ) : !data ? (
          <p className="muted">Checking against the other platforms&apos; prices…</p>
        ) : (
          <>
            <Overall check={data} />
            {fixable && (
              <div className={styles.fix}>
                <p>
                  The prices pair the outcomes otherwise:{" "}
                  {fixable.outcomes
                    .filter((o) => o.bestPairedWith !== null)
                    .map((o) => `${o.name} → ${o.bestPairedWith}`)
                    .join(", ")}
                  .
                </p>
                <button type="button" className="button button-small" onClick={onUseBest}>
                  Use the pairing prices support
                </button>
              </div>
            )}
            {data.comparisons.map((c) => (
              <ComparisonView key={`${c.platform}:${c.externalMarketId}`} c={c} />
            ))}
            <h3 className={styles.subTitle}>Dry run</h3>
            <DryRun dryRun={data.dryRun} />
          </>
        )}
      </div>
    </section>
  );
}

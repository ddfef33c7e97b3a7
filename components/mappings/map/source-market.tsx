// The market being mapped: its outcomes (the names the pairing chooses from), the lines seen, and
// its weight in the latest run, which is the coverage a mapping gains.
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { formatCount, plural } from "@/components/ui/format";
import { Facts } from "@/components/ui/facts";
import { RelativeTime } from "@/components/ui/relative-time";
import { PlatformBadge, ReasonBadge } from "@/components/unmapped/badges";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { OutcomesTable } from "@/components/unmapped/detail/outcomes-table";
import { cx } from "@/components/ui/cx";
import styles from "./map-editor.module.css";

const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 2 });

export function SourceMarket({ market }: { market: UnmappedDetail }) {
  const impact = market.impact;
  return (
    <section className="card" aria-labelledby="source-title">
      <header className="card-header">
        <h2 id="source-title">Source market</h2>
        <PlatformBadge source={market.source} />
      </header>
      <div className="card-body stack">
        <div className={styles.impact}>
          <h3 id="impact-title" className="visually-hidden">
            Coverage gained if mapped
          </h3>
          {impact ? (
            <>
              <p className={styles.impactFigure}>
                <span className={styles.impactNumber}>{impact.share === null ? "–" : `+${percent.format(impact.share)}`}</span>
                <span className={styles.impactLabel}>coverage gained if mapped</span>
              </p>
              <p className={cx(styles.impactDetail, "muted")}>
                Share of {PLATFORM_LABEL[market.source]}&apos;s sightings in run #{impact.runId}: {plural(impact.sightings, "sighting")} in{" "}
                {plural(impact.events, "event")}.
              </p>
            </>
          ) : (
            <p className="muted">Not sighted in a finished run yet, so its share of the sightings is unknown.</p>
          )}
        </div>
        <Facts
          compact
          facts={[
            { term: "External id", value: market.externalMarketId, valueClass: "mono" },
            { term: "Reason", value: <ReasonBadge reason={market.reason} /> },
            {
              term: "Sightings",
              hint: "One per market instance (one line) per event snapshot",
              value: (
                <>
                  <span className="num-inline">{formatCount(market.occurrenceCount)}</span> <span className="muted">in all · last</span>{" "}
                  <RelativeTime iso={market.lastSeenAt} />
                </>
              ),
            },
          ]}
        />
        <section aria-labelledby="source-outcomes-title" className="stack-tight">
          <h3 id="source-outcomes-title">Outcomes of the latest sighting</h3>
          <OutcomesTable outcomes={market.sampleOutcomes} />
        </section>
        <section aria-labelledby="source-lines-title" className="stack-tight">
          <h3 id="source-lines-title">Lines seen ({market.specifiers.length})</h3>
          {market.specifiers.length === 0 ? (
            <p className="muted">Offered without a line.</p>
          ) : (
            <ul className="chips" aria-label="Lines">
              {market.specifiers.map((l) => (
                <li key={l} className="chip">
                  {l}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

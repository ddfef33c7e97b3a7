// The resulting mapping as the scraper will see it once saved: the lookup keys it answers to and
// the outcome names it translates, with what this change sets highlighted.
import type { MapMarket } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { OriginBadge } from "../labels";
import { OutcomesView } from "../outcomes-view";
import type { PreviewEntry } from "./map-request";
import { cx } from "@/components/ui/cx";
import styles from "./map-editor.module.css";

function Value({ value, changed }: { value: string | null; changed: boolean }) {
  return (
    <dd className={changed ? "cell-changed" : undefined}>
      {value === null ? <span className="muted">none</span> : <span className="mono">{value}</span>}
      {changed && <span className="visually-hidden"> (set by this change)</span>}
    </dd>
  );
}

export function MappingPreview({ entry, market, body }: { entry: PreviewEntry | null; market: UnmappedDetail; body: MapMarket | null }) {
  return (
    <section className="card preview" aria-labelledby="preview-title">
      <header className="card-header">
        <h2 id="preview-title">Preview: the mapping as the scraper will see it</h2>
        {entry && <OriginBadge origin="user" />}
      </header>
      <div className="card-body stack">
        {!entry ? (
          <p className="muted">Pick a mapping to extend, or fill in the new mapping, to see the result.</p>
        ) : (
          <>
            <p className={styles.previewLookup}>
              {PLATFORM_LABEL[market.source]} market <span className="mono">{market.externalMarketId}</span>{" "}
              <span aria-hidden="true">→</span>
              <span className="visually-hidden">maps to</span> <strong>{entry.name || "(no name)"}</strong>{" "}
              <span className="mono muted">{entry.canonicalId}</span>
              {entry.betpawaId ? (
                <>
                  {" "}
                  → betpawa <span className="mono">{entry.betpawaId}</span>
                </>
              ) : (
                <span className={cx(styles.previewWarning, "field-error")}>no betpawa market: it would stay unmapped</span>
              )}
            </p>
            {entry.overridesBuiltin && (
              <p className="muted">
                Saved as a user override of the built-in entry with the same id; the built-in entry applies again if the override is
                deactivated.
              </p>
            )}
            <dl className={cx(styles.previewFacts, "facts facts-compact")}>
              <div>
                <dt>Canonical id</dt>
                <Value value={entry.canonicalId} changed={entry.changed.has("canonicalId")} />
              </div>
              <div>
                <dt>Name</dt>
                <dd className={entry.changed.has("name") ? "cell-changed" : undefined}>{entry.name}</dd>
              </div>
              <div>
                <dt>betpawa id</dt>
                <Value value={entry.betpawaId} changed={entry.changed.has("betpawaId")} />
              </div>
              <div>
                <dt>SportyBet id</dt>
                <Value value={entry.sportybetId} changed={entry.changed.has("sportybetId")} />
              </div>
              <div>
                <dt>Bet9ja key</dt>
                <Value value={entry.bet9jaKey} changed={entry.changed.has("bet9jaKey")} />
              </div>
            </dl>
            <OutcomesView outcomes={entry.outcomes} caption="Outcomes of the resulting mapping" changed={entry.changed} />
            <p className="muted table-note">
              <span className="legend-changed" aria-hidden="true" /> Set by this change.
            </p>
            {body && (
              <details className="disclosure">
                <summary>Request body</summary>
                <pre className="code-block disclosure-body">{JSON.stringify(body, null, 2)}</pre>
              </details>
            )}
          </>
        )}
      </div>
    </section>
  );
}

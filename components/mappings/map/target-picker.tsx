"use client";
// Choosing the mapping to extend: the ranked suggestions from /candidates (score, reasons, one
// click to pick) and a search over every active mapping. A mapping that already names another
// market of this platform cannot take this one, and says so.
import { errorMessage } from "@/lib/api/errors";
import { mappingQueries } from "@/lib/api/mappings";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import type { Candidates, MappingItem } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { MAPPING_SEARCH_MAX } from "@/lib/url-state/mappings-view";
import { DebouncedInput } from "@/components/ui/debounced-input";
import { formatCount } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import { RetryBanner } from "@/components/ui/retry-banner";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { OriginBadge } from "../labels";
import { platformIdFieldOf, type Pairing } from "./map-draft";
import { FeatureBreakdown, SafeBadge } from "./price-badges";
import { cx } from "@/components/ui/cx";
import styles from "./target-picker.module.css";
import listStyles from "@/components/data-table/list.module.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function Score({ value, label = "match" }: { value: number; label?: string }) {
  const tone = value >= 0.75 ? "high" : value >= 0.5 ? "medium" : "low";
  return (
    <span className={cx(styles.score, styles[`score${tone[0].toUpperCase()}${tone.slice(1)}`])} title={`${label} score ${pct(value)}`}>
      <span className={styles.scoreBar} aria-hidden="true">
        <span style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      <span className={styles.scoreValue}>
        {pct(value)}
        <span className="visually-hidden"> {label}</span>
      </span>
    </span>
  );
}

interface PickProps {
  market: UnmappedDetail;
  candidates: { data: Candidates | undefined; isPending: boolean; error: unknown; refetch: () => void };
  selected: string | null;
  onPick: (canonicalId: string, pairings: Pairing[] | null) => void;
}

function UseButton({
  name,
  selected,
  occupied,
  onClick,
}: {
  name: string;
  selected: boolean;
  occupied: string | null;
  onClick: () => void;
}) {
  if (occupied) {
    return (
      <span className={styles.candidateTaken} title={`Already maps another market (${occupied}); a mapping takes one market per platform`}>
        Taken
      </span>
    );
  }
  return (
    <button
      type="button"
      className={selected ? "button button-small button-selected" : "button button-small"}
      aria-pressed={selected}
      onClick={onClick}
      aria-label={`Use ${name}`}
    >
      {selected ? "Selected" : "Use"}
    </button>
  );
}

/**
 * One mapping to pick, suggested or found: its name, origin and canonical id, what `meta` adds, the
 * `details` and `score` of a suggestion, and Use (or Taken when it already maps another market).
 */
function TargetOption({
  mapping,
  selected,
  taken,
  onUse,
  meta,
  details,
  score,
  badge,
}: {
  mapping: Pick<MappingItem, "canonicalId" | "name" | "origin">;
  selected: boolean;
  taken: string | null;
  onUse: () => void;
  meta: ReactNode;
  details?: ReactNode;
  score?: ReactNode;
  /** Beside the name, e.g. "safe to accept". */
  badge?: ReactNode;
}) {
  return (
    <li
      className={cx(styles.candidate, selected && styles.candidateSelected, taken !== null && styles.candidateOccupied)}
      data-occupied={taken !== null || undefined}
      data-canonical-id={mapping.canonicalId}
    >
      <div className={styles.candidateMain}>
        <div className={styles.candidateTitle}>
          <span className={styles.candidateName}>{mapping.name}</span>
          <OriginBadge origin={mapping.origin} />
          {badge}
        </div>
        <div className={styles.candidateMeta}>
          <span className="mono">{mapping.canonicalId}</span>
          {meta}
        </div>
        {details}
      </div>
      {score}
      <UseButton name={mapping.name} selected={selected} occupied={taken} onClick={onUse} />
    </li>
  );
}

export function TargetPicker({ market, candidates, selected, onPick }: PickProps) {
  const [q, setQ] = useState("");
  const idField = platformIdFieldOf(market.source);
  const searchQuery = { q, active: true, sort: "name", order: "asc", page: 1, pageSize: 8 } as const;
  const search = useQuery({
    ...mappingQueries.list(searchQuery),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const occupiedBy = (m: Pick<MappingItem, "sportybetId" | "bet9jaKey">) => {
    const v = m[idField];
    return v !== null && v !== market.externalMarketId ? v : null;
  };
  const list = candidates.data?.mappings ?? [];

  return (
    <div className="stack target-picker">
      <section aria-labelledby="suggestions-title" className="stack-tight">
        <h3 id="suggestions-title">Suggested mappings</h3>
        {candidates.isPending ? (
          <div className="stack-tight" aria-hidden="true">
            <Skeleton width="100%" height="2.6rem" />
            <Skeleton width="100%" height="2.6rem" />
          </div>
        ) : candidates.error && !candidates.data ? (
          <RetryBanner what="Could not load suggestions" error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : list.length === 0 ? (
          <p className="muted">No mapping looks like this market. Search below, or create a new mapping.</p>
        ) : (
          <ul className={styles.candidates} aria-label="Suggested mappings, best first">
            {list.map((c) => (
              <TargetOption
                key={c.canonicalId}
                mapping={c}
                selected={selected === c.canonicalId}
                taken={c.occupied ? (c.reasons.find((r) => r.startsWith("already maps")) ?? "taken") : null}
                onUse={() => onPick(c.canonicalId, c.pairings)}
                meta={
                  <span>
                    betpawa {c.betpawaId === null ? <span className="muted">none</span> : <span className="mono">{c.betpawaId}</span>}
                  </span>
                }
                details={
                  <>
                    <ul className={styles.candidateReasons} aria-label="Why">
                      {c.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                    <FeatureBreakdown features={c.features} price={c.price} />
                  </>
                }
                badge={<SafeBadge safe={c.safeToAccept} />}
                score={<Score value={c.score} />}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mapping-search-title" className="stack-tight">
        <h3 id="mapping-search-title">Or search every mapping</h3>
        <div className={cx(listStyles.searchField, styles.searchFieldFull)}>
          <label htmlFor="target-search" className="visually-hidden">
            Search mappings by name, canonical id or platform id
          </label>
          <span className={listStyles.searchIcon} aria-hidden="true" />
          <DebouncedInput
            id="target-search"
            type="search"
            className="input"
            placeholder="Search name, canonical id or platform id"
            autoComplete="off"
            spellCheck={false}
            maxLength={MAPPING_SEARCH_MAX ?? undefined}
            value={q}
            onCommit={setQ}
            onKeyDown={(e) => {
              // Enter commits the search; it must not submit the mapping form.
              if (e.key === "Enter") e.preventDefault();
            }}
          />
        </div>
        {q && (
          <div aria-live="polite" aria-busy={search.isFetching}>
            {search.isError ? (
              <p className="field-error">Search failed: {errorMessage(search.error)}</p>
            ) : !search.data ? (
              <p className="muted">Searching…</p>
            ) : search.data.items.length === 0 ? (
              <p className="muted">No active mapping matches “{q}”.</p>
            ) : (
              <ul className={cx(styles.candidates, styles.candidatesCompact)} aria-label="Search results">
                {search.data.items.map((m) => {
                  const taken = occupiedBy(m);
                  return (
                    <TargetOption
                      key={m.canonicalId}
                      mapping={m}
                      selected={selected === m.canonicalId}
                      taken={taken}
                      onUse={() => onPick(m.canonicalId, null)}
                      meta={
                        <>
                          <span>{formatCount(m.outcomeCount)} outcomes</span>
                          {taken && (
                            <span>
                              already maps {PLATFORM_LABEL[market.source]} <span className="mono">{taken}</span>
                            </span>
                          )}
                        </>
                      }
                    />
                  );
                })}
                {search.data.total > search.data.items.length && (
                  <li className={cx(styles.candidateMore, "muted")}>
                    {formatCount(search.data.total - search.data.items.length)} more: refine the search, or{" "}
                    <Link href={`/mappings?${new URLSearchParams({ q })}`} target="_blank">
                      browse them
                    </Link>
                    .
                  </li>
                )}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

"use client";
// The history of a market or a mapping (and, with showEntity, the app-wide audit feed): every
// status, notes and mapping change with who, when and why. Stored values are scraped or typed
// text, so everything renders as React text.
import { HISTORY_FIRST_PAGE } from "@/lib/api/audit";
import { errorMessage } from "@/lib/api/errors";
import type { PageWindow } from "@/lib/api/keys";
import { mappingQueries } from "@/lib/api/mappings";
import { unmappedQueries } from "@/lib/api/unmapped";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { AuditEntry } from "@/lib/contract/audit";
import { formatCount } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { RetryBanner } from "@/components/ui/retry-banner";
import { Skeleton } from "@/components/ui/skeleton";
import { ACTION_TONE, describeEntry } from "./describe-entry";
import { EntryBody } from "./entry-body";
import { cx } from "@/components/ui/cx";
import styles from "./history.module.css";
import { mappingHref } from "@/lib/api/mappings";

const TONE_CLASS = {
  status: "historyStatus",
  notes: "historyNotes",
  mapped: "historyMapped",
  danger: "historyDanger",
  mapping: "historyMapping",
} as const;

const ACTOR_LABEL: Record<string, string> = { anonymous: "Anonymous user", scraper: "Scraper" };

/** What an entry is about, by name (scraped or typed text, rendered as text), with its id. */
function EntityLink({ entry }: { entry: AuditEntry }) {
  if (entry.entityType === "unmapped_market") {
    return (
      <Link href={`/unmapped/${encodeURIComponent(entry.entityId)}`} className={styles.historyEntity}>
        {entry.entityName && <span className={styles.historyEntityName}>{entry.entityName}</span>}
        <span className="muted">Market #{entry.entityId}</span>
      </Link>
    );
  }
  return (
    <Link href={mappingHref(entry.entityId)} className={styles.historyEntity}>
      {entry.entityName && <span className={styles.historyEntityName}>{entry.entityName}</span>}
      <span className="mono">{entry.entityId}</span>
    </Link>
  );
}

export function HistoryItem({ entry, showEntity = false }: { entry: AuditEntry; showEntity?: boolean }) {
  return (
    <li className={cx(styles.historyItem, styles[TONE_CLASS[ACTION_TONE[entry.action]]])} data-action={entry.action}>
      <span className={styles.historyDot} aria-hidden="true" />
      <div className={styles.historyContent}>
        {showEntity && (
          <div className={styles.historySubject}>
            <EntityLink entry={entry} />
          </div>
        )}
        <EntryBody d={describeEntry(entry)} />
        {entry.reason && (
          <blockquote className={styles.historyReason}>
            <span className="visually-hidden">Reason: </span>
            {entry.reason}
          </blockquote>
        )}
        <p className={styles.historyMeta}>
          {ACTOR_LABEL[entry.actor] ?? entry.actor} · <RelativeTime iso={entry.createdAt} />
        </p>
      </div>
    </li>
  );
}

/** Entries newest first, as the history endpoints return them. */
export function HistoryList({ entries, showEntity = false, label }: { entries: AuditEntry[]; showEntity?: boolean; label: string }) {
  return (
    <ol className={styles.history} aria-label={label}>
      {entries.map((e) => (
        <HistoryItem key={e.id} entry={e} showEntity={showEntity} />
      ))}
    </ol>
  );
}

export function HistorySkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="stack-tight" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} width={`${70 - i * 12}%`} />
      ))}
    </div>
  );
}

const STEP = HISTORY_FIRST_PAGE.pageSize;

interface PanelProps {
  titleId: string;
  empty: string;
  /** The query options of the first `pageSize` entries. */
  query: (window: PageWindow) => ReturnType<typeof unmappedQueries.history | typeof mappingQueries.history>;
}

/** The "History" card of a market or a mapping: the newest entries, and "Show older" for more. */
function HistoryPanel({ titleId, empty, query }: PanelProps) {
  const title = "History";
  const [pageSize, setPageSize] = useState(STEP);
  const history = useQuery({ ...query({ page: 1, pageSize }), placeholderData: keepPreviousData });
  const data = history.data;
  return (
    <section className="card" aria-labelledby={titleId} aria-busy={history.isFetching}>
      <header className="card-header">
        <h2 id={titleId}>{title}</h2>
        {data && data.total > 0 && <span className="muted">{formatCount(data.total)}</span>}
      </header>
      <div className="card-body">
        {data ? (
          data.items.length === 0 ? (
            <p className="muted">{empty}</p>
          ) : (
            <>
              <HistoryList entries={data.items} label={title} />
              {data.total > data.items.length && (
                <button
                  type="button"
                  className={cx(styles.historyMore, "button button-small")}
                  onClick={() => setPageSize((n) => n + STEP)}
                  disabled={history.isFetching}
                >
                  {history.isFetching ? "Loading…" : `Show older (${formatCount(data.total - data.items.length)} more)`}
                </button>
              )}
            </>
          )
        ) : history.isError ? (
          <RetryBanner what="Could not load the history" error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <HistorySkeleton />
        )}
        {data && history.isError && (
          <p className="field-error" role="alert">
            Could not refresh: {errorMessage(history.error)}
          </p>
        )}
      </div>
    </section>
  );
}

/** A mapping's history (GET /api/mappings/{canonicalId}/history): created, edited, deactivated. */
export function MappingHistory({ canonicalId }: { canonicalId: string }) {
  return (
    <HistoryPanel
      titleId="mapping-history-title"
      empty="No changes yet: this is the built-in entry as shipped. Edits and overrides are recorded here with their reason."
      query={(window) => mappingQueries.history(canonicalId, window)}
    />
  );
}

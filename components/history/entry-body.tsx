// What one history entry says, by kind. Values are scraped or typed text: rendered as React text.
import Link from "next/link";
import type { ReactNode } from "react";
import { mappingHref } from "@/lib/api/mappings";
import { StatusBadge } from "@/components/unmapped/badges";
import { SnoozeText } from "@/components/unmapped/detail/snooze-text";
import type { Described } from "./describe-entry";
import styles from "./history.module.css";

function Value({ value }: { value: string | null }) {
  return value === null ? (
    <span className="muted">none</span>
  ) : (
    <span className={styles.historyValue} data-history-value>
      {value}
    </span>
  );
}

export function EntryBody({ d }: { d: Described }): ReactNode {
  switch (d.kind) {
    case "status":
      return (
        <span className={styles.historyTitle}>
          Status {d.before ? <StatusBadge status={d.before} /> : "?"} <span aria-hidden="true">→</span>
          <span className="visually-hidden">changed to</span> {d.after ? <StatusBadge status={d.after} /> : "?"}
        </span>
      );
    case "notes":
      return (
        <>
          <span className={styles.historyTitle}>
            {d.after === null ? "Notes cleared" : d.before === null ? "Notes added" : "Notes changed"}
          </span>
          {d.after !== null && <p className={styles.historyNote}>{d.after}</p>}
        </>
      );
    case "mapped":
      return (
        <span className={styles.historyTitle}>
          Mapped{" "}
          {d.mapping && (
            <>
              by{" "}
              <Link href={mappingHref(d.mapping)} className="mono">
                {d.mapping}
              </Link>
            </>
          )}
          <span className="visually-hidden">: status Mapped</span>
        </span>
      );
    case "unmapped":
      return (
        <span className={styles.historyTitle}>
          Unmapped{" "}
          {d.mapping && (
            <>
              from{" "}
              <Link href={mappingHref(d.mapping)} className="mono">
                {d.mapping}
              </Link>
            </>
          )}
          <span className="visually-hidden">: status New</span>
        </span>
      );
    case "regressed":
      return <span className={styles.historyTitle}>Regressed: sighted unmapped again after it was mapped, reopened as New</span>;
    case "assignee":
      return (
        <span className={styles.historyTitle}>
          {d.after === null ? (
            <>Unassigned{d.before !== null && <> from {d.before}</>}</>
          ) : (
            <>
              Assigned to {d.after}
              {d.before !== null && <span className="muted">(was {d.before})</span>}
            </>
          )}
        </span>
      );
    case "snoozed":
      return (
        <span className={styles.historyTitle}>
          Ignored until {d.condition ? <SnoozeText snooze={d.condition} /> : "a condition is met"}
        </span>
      );
    case "unsnoozed":
      return (
        <span className={styles.historyTitle}>
          {d.met ? "Reopened as New: its snooze condition was met" : "Snooze cleared"}
          {d.condition && (
            <span className="muted">
              (ignored until <SnoozeText snooze={d.condition} />)
            </span>
          )}
        </span>
      );
    case "escalated":
      return <span className={styles.historyTitle}>Escalating: sighted more than 3× as often as usual in a run</span>;
    case "mapping":
      return (
        <>
          <span className={styles.historyTitle}>{d.title}</span>
          {d.summary && <p className={styles.historySummary}>{d.summary}</p>}
          {d.changes.length > 0 && (
            <ul className={styles.historyChanges}>
              {d.changes.map((c, i) => (
                <li key={i}>
                  <span className={styles.historyChangeLabel}>{c.label}</span>
                  {(c.before !== null || c.after !== null) && (
                    <>
                      {": "}
                      <Value value={c.before} /> <span aria-hidden="true">→</span>
                      <span className="visually-hidden">changed to</span> <Value value={c.after} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      );
  }
}

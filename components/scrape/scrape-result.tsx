"use client";
import Link from "next/link";
import type { ScrapeRun } from "@/lib/contract/scrape";
import { alertTitle } from "@/components/alerts/alert-title";
import { formatCount, plural } from "@/components/ui/format";
import styles from "./scrape-panel.module.css";

function duration(run: ScrapeRun): string | null {
  if (!run.finishedAt) return null;
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

const VERB: Record<ScrapeRun["status"], string> = {
  running: "is running",
  completed: "completed",
  partial: "finished with errors",
  failed: "failed",
};

export function ScrapeResult({ run }: { run: ScrapeRun }) {
  const took = duration(run);
  const sourceErrors = Object.entries(run.sources).flatMap(([source, s]) => s.errors.map((e) => `${source}: ${e}`));
  // Worded like the toast that announced them, so the two agree.
  const reopened = Object.values(run.sources).reduce((n, s) => n + (s.reopened ?? 0), 0);
  const found = run.newMarkets + reopened;
  return (
    <div className={styles.scrapeResult}>
      <p>
        <strong>
          Run #{run.id} {VERB[run.status]}
          {took ? ` in ${took}` : ""}
        </strong>
        <span className={styles.scrapeStats}>
          <span>{plural(run.events, "event")}</span>
          <span>{plural(run.markets, "market")}</span>
          <span>{formatCount(run.unmapped)} unmapped sightings</span>
          <span className={found > 0 ? styles.scrapeNew : undefined}>{alertTitle({ count: found, listed: found, reopened })}</span>
        </span>
        {found > 0 && (
          <Link href="/unmapped?sort=firstSeenAt" className="scrape-link">
            View new markets
          </Link>
        )}
      </p>
      {(run.error || sourceErrors.length > 0) && (
        <p className={styles.scrapeError}>
          {run.error}
          {sourceErrors.length > 0 && ` ${plural(sourceErrors.length, "error")}, first: ${sourceErrors[0]}`}
        </p>
      )}
    </div>
  );
}

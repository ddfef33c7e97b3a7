"use client";
// The strip under the header that follows a scrape run: a progress bar while it goes, then its
// result. A run someone else started (the schedule, another tab) hides itself after a while; one
// started from here stays until dismissed.
import { useEffect } from "react";
import { progressPercent } from "./progress";
import { useScrape } from "./scrape-context";
import { ScrapeResult } from "./scrape-result";
import styles from "./scrape-panel.module.css";
import { cx } from "@/components/ui/cx";

const AUTO_HIDE_MS = 15_000;
const TONE = {
  info: "scrapePanelInfo",
  success: "scrapePanelSuccess",
  warning: "scrapePanelWarning",
  danger: "scrapePanelDanger",
} as const;

export function ScrapePanel() {
  const s = useScrape();
  const { dismiss } = s;
  const finished = s.run !== undefined && !s.running;

  useEffect(() => {
    if (!finished || s.requested) return;
    const t = setTimeout(dismiss, AUTO_HIDE_MS);
    return () => clearTimeout(t);
  }, [finished, s.requested, dismiss]);

  if (!s.visible) return <div id="scrape-panel-text" hidden />;

  const percent = s.progress ? progressPercent(s.progress) : null;
  const tone = s.error || s.run?.status === "failed" ? "danger" : s.run?.status === "partial" ? "warning" : finished ? "success" : "info";

  return (
    <section className={cx(styles.scrapePanel, styles[TONE[tone]])} aria-label="Scrape run">
      <div className={styles.scrapePanelBody} id="scrape-panel-text" aria-live="polite">
        {s.error ? (
          <p>
            <strong>Could not start a scrape.</strong> {s.error}
          </p>
        ) : finished && s.run ? (
          <ScrapeResult run={s.run} />
        ) : s.runError ? (
          <p>
            <strong>Run #{s.runId}:</strong> its status could not be loaded. {s.runError}
          </p>
        ) : (
          <p>
            {s.joined && <strong>A scrape is already running; showing its progress. </strong>}
            <span>
              {s.runId !== null ? `Run #${s.runId}: ` : ""}
              {s.progress?.message ?? (s.starting ? "Starting a scrape…" : "Waiting for progress…")}
            </span>
          </p>
        )}
        {(s.running || s.starting) && (
          <div
            className={styles.progress}
            role="progressbar"
            aria-label="Scrape progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={s.progress?.message}
          >
            <div
              className={cx(styles.progressBar, percent === null && styles.progressIndeterminate)}
              style={percent === null ? undefined : { width: `${percent}%` }}
            />
          </div>
        )}
      </div>
      {!s.running && !s.starting && (
        <button type="button" className="button button-ghost button-small" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </section>
  );
}

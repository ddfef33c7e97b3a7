"use client";
// The counts by status (each a link to its tab of the list) and the coverage of the latest run
// per platform, with the change since the run before.
import Link from "next/link";
import { PLATFORMS, type Platform, type TriageStatus } from "@/lib/contract/enums";
import type { Stats } from "@/lib/contract/stats";
import { DEFAULT_VIEW, listHref } from "@/lib/url-state/unmapped-view";
import { formatCount, formatPercent } from "@/components/ui/format";
import { PlatformBadge } from "@/components/unmapped/badges";
import { PLATFORM_LABEL, STATUS_HINT, STATUS_LABEL } from "@/components/unmapped/labels";
import { cx } from "@/components/ui/cx";
import styles from "./dashboard.module.css";

const points = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "always" });
const STATUS_ORDER: TriageStatus[] = ["NEW", "ACKNOWLEDGED", "MAPPED", "IGNORED"];
const STAT_CLASS = { NEW: "statNew", ACKNOWLEDGED: "statAcknowledged", MAPPED: "statMapped", IGNORED: "statIgnored" } as const;

export function StatusCards({ stats }: { stats: Stats }) {
  return (
    <>
      {STATUS_ORDER.map((status) => (
        <Link
          key={status}
          href={listHref({ ...DEFAULT_VIEW, status: [status] })}
          className={cx(styles.statCard, styles.statCardLink, styles[STAT_CLASS[status]])}
          title={STATUS_HINT[status]}
          data-status={status}
        >
          <span className={styles.statLabel} data-stat="label">
            {STATUS_LABEL[status]}
          </span>
          <span className={styles.statValue} data-stat="value">
            {formatCount(stats.byStatus[status])}
          </span>
          <span className="figure-note">
            {PLATFORMS.map((p, i) => (
              <span key={p}>
                {i > 0 && " · "}
                {PLATFORM_LABEL[p]} {formatCount(stats.byPlatform[p]?.[status] ?? 0)}
              </span>
            ))}
          </span>
        </Link>
      ))}
    </>
  );
}

export function CoverageCard({ platform, stats }: { platform: Platform; stats: Stats }) {
  const last = stats.lastRun?.coverage[platform];
  const previous = stats.runs.length > 1 ? stats.runs[stats.runs.length - 2]?.perPlatform[platform] : undefined;
  const delta = last?.coverage != null && previous?.coverage != null ? (last.coverage - previous.coverage) * 100 : null;
  return (
    <div className={cx(styles.statCard, styles.statCoverage)} data-platform={platform}>
      <span className={cx(styles.statLabel, styles.statLabelPlain)} data-stat="label">
        <PlatformBadge source={platform} /> coverage
      </span>
      <span className={styles.statValue} data-stat="value" data-coverage={last?.coverage ?? ""}>
        {last?.coverage == null ? "–" : formatPercent(last.coverage)}
      </span>
      <span className="figure-note">
        {last ? (
          <>
            {formatCount(last.mapped)} of {formatCount(last.markets)} sightings mapped
            {delta !== null && (
              <span
                className={cx(styles.delta, delta > 0 && styles.deltaUp, delta < 0 && styles.deltaDown)}
                data-trend={delta > 0 ? "up" : delta < 0 ? "down" : "flat"}
                title="Change since the run before"
              >
                {" "}
                {delta > 0 ? "▲" : delta < 0 ? "▼" : "="} {points.format(delta)} pts
              </span>
            )}
          </>
        ) : (
          "No finished run yet"
        )}
      </span>
    </div>
  );
}

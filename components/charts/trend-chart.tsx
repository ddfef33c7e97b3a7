"use client";
// Sightings (bars) and events (line) of a market per run, oldest on the left: an inline SVG with
// its axes labelled, a title for each bar, and a text summary for those who do not see the chart.
import type { Trend } from "@/lib/contract/unmapped";
import { formatCount, plural } from "@/components/ui/format";
import { dayOf, niceMax, summarize } from "./trend-summary";
import styles from "./trend-chart.module.css";

type Run = Trend["runs"][number];

const W = 600;
const H = 160;
const PAD = { top: 10, right: 8, bottom: 22, left: 44 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

export function TrendChart({ runs, titleId }: { runs: Run[]; titleId: string }) {
  if (runs.length === 0) return <p className="muted">No runs yet: the chart fills in as scrapes run.</p>;
  const top = niceMax(Math.max(...runs.flatMap((r) => [r.sightings, r.events])));
  const step = PLOT_W / runs.length;
  const barW = Math.max(1, step * 0.7);
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const x = (i: number) => PAD.left + i * step;
  const line = runs.map((r, i) => `${i === 0 ? "M" : "L"}${(x(i) + step / 2).toFixed(1)},${y(r.events).toFixed(1)}`).join(" ");
  const summaryId = `${titleId}-summary`;
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.chart} role="img" aria-labelledby={titleId} aria-describedby={summaryId}>
        <g className={styles.axis}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
          <line x1={PAD.left} x2={W - PAD.right} y1={y(top)} y2={y(top)} className={styles.grid} />
          <text x={PAD.left - 6} y={y(top)} textAnchor="end" dominantBaseline="middle">
            {formatCount(top)}
          </text>
          <text x={PAD.left - 6} y={y(0)} textAnchor="end" dominantBaseline="middle">
            0
          </text>
          <text x={PAD.left} y={H - 6}>
            {dayOf(runs[0].startedAt)}
          </text>
          <text x={W - PAD.right} y={H - 6} textAnchor="end">
            {runs.length > 1 ? dayOf(runs[runs.length - 1].startedAt) : ""}
          </text>
        </g>
        {runs.map((r, i) => (
          <rect
            key={r.runId}
            className={styles.bar}
            data-run={r.runId}
            data-sightings={r.sightings}
            x={x(i) + (step - barW) / 2}
            y={y(r.sightings)}
            width={barW}
            height={Math.max(0, y(0) - y(r.sightings))}
          >
            <title>{`Run #${r.runId} (${dayOf(r.startedAt)}): ${plural(r.sightings, "sighting")}, ${plural(r.events, "event")}`}</title>
          </rect>
        ))}
        <path d={line} className={styles.line} />
      </svg>
      <figcaption className={styles.caption}>
        <span className={styles.legend}>
          <span className={styles.swatchBar} aria-hidden="true" /> Sightings per run
          <span className={styles.swatchLine} aria-hidden="true" /> Events per run
        </span>
        <span id={summaryId}>{summarize(runs)}</span>
      </figcaption>
    </figure>
  );
}

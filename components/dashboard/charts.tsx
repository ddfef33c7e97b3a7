// Small hand-made SVG charts: a line chart (coverage per run) and a stacked bar chart (new
// markets per run). Each is one role="img" with a spoken summary (aria-label, <title>, <desc>);
// points carry <title> tooltips for the mouse, and the numbers are in a data table the caller
// renders beside the chart.
import { useId, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import styles from "./dashboard.module.css";

export interface Series {
  name: string;
  /** A CSS colour; the platform colours of the rest of the app. */
  color: string;
  values: (number | null)[];
  dashed?: boolean;
}

interface ChartProps {
  title: string;
  /** What the chart shows, in words: read out instead of the drawing. */
  summary: string;
  labels: string[];
  series: Series[];
  format: (value: number) => string;
  height?: number;
}

const W = 640;
const M = { top: 14, right: 16, bottom: 30, left: 48 };
/** The width inside the margins, where the data is drawn. */
const PLOT_W = W - M.left - M.right;

function xLabelStep(n: number) {
  return Math.max(1, Math.ceil(n / 10));
}

/** Round numbers for an axis from lo to hi. */
function ticks(lo: number, hi: number, count = 4): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className={styles.chartLegend}>
      {series.map((s) => (
        <li key={s.name}>
          <span
            className={cx(styles.legendSwatch, s.dashed && styles.legendSwatchDashed)}
            style={{ borderColor: s.color, background: s.dashed ? "transparent" : s.color }}
            aria-hidden="true"
          />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** What both charts draw around their data: the spoken SVG, the y-axis grid and labels, the x labels, the legend. */
function ChartFrame({
  title,
  summary,
  labels,
  series,
  format,
  height,
  axis,
  x,
  y,
  children,
}: Omit<ChartProps, "height"> & {
  height: number;
  axis: number[];
  x: (i: number) => number;
  y: (v: number) => number;
  children: ReactNode;
}) {
  const uid = useId();
  const n = labels.length;
  const step = xLabelStep(n);
  return (
    <div className={styles.chart}>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={`${title}. ${summary}`}
        className={styles.chartSvg}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{summary}</desc>
        {axis.map((t) => (
          <g key={t} className={styles.chartGrid}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className={styles.chartAxisLabel}>
              {format(t)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % step === 0 || i === n - 1 ? (
            <text key={l} x={x(i)} y={height - 8} textAnchor="middle" className={styles.chartAxisLabel}>
              {l}
            </text>
          ) : null,
        )}
        {children}
      </svg>
      <Legend series={series} />
    </div>
  );
}

export function LineChart({ title, summary, labels, series, format, height = 220 }: ChartProps) {
  const H = height;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (values.length === 0) return <p className={cx(styles.chartEmpty, "muted")}>No data yet.</p>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  // Percentages: a band around the data on 5-point steps, so small moves stay visible.
  let lo = Math.max(0, Math.floor((min - 0.02) * 20) / 20);
  let hi = Math.min(1, Math.ceil((max + 0.02) * 20) / 20);
  if (hi - lo < 0.1) {
    lo = Math.max(0, lo - 0.05);
    hi = Math.min(1, hi + 0.05);
  }
  const n = labels.length;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (n === 1 ? PLOT_W / 2 : (i * PLOT_W) / (n - 1));
  const y = (v: number) => M.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  return (
    <ChartFrame {...{ title, summary, labels, series, format }} height={H} axis={ticks(lo, hi)} x={x} y={y}>
      {series.map((s) => {
        let d = "";
        let pen = false;
        s.values.forEach((v, i) => {
          if (v === null) {
            pen = false;
            return;
          }
          d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          pen = true;
        });
        return (
          <g key={s.name}>
            <path
              d={d}
              fill="none"
              stroke={s.color}
              strokeWidth={s.dashed ? 1.5 : 2.25}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r={n > 40 ? 2 : 3.5} fill="var(--surface)" stroke={s.color} strokeWidth={2}>
                  <title>{`${s.name}, ${labels[i]}: ${format(v)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

export function StackedBarChart({ title, summary, labels, series, format, height = 220 }: ChartProps) {
  const H = height;
  const n = labels.length;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  if (n === 0) return <p className={cx(styles.chartEmpty, "muted")}>No data yet.</p>;
  const axis = ticks(0, Math.max(1, ...totals));
  const hi = Math.max(axis[axis.length - 1] ?? 1, ...totals, 1);
  const plotH = H - M.top - M.bottom;
  const band = PLOT_W / n;
  const barW = Math.max(2, Math.min(36, band * 0.62));
  const y = (v: number) => M.top + plotH - (v / hi) * plotH;
  const barX = (i: number) => M.left + band * i + band / 2;
  return (
    <ChartFrame {...{ title, summary, labels, series, format }} height={H} axis={axis} x={barX} y={y}>
      {labels.map((l, i) => {
        const cx = barX(i);
        let base = 0;
        return (
          <g key={l}>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              if (v <= 0) return null;
              const top = y(base + v);
              const rect = (
                <rect key={s.name} x={cx - barW / 2} y={top} width={barW} height={Math.max(0.5, y(base) - top)} fill={s.color} rx={1.5}>
                  <title>{`${s.name}, ${l}: ${format(v)}`}</title>
                </rect>
              );
              base += v;
              return rect;
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

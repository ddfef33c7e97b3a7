// A market's sightings per run as a tiny line: the trend column of the list. Inline SVG, no chart
// library; screen readers get the numbers themselves.
import { formatCount } from "@/components/ui/format";

const W = 84;
const H = 20;
const PAD = 2;

/** The polyline's points for `values`, scaled to the box; a flat line at the bottom when all are 0. */
export function sparklinePoints(values: readonly number[], width = W, height = H): string {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * PAD) / (values.length - 1) : 0;
  return values.map((v, i) => `${(PAD + i * step).toFixed(1)},${(height - PAD - (v / max) * (height - 2 * PAD)).toFixed(1)}`).join(" ");
}

export function Sparkline({ values, className }: { values: readonly number[]; className?: string }) {
  const label = `sightings in the last ${values.length} runs: ${values.map(formatCount).join(", ")}`;
  if (values.length === 0) return <span className="muted">—</span>;
  return (
    <svg className={className} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      {/* One run is a level, not a dot: drawn across the box. */}
      <polyline
        points={sparklinePoints(values.length === 1 ? [values[0], values[0]] : values)}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}

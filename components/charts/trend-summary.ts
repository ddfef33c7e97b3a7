// The trend chart's words and scale, apart from its drawing.
import type { Trend } from "@/lib/contract/unmapped";
import { formatCount, plural } from "@/components/ui/format";

type Run = Trend["runs"][number];

export const dayOf = (iso: string) => iso.slice(0, 10);

/** A ceiling that reads well on an axis: 1, 2, 5 times a power of ten. */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 5, 10].find((m) => m * p >= n) ?? 10) * p;
}

export function summarize(runs: Run[]): string {
  const sighted = runs.filter((r) => r.sightings > 0);
  if (sighted.length === 0) return `Not sighted in the last ${plural(runs.length, "run")}.`;
  const peak = sighted.reduce((a, b) => (b.sightings > a.sightings ? b : a));
  const latest = runs[runs.length - 1];
  return (
    `Sighted in ${formatCount(sighted.length)} of the last ${plural(runs.length, "run")}; ` +
    `peak ${plural(peak.sightings, "sighting")} in run #${peak.runId} (${dayOf(peak.startedAt)}); ` +
    `latest run #${latest.runId}: ${plural(latest.sightings, "sighting")} in ${plural(latest.events, "event")}.`
  );
}

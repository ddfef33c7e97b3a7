import { formatScore } from "@/components/ui/format";

// ln(1 + 300,000 sightings) is about 12.6: a full bar is the busiest market ever seen.
const FULL_SCALE = 12;

export const PRIORITY_HINT =
  "Priority = ln(1 + sightings) − days since last seen + 2 / (1 + h / 6), h = hours from the last sighting to the next kick-off. " +
  "Higher is more urgent; each day without a sighting weighs like e-fold fewer sightings, a match kicking off soon adds up to 2.";

export function Priority({ score }: { score: number }) {
  const width = Math.max(0, Math.min(1, score / FULL_SCALE)) * 100;
  return (
    <span className="priority" title={PRIORITY_HINT}>
      <span className="priority-bar" aria-hidden="true">
        <span style={{ width: `${width}%` }} />
      </span>
      <span className="priority-score">{formatScore(score)}</span>
    </span>
  );
}

// How many markets a scrape discovered or reopened, in words. The toast and the scrape strip both
// say it with this one function, so they always tell the same story.
import { formatCount } from "@/components/ui/format";

export interface AlertTally {
  count: number;
  /** Of the markets the alerts named (at most 50 each): how many, and how many reopened. */
  listed: number;
  reopened: number;
}

/** "4 new unmapped markets"; reopened (regressed) markets are called out when the alerts tell. */
export function alertTitle({ count, listed, reopened }: AlertTally): string {
  const noun = (n: number) => (n === 1 ? "market" : "markets");
  if (reopened === 0 && listed === count) return `${formatCount(count)} new unmapped ${noun(count)}`;
  if (listed === count) {
    const fresh = count - reopened;
    return fresh === 0
      ? `${formatCount(reopened)} unmapped ${noun(reopened)} reopened`
      : `${formatCount(fresh)} new and ${formatCount(reopened)} reopened unmapped ${noun(count)}`;
  }
  return `${formatCount(count)} new or reopened unmapped ${noun(count)}`;
}

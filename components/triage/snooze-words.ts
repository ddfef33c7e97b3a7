// A snooze condition in words, the same in the menu's toast, the list and the market page.
import type { Snooze, SnoozeState } from "@/lib/contract/unmapped";
import { formatExact, plural } from "@/components/ui/format";

const conditions = (s: { until?: string | null; sightings?: number | null; escalating?: boolean }, remaining?: number | null) => {
  const parts: string[] = [];
  if (s.until) parts.push(`sighted after ${formatExact(new Date(s.until))}`);
  if (s.sightings) parts.push(`${plural(remaining ?? s.sightings, "more sighting")}`);
  if (s.escalating) parts.push("it escalates");
  return parts;
};

/** "until 1 more sighting", "until sighted after 26 Nov 2026, 14:00:00 GMT+1 or it escalates". */
export function describeSnooze(snooze: Snooze): string {
  return `until ${conditions(snooze).join(" or ")}`;
}

/** What a snoozed market still waits for, counting the sightings still to come. */
export function describeSnoozeState(state: SnoozeState): string {
  return `Ignored until ${conditions(state, state.remainingSightings).join(" or ")}`;
}

"use client";
// A snooze condition in words: "until 6 Dec 2026, 14:00:00 GMT+1 or 3 more sightings (2 to go) or
// it escalates". Any one condition met reopens the market, hence "or".
import { Fragment, type ReactNode } from "react";
import { ExactTime } from "@/components/ui/relative-time";
import { formatCount, plural } from "@/components/ui/format";

export interface SnoozeWords {
  until?: string | null;
  sightings?: number | null;
  /** Sightings still to come (the current state only; a history entry does not know it). */
  remainingSightings?: number | null;
  escalating?: boolean | null;
}

export function SnoozeText({ snooze }: { snooze: SnoozeWords }) {
  const parts: ReactNode[] = [];
  if (snooze.until) parts.push(<ExactTime iso={snooze.until} />);
  if (snooze.sightings) {
    const left = snooze.remainingSightings;
    parts.push(
      <>
        {plural(snooze.sightings, "more sighting")}
        {left !== null && left !== undefined && ` (${formatCount(left)} to go)`}
      </>,
    );
  }
  if (snooze.escalating) parts.push("it escalates");
  if (parts.length === 0) return <>no condition</>;
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && " or "}
          {p}
        </Fragment>
      ))}
    </>
  );
}

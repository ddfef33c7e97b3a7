// Columns of unmapped markets that more than one table shows (the triage list, the dashboard's most
// urgent): each reads and looks the same wherever it appears; a table gives only its width. A
// column's id is the API's sort key, so a list that sorts can use it as it is.
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { columnsFor } from "@/components/data-table/features";
import { formatCount } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { PlatformBadge } from "./badges";
import { Priority, PRIORITY_HINT } from "./priority";
import { Sparkline } from "./sparkline";

const col = columnsFor<UnmappedItem>();

export const platformColumn = (width: number) =>
  col.accessor("source", { id: "source", header: "Platform", meta: { width }, cell: (c) => <PlatformBadge source={c.getValue()} /> });

export const sightingsColumn = (width: number) =>
  col.accessor("occurrenceCount", {
    id: "occurrenceCount",
    header: "Sightings",
    meta: { width, kind: "numeric", title: "Sightings: one per market instance (line) per event snapshot" },
    cell: (c) => formatCount(c.getValue()),
  });

export const priorityColumn = () =>
  col.accessor("priorityScore", {
    id: "priority",
    header: "Priority",
    meta: { width: 100, kind: "numeric", title: PRIORITY_HINT },
    cell: (c) => <Priority score={c.getValue()} />,
  });

/** When the market was first or last sighted, as "5 min ago"; `hide` leaves it out on narrower screens (see ColumnMeta). */
export const seenColumn = (field: "firstSeenAt" | "lastSeenAt", header: string, hide?: "optional" | "wide") =>
  col.accessor(field, {
    id: field,
    header,
    meta: { width: 108, kind: "time", optional: hide === "optional", wide: hide === "wide" },
    cell: (c) => <RelativeTime iso={c.getValue()} />,
  });

/** The soonest kickoff among the events its latest run sighted it in, as "in 3 h" (exact time on hover), or a dash. */
export const kickoffColumn = (width: number, optional = false) =>
  col.accessor("nextKickoffAt", {
    id: "nextKickoffAt",
    header: "Kick-off",
    meta: { width, kind: "time", optional, title: "The soonest kickoff among the upcoming matches its latest run sighted it in" },
    cell: (c) => {
      const iso = c.getValue();
      return iso ? <RelativeTime iso={iso} /> : <Dash label="No upcoming match known" />;
    },
  });

const Dash = ({ label }: { label: string }) => (
  <span className="muted" aria-label={label}>
    —
  </span>
);

/** Who owns the market's triage, or a dash. */
export const assigneeColumn = (width: number, optional = false) =>
  col.accessor((item) => item.assignee?.name ?? null, {
    id: "assignee",
    header: "Assignee",
    meta: { width, optional },
    cell: (c) => {
      const name = c.getValue<string | null>();
      return name ? <span title={name}>{name}</span> : <Dash label="Nobody" />;
    },
  });

/** Sightings in each of the last runs (the list asks for them with trendRuns), as a sparkline. */
export const trendColumn = (width: number, optional = false) =>
  col.accessor((item) => item.trend ?? [], {
    id: "trend",
    header: "Trend",
    meta: { width, optional, title: "Sightings in each of the last runs, oldest first" },
    cell: (c) => <Sparkline values={c.getValue<number[]>()} />,
  });

"use client";
import type { ReactNode } from "react";
import type { TriageStatus } from "@/lib/contract/enums";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import type { ListView, SortField } from "@/lib/unmapped-view";
import { PRIORITY_HINT } from "../priority";
import { SortHeader } from "./sort-header";
import { UnmappedRow } from "./unmapped-row";

interface Props {
  view: ListView;
  items: UnmappedItem[];
  rowHref: (item: UnmappedItem, index: number) => string;
  selected: number | null;
  onSelect: (index: number) => void;
  onSort: (sort: SortField, order: ListView["order"]) => void;
  onStatus: (item: UnmappedItem, status: TriageStatus) => void;
  linkRefs: { current: (HTMLAnchorElement | null)[] };
  busy: boolean;
  /** Replaces the rows: skeletons, an empty state, an error. */
  body?: ReactNode;
}

export function UnmappedTable({ view, items, rowHref, selected, onSelect, onSort, onStatus, linkRefs, busy, body }: Props) {
  return (
    <table className={busy ? "table table-busy" : "table"} aria-busy={busy} aria-describedby="list-summary">
      <caption className="visually-hidden">Unmapped markets. Keys: j and k move, Enter opens, a acknowledges, i ignores.</caption>
      <colgroup>
        <col className="col-platform" />
        <col className="col-name" />
        <col className="col-id" />
        <col className="col-reason" />
        <col className="col-status" />
        <col className="col-count" />
        <col className="col-time" />
        <col className="col-time" />
        <col className="col-priority" />
        <col className="col-actions" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Platform</th>
          <th scope="col">Market</th>
          <th scope="col">External id</th>
          <th scope="col">Reason</th>
          <th scope="col">Status</th>
          <SortHeader
            field="occurrenceCount"
            label="Sightings"
            view={view}
            onSort={onSort}
            className="num"
            title="Sightings: one per market instance (line) per event snapshot"
          />
          <SortHeader field="firstSeenAt" label="First seen" view={view} onSort={onSort} />
          <SortHeader field="lastSeenAt" label="Last seen" view={view} onSort={onSort} />
          <SortHeader field="priority" label="Priority" view={view} onSort={onSort} className="num" title={PRIORITY_HINT} />
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {body ??
          items.map((item, i) => (
            <UnmappedRow
              key={item.id}
              item={item}
              href={rowHref(item, i)}
              selected={selected === i}
              linkRef={(el) => {
                linkRefs.current[i] = el;
              }}
              onFocus={() => onSelect(i)}
              onStatus={onStatus}
            />
          ))}
      </tbody>
    </table>
  );
}

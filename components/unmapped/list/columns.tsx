"use client";
// The triage list's columns. A column's id is the API's sort key where the server can sort by it.
// The columns are built once: a cell renderer is a component, and a new one on every render would
// remount the row's link (losing its focus, or the click that landed on it). What changes with the
// page (hrefs, handlers) reaches the cells through a context.
import Link from "next/link";
import { createContext, useContext } from "react";
import type { SettableStatus } from "../use-quick-status";
import { UNMAPPED_SORTS, type UnmappedItem } from "@/lib/contract/unmapped";
import { RowAction } from "@/components/data-table/data-table";
import { useCan } from "@/components/auth/use-principal";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { LinkPending } from "@/components/ui/link-pending";
import { selectColumn } from "@/components/data-table/row-select";
import { describeSnoozeState } from "@/components/triage/snooze-words";
import { EscalatingBadge, ReasonBadge, RegressedBadge, StatusBadge } from "../badges";
import { assigneeColumn, kickoffColumn, platformColumn, priorityColumn, seenColumn, sightingsColumn, trendColumn } from "../market-columns";

export interface RowHandlers {
  href: (item: UnmappedItem, index: number) => string;
  /** The row's link, which takes the keyboard focus when the row is selected. */
  linkRef: (id: number, el: HTMLAnchorElement | null) => void;
  /** A row's link got the focus: its row is the selected one. */
  onFocus: (id: number) => void;
  onStatus: (item: UnmappedItem, status: SettableStatus) => void;
}

export const RowHandlersContext = createContext<RowHandlers | null>(null);

function useRowHandlers(): RowHandlers {
  const handlers = useContext(RowHandlersContext);
  if (!handlers) throw new Error("the triage list's cells need RowHandlersContext");
  return handlers;
}

const col = columnsFor<UnmappedItem>();
const SORTABLE = new Set<string>(UNMAPPED_SORTS);

/** A row's quick triage: each sets the status its keyboard shortcut (shown in the tooltip) sets. */
const ROW_ACTIONS: { status: SettableStatus; verb: string; key: string; icon: string }[] = [
  { status: "ACKNOWLEDGED", verb: "Acknowledge", key: "a", icon: "icon-check" },
  { status: "IGNORED", verb: "Ignore", key: "i", icon: "icon-ignore" },
];

function RowActions({ item }: { item: UnmappedItem }) {
  const { onStatus } = useRowHandlers();
  if (!useCan("market.triage")) return null;
  return (
    <>
      {ROW_ACTIONS.map((a) => (
        <RowAction
          key={a.status}
          label={`${a.verb} ${item.marketName}`}
          title={`${a.verb} (${a.key})`}
          icon={a.icon}
          onClick={() => onStatus(item, a.status)}
          disabled={item.status === a.status}
        />
      ))}
    </>
  );
}

function NameLink({ item, index }: { item: UnmappedItem; index: number }) {
  const h = useRowHandlers();
  return (
    <Link
      ref={(el) => h.linkRef(item.id, el)}
      href={h.href(item, index)}
      prefetch={false}
      onFocus={() => h.onFocus(item.id)}
      title={item.marketName}
    >
      {item.marketName}
      <LinkPending />
    </Link>
  );
}

/** The status, and why it may change by itself: regressed, escalating, the snooze it waits for. */
function StatusCell({ item }: { item: UnmappedItem }) {
  return (
    <span title={item.snooze ? describeSnoozeState(item.snooze) : undefined} data-snoozed={item.snooze ? true : undefined}>
      <StatusBadge status={item.status} />
      {item.snooze && <span className="visually-hidden"> ({describeSnoozeState(item.snooze)})</span>}
      <RegressedBadge at={item.regressedAt} />
      <EscalatingBadge escalating={item.escalating} />
    </span>
  );
}

/** @param selectable a checkbox per row for bulk changes (people who may triage). */
function unmappedColumns(selectable: boolean): DataColumn<UnmappedItem>[] {
  const columns: DataColumn<UnmappedItem>[] = [
    ...(selectable ? [selectColumn<UnmappedItem>((item) => item.marketName)] : []),
    platformColumn(112),
    col.accessor("marketName", {
      id: "name",
      header: "Market",
      meta: { kind: "name" },
      cell: ({ row }) => <NameLink item={row.original} index={row.index} />,
    }),
    col.accessor("externalMarketId", {
      id: "externalMarketId",
      header: "External id",
      meta: { width: 140, kind: "mono", wide: true },
      cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
    }),
    col.accessor("reason", {
      id: "reason",
      header: "Reason",
      meta: { width: 160 },
      cell: (c) => <ReasonBadge reason={c.getValue()} />,
    }),
    col.accessor("status", {
      id: "status",
      header: "Status",
      meta: { width: 136 },
      cell: ({ row }) => <StatusCell item={row.original} />,
    }),
    assigneeColumn(104, true),
    sightingsColumn(100),
    trendColumn(92, true),
    seenColumn("firstSeenAt", "First seen", "wide"),
    seenColumn("lastSeenAt", "Last seen"),
    kickoffColumn(100, true),
    priorityColumn(),
    actionsColumn<UnmappedItem>(80, (item) => <RowActions item={item} />),
  ];
  return columns.map((c) => ({ ...c, enableSorting: SORTABLE.has(c.id ?? "") }));
}

export const UNMAPPED_COLUMNS = unmappedColumns(false);
export const SELECTABLE_COLUMNS = unmappedColumns(true);

"use client";
import Link from "next/link";
import { mappingHref } from "@/lib/api/mappings";
import type { MappingItem } from "@/lib/contract/mappings";
import { columnsFor, type DataColumn } from "@/components/data-table/features";
import { formatCount } from "@/components/ui/format";
import { LinkPending } from "@/components/ui/link-pending";
import { MappingStateBadge, OriginBadge, PlatformId } from "./labels";

const col = columnsFor<MappingItem>();

export const MAPPING_COLUMNS: DataColumn<MappingItem>[] = [
  col.accessor("name", {
    id: "name",
    header: "Name",
    meta: { kind: "name" },
    cell: ({ row }) => (
      <Link href={mappingHref(row.original.canonicalId)} prefetch={false} title={row.original.name}>
        {row.original.name}
        <LinkPending />
      </Link>
    ),
  }),
  col.accessor("canonicalId", {
    id: "canonicalId",
    header: "Canonical id",
    meta: { width: 200, kind: "mono" },
    cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
  }),
  col.accessor("origin", {
    id: "origin",
    header: "Origin",
    meta: { width: 92, optional: true },
    cell: (c) => <OriginBadge origin={c.getValue()} />,
  }),
  col.accessor("betpawaId", {
    id: "betpawaId",
    header: "betpawa id",
    meta: { width: 118, kind: "mono" },
    cell: (c) => <PlatformId value={c.getValue()} platform="betpawa" />,
  }),
  col.accessor("sportybetId", {
    id: "sportybetId",
    header: "SportyBet id",
    meta: { width: 118, kind: "mono" },
    cell: (c) => <PlatformId value={c.getValue()} platform="sportybet" />,
  }),
  col.accessor("bet9jaKey", {
    id: "bet9jaKey",
    header: "Bet9ja key",
    meta: { width: 150, kind: "mono" },
    cell: (c) => (
      <span title={c.getValue() ?? undefined}>
        <PlatformId value={c.getValue()} platform="bet9ja" />
      </span>
    ),
  }),
  col.accessor("outcomeCount", {
    id: "outcomeCount",
    header: "Outcomes",
    meta: { width: 104, optional: true, kind: "numeric" },
    cell: (c) => formatCount(c.getValue()),
  }),
  col.accessor("active", {
    id: "active",
    header: "Status",
    meta: { width: 120 },
    cell: ({ row }) => <MappingStateBadge mapping={row.original} />,
  }),
];

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent, Ref } from "react";
import type { TriageStatus } from "@/lib/contract/enums";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { formatCount } from "@/components/ui/format";
import { LinkPending } from "@/components/ui/link-pending";
import { RelativeTime } from "@/components/ui/relative-time";
import { PlatformBadge, ReasonBadge, RegressedBadge, StatusBadge } from "../badges";
import { Priority } from "../priority";

interface Props {
  item: UnmappedItem;
  href: string;
  selected: boolean;
  linkRef: Ref<HTMLAnchorElement>;
  onFocus: () => void;
  onStatus: (item: UnmappedItem, status: TriageStatus) => void;
}

export function UnmappedRow({ item, href, selected, linkRef, onFocus, onStatus }: Props) {
  const router = useRouter();

  // The whole row opens the market, except its controls, and except when the user is selecting
  // text (copying an external id).
  const openFromRow = (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest("a, button, input, select")) return;
    if (window.getSelection()?.toString()) return;
    if (e.metaKey || e.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };

  return (
    <tr
      className={selected ? "row row-selected" : "row"}
      onClick={openFromRow}
      data-market-id={item.id}
      data-selected={selected || undefined}
    >
      <td>
        <PlatformBadge source={item.source} />
      </td>
      <td className="cell-name">
        <Link ref={linkRef} href={href} prefetch={false} className="row-link" onFocus={onFocus} title={item.marketName}>
          {item.marketName}
          <LinkPending />
        </Link>
      </td>
      <td className="cell-mono" title={item.externalMarketId}>
        {item.externalMarketId}
      </td>
      <td>
        <ReasonBadge reason={item.reason} />
      </td>
      <td className="cell-status">
        <StatusBadge status={item.status} />
        <RegressedBadge at={item.regressedAt} />
      </td>
      <td className="num">{formatCount(item.occurrenceCount)}</td>
      <td className="cell-time">
        <RelativeTime iso={item.firstSeenAt} />
      </td>
      <td className="cell-time">
        <RelativeTime iso={item.lastSeenAt} />
      </td>
      <td className="num">
        <Priority score={item.priorityScore} />
      </td>
      <td className="cell-actions">
        <button
          type="button"
          className="row-action"
          onClick={() => onStatus(item, "ACKNOWLEDGED")}
          disabled={item.status === "ACKNOWLEDGED"}
          aria-label={`Acknowledge ${item.marketName}`}
          title="Acknowledge (a)"
        >
          <span className="icon-check" aria-hidden="true" />
        </button>
        <button
          type="button"
          className="row-action"
          onClick={() => onStatus(item, "IGNORED")}
          disabled={item.status === "IGNORED"}
          aria-label={`Ignore ${item.marketName}`}
          title="Ignore (i)"
        >
          <span className="icon-ignore" aria-hidden="true" />
        </button>
      </td>
    </tr>
  );
}

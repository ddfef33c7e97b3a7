"use client";
import { useState } from "react";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { EscalatingBadge, PlatformBadge, RegressedBadge, StatusBadge } from "../badges";
import { NeighbourNav } from "./neighbour-nav";
import type { Neighbours } from "./use-neighbours";
import { DetailId, DetailHeader as PageHeader } from "@/components/ui/detail-header";

function CopyId({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => setCopied(false),
    );
  };
  return (
    <button type="button" className="button button-ghost button-small" onClick={copy} aria-label={`Copy external id ${value}`}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export function DetailHeader({ market, neighbours, navigating }: { market: UnmappedDetail; neighbours: Neighbours; navigating: boolean }) {
  return (
    <PageHeader
      topbar={
        <>
          <Breadcrumb trail={[{ href: neighbours.listHref, label: "Unmapped markets" }]} current={`#${market.id}`} />
          <NeighbourNav n={neighbours} navigating={navigating} />
        </>
      }
      titleId="market-title"
      title={market.marketName}
      meta={
        <>
          <PlatformBadge source={market.source} />
          <DetailId>{market.externalMarketId}</DetailId>
          <CopyId value={market.externalMarketId} />
          <StatusBadge status={market.status} />
          <RegressedBadge at={market.regressedAt} />
          <EscalatingBadge escalating={market.escalating} />
        </>
      }
    />
  );
}

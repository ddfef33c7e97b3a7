"use client";
// For the market page: the way into the mapping editor while the market is unmapped, and the link
// to the mapping that covers it once mapped, with Unmap (the undo of mapping it).
import Link from "next/link";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { LinkPending } from "@/components/ui/link-pending";
import { cx } from "@/components/ui/cx";
import styles from "./mappings.module.css";
import { mappingHref } from "@/lib/api/mappings";
import { useCan } from "@/components/auth/use-principal";
import { UnmapButton } from "@/components/review/components/unmap-button";

export function MarketMappingLinks({ market }: { market: Pick<UnmappedDetail, "id" | "status" | "mappingCanonicalId"> }) {
  const mapped = market.status === "MAPPED";
  const maps = useCan("market.map");
  if ((mapped || !maps) && !market.mappingCanonicalId) return null;
  return (
    <div className={cx(styles.marketMappingLinks, "card-actions")}>
      {!mapped && maps && (
        <Link href={`/unmapped/${market.id}/map`} className="button button-primary">
          Map this market
          <LinkPending />
        </Link>
      )}
      {market.mappingCanonicalId && (
        <Link href={mappingHref(market.mappingCanonicalId)} className={mapped ? "button button-primary" : "button"}>
          {mapped ? "Open its mapping" : "Open the former mapping"} <span className="mono">{market.mappingCanonicalId}</span>
          <LinkPending />
        </Link>
      )}
      {mapped && maps && market.mappingCanonicalId && <UnmapButton id={market.id} canonicalId={market.mappingCanonicalId} />}
    </div>
  );
}

"use client";
// What the editor shows once the market is mapped: just now (focus moves to the heading), or
// already before the page opened.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { mappingHref } from "@/lib/api/mappings";
import type { MapResult } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { LinkPending } from "@/components/ui/link-pending";
import { StatusBadge } from "@/components/unmapped/badges";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { cx } from "@/components/ui/cx";
import styles from "../mappings.module.css";

export function MappedState({ market, result }: { market: UnmappedDetail; result: MapResult | null }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) headingRef.current?.focus();
  }, [result]);
  const canonicalId = result?.mapping.canonicalId ?? market.mappingCanonicalId;
  const name = result?.mapping.name ?? canonicalId;
  return (
    <section className={cx("card", result && styles.successCard)} aria-labelledby="mapped-title">
      <header className="card-header">
        <h2 id="mapped-title" ref={headingRef} tabIndex={-1}>
          {result ? "Mapped" : "This market is already mapped"}
        </h2>
        <StatusBadge status="MAPPED" />
      </header>
      <div className="card-body stack">
        <p>
          {PLATFORM_LABEL[market.source]} market <span className="mono">{market.externalMarketId}</span> {result ? "now maps" : "maps"} to{" "}
          {canonicalId ? (
            <>
              <strong>{name}</strong> <span className="mono muted">{canonicalId}</span>
            </>
          ) : (
            "a mapping"
          )}
          .{" "}
          {result
            ? "The scraper uses it from its next lookup: the market's odds join the comparison and its sightings stop counting as unmapped."
            : "If that mapping is removed or stops matching, the market reopens as New (regressed)."}
        </p>
        {result?.counterpart && (
          <p>
            {PLATFORM_LABEL[result.counterpart.source]} market{" "}
            <Link href={`/unmapped/${result.counterpart.id}`}>
              <span className="mono">{result.counterpart.externalMarketId}</span>
            </Link>{" "}
            maps to it too, in the same change.
          </p>
        )}
        {result && result.mapping.origin === "user" && result.mapping.builtin && (
          <p className="muted">Saved as a user override of the built-in entry {result.mapping.builtin.name}.</p>
        )}
        <div className="card-actions">
          <Link href={`/unmapped/${market.id}`} className="button button-primary">
            Open the market
            <LinkPending />
          </Link>
          {canonicalId && (
            <Link href={mappingHref(canonicalId)} className="button">
              Open the mapping
              <LinkPending />
            </Link>
          )}
          <Link href="/unmapped" className="button button-ghost">
            Back to unmapped markets
          </Link>
        </div>
      </div>
    </section>
  );
}

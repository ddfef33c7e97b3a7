"use client";
// The market under review: what it is, where it was seen and how urgent it is.
import type { UnmappedDetail, UnmappedItem } from "@/lib/contract/unmapped";
import { OutcomesTable } from "@/components/unmapped/detail/outcomes-table";
import { LinesSeen } from "@/components/unmapped/detail/lines-seen";
import { PlatformBadge } from "@/components/unmapped/badges";
import { Priority, PRIORITY_HINT } from "@/components/unmapped/priority";
import { Facts, timeFact } from "@/components/ui/facts";
import { formatCount } from "@/components/ui/format";
import Link from "next/link";
import styles from "../review.module.css";

export function ReviewMarket({ market, item }: { market: UnmappedDetail; item: UnmappedItem | null }) {
  // The list item is fresher on urgency; the detail carries it too (a market undone from beyond the page).
  const kickoff = item?.nextKickoffAt ?? market.nextKickoffAt;
  return (
    <section className="card" aria-labelledby="review-market-title">
      <header className="card-header">
        <h2 id="review-market-title" className={styles.marketName}>
          {market.marketName}
        </h2>
        <PlatformBadge source={market.source} />
      </header>
      <div className="card-body stack">
        <Facts
          compact
          facts={[
            { term: "External id", value: market.externalMarketId, valueClass: "mono" },
            { term: "Sightings", value: formatCount(market.occurrenceCount), valueClass: "num-inline" },
            timeFact("Last seen", market.lastSeenAt),
            { term: "Priority", hint: PRIORITY_HINT, value: <Priority score={market.priorityScore} /> },
            kickoff && timeFact("Next kick-off", kickoff),
          ]}
        />
        <OutcomesTable outcomes={market.sampleOutcomes} />
        <LinesSeen lines={market.specifiers} />
        <div className={styles.actions}>
          <Link className="button button-small" href={`/unmapped/${market.id}`}>
            Open the market
          </Link>
          <Link className="button button-small" href={`/unmapped/${market.id}/map`}>
            Open in editor
          </Link>
        </div>
      </div>
    </section>
  );
}

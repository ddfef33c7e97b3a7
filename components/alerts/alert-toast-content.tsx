"use client";
import Link from "next/link";
import type { UnmappedAlertData } from "@/lib/contract/realtime";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { formatCount } from "@/components/ui/format";
import styles from "./alert-toast.module.css";

type AlertMarket = UnmappedAlertData["markets"][number];

/** Why a market is back, beside its name; a new market needs no words. */
const CAUSE_WORDS: Record<AlertMarket["cause"], string | null> = {
  new: null,
  regressed: "reopened: was mapped",
  unsnoozed: "snooze ended",
  escalating: "escalating",
};

/** The markets an alert names, as links; scraped names are rendered as text, never as markup. */
export function AlertToastContent({ count, markets, onNavigate }: { count: number; markets: AlertMarket[]; onNavigate: () => void }) {
  const more = count - markets.length;
  return (
    <div className={styles.alertToast}>
      <ul className={styles.alertToastMarkets}>
        {markets.map((m) => (
          <li key={m.id}>
            <Link href={`/unmapped/${m.id}`} onClick={onNavigate} className={styles.alertToastLink}>
              {m.marketName}
            </Link>
            <span className={styles.alertToastMeta}>
              {PLATFORM_LABEL[m.source]} · {m.externalMarketId}
              {CAUSE_WORDS[m.cause] && (
                <span className="alert-toast-reopened" data-cause={m.cause}>
                  {" "}
                  · {CAUSE_WORDS[m.cause]}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <Link href="/unmapped?sort=firstSeenAt" onClick={onNavigate} className={styles.alertToastAll}>
        {more > 0 ? `and ${formatCount(more)} more: review all new` : "Review new markets"}
      </Link>
    </div>
  );
}

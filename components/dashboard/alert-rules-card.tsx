"use client";
// Each alert rule's latest notification on the dashboard, for every role: is it on, when did it
// last fire and for how many markets, and how many matched markets wait for its next notification.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { alertRuleQueries } from "@/lib/api/alert-rules";
import { LastFiring } from "@/components/alerts/last-firing";
import { useCan } from "@/components/auth/use-principal";
import { plural } from "@/components/ui/format";
import { CardFallback } from "./card-fallback";
import styles from "./dashboard.module.css";

export function AlertRulesCard({ staleTime }: { staleTime: number }) {
  const firings = useQuery({ ...alertRuleQueries.firings(), staleTime });
  const manages = useCan("alertRules.manage");
  const items = firings.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="alert-rules-card-title">
      <header className="card-header">
        <h2 id="alert-rules-card-title">Alert rules</h2>
        {manages && (
          <Link href="/settings/alert-rules" className="card-link">
            Manage rules
          </Link>
        )}
      </header>
      <div className="card-body">
        {firings.data ? (
          items.length === 0 ? (
            <p className="muted">No rules: nothing is notified when new markets are found.</p>
          ) : (
            <ul className={styles.ruleList}>
              {items.map((r) => (
                <li key={r.id} data-rule-name={r.name}>
                  <strong>{r.name}</strong>
                  {!r.enabled && <span className="muted"> (off)</span>}
                  <span className={styles.ruleFiring} data-rule-last-firing>
                    Last fired: <LastFiring firing={r.lastFiring} />
                    {r.pending && <> · {plural(r.pending.count, "market")} waiting for the next notification</>}
                  </span>
                </li>
              ))}
            </ul>
          )
        ) : (
          <CardFallback query={firings} what="alert rules" />
        )}
      </div>
    </section>
  );
}

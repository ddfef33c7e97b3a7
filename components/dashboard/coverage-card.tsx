"use client";
// The coverage watch's open alerts on the dashboard: mapped markets a platform stopped offering, or
// whose outcome names changed, each linked to its mapping. A coverage_alert message (a run's end or
// someone's dismissal) refreshes it; triagers can dismiss one. Names are scraped or user text:
// rendered as text.
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { coverageApi, coverageQueries } from "@/lib/api/coverage";
import { keys } from "@/lib/api/keys";
import { COVERAGE_KIND_LABELS, type CoverageAlert } from "@/lib/contract/coverage";
import { useCan } from "@/components/auth/use-principal";
import { useRealtimeMessage, useRealtimeResync } from "@/components/realtime/use-realtime";
import { formatCount, plural } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { PlatformBadge } from "@/components/unmapped/badges";
import { CardFallback } from "./card-fallback";
import styles from "./dashboard.module.css";

function Details({ alert }: { alert: CoverageAlert }) {
  const d = alert.details;
  if (alert.kind === "dropped") {
    return (
      <>
        in none of {plural(d.events, "event")} of run #{alert.runId}; run #{d.previousRunId} offered it in {formatCount(d.previousOffered)}{" "}
        of {formatCount(d.previousEvents)}
      </>
    );
  }
  return (
    <>
      new outcome names in run #{alert.runId}: <span data-coverage-names>{d.newNames.join(", ")}</span>
    </>
  );
}

export function CoverageAlertsCard({ staleTime }: { staleTime: number }) {
  const client = useQueryClient();
  const alerts = useQuery({ ...coverageQueries.open(), staleTime });
  const dismisses = useCan("mapping.edit");
  const refresh = () => void client.invalidateQueries({ queryKey: keys.coverage.all });
  useRealtimeMessage("coverage_alert", refresh);
  useRealtimeResync(refresh);
  const dismiss = useMutation({
    mutationFn: (alert: CoverageAlert) => coverageApi.dismiss(alert.id),
    onSuccess: (_, alert) => toast.success(`Dismissed: ${alert.mappingName} on ${alert.platform}`),
    onError: (e) => toast.error(e instanceof Error ? e.message : "Could not dismiss the alert"),
    onSettled: refresh,
  });
  const items = alerts.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="coverage-card-title" data-coverage-card>
      <header className="card-header">
        <h2 id="coverage-card-title">Coverage</h2>
      </header>
      <div className="card-body">
        {alerts.data ? (
          items.length === 0 ? (
            <p className="muted">
              Every mapped market the platforms offered in the previous run is still offered, with the outcomes its mapping names.
            </p>
          ) : (
            <ul className={styles.ruleList}>
              {items.map((a) => (
                <li key={a.id} data-coverage-alert={a.id} data-kind={a.kind}>
                  <Link href={`/mappings/${encodeURIComponent(a.canonicalId)}`}>{a.mappingName}</Link> <PlatformBadge source={a.platform} />{" "}
                  <strong>{COVERAGE_KIND_LABELS[a.kind]}</strong> <span className="muted">({a.marketKey})</span>
                  {dismisses && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Dismiss ${a.mappingName} on ${a.platform}`}
                      disabled={dismiss.isPending}
                      onClick={() => dismiss.mutate(a)}
                    >
                      Dismiss
                    </button>
                  )}
                  <span className={styles.ruleFiring}>
                    Since <RelativeTime iso={a.createdAt} />: <Details alert={a} />
                  </span>
                </li>
              ))}
            </ul>
          )
        ) : (
          <CardFallback query={alerts} what="coverage alerts" />
        )}
      </div>
    </section>
  );
}

"use client";
// One mapping: its platform ids and outcomes as the scraper uses them, editing (a built-in entry
// gets a user override), deactivating a user mapping, and the history of every change.
import { errorMessage, isApiError } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { mappingQueries } from "@/lib/api/mappings";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { MappingHistory } from "@/components/history/history-list";
import { useIsClient } from "@/components/ui/clock";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ExactTime, RelativeTime } from "@/components/ui/relative-time";
import { DeactivateButton } from "./deactivate-dialog";
import { useCan } from "@/components/auth/use-principal";
import { MappingStateBadge, mappingState, OriginBadge, STATE_HINT } from "./labels";
import { DetailSkeleton, MappingBreadcrumb, PlatformFacts } from "./mapping-detail-parts";
import { MappingForm } from "./mapping-form";
import { OutcomesView } from "./outcomes-view";
import { cx } from "@/components/ui/cx";
import layout from "@/components/layout/detail-layout.module.css";

export function MappingDetailPage({ canonicalId }: { canonicalId: string }) {
  const client = useQueryClient();
  const detail = useQuery({
    ...mappingQueries.detail(canonicalId),
  });
  // The mapping and its history together: a reload after a conflict shows what the other person did.
  const reload = async () => {
    await client.invalidateQueries({ queryKey: keys.mappings.all });
    return client.getQueryData(mappingQueries.detail(canonicalId).queryKey);
  };
  const [editing, setEditing] = useState(false);
  const edits = useCan("mapping.edit");
  const isClient = useIsClient();
  const mapping = detail.data;

  if (!mapping) {
    if (detail.isPending) return <DetailSkeleton canonicalId={canonicalId} />;
    if (isApiError(detail.error) && detail.error.status === 404) {
      return (
        <div className={layout.detailPage}>
          <EmptyState
            title="This mapping does not exist"
            actions={
              <Link href="/mappings" className="button">
                Browse mappings
              </Link>
            }
          >
            <p>
              No built-in or user mapping has the canonical id <span className="mono">{canonicalId}</span>.
            </p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className={layout.detailPage}>
        <ErrorState
          title="The mapping could not be loaded"
          message={errorMessage(detail.error)}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      </div>
    );
  }

  const state = mappingState(mapping);
  const overrides = mapping.origin === "user" && mapping.builtin !== null;
  const deactivatedOverride = mapping.origin === "builtin" && mapping.version !== null;

  return (
    <article className={layout.detailPage} aria-labelledby="mapping-title" data-hydrated={isClient || undefined}>
      <header className={layout.detailHeader}>
        <div className={layout.detailTopbar}>
          <MappingBreadcrumb canonicalId={mapping.canonicalId} />
        </div>
        <h1 id="mapping-title" className={layout.detailTitle}>
          {mapping.name}
        </h1>
        <div className={layout.detailMeta}>
          <OriginBadge origin={mapping.origin} />
          <MappingStateBadge mapping={mapping} />
          <span className={cx(layout.detailId, "mono")} title="Canonical id">
            {mapping.canonicalId}
          </span>
          {overrides && <span className="muted">Overrides the built-in entry with this id</span>}
        </div>
      </header>

      {detail.isError && (
        <div className="banner banner-danger page-banner" role="alert">
          <span>Could not refresh this mapping: {errorMessage(detail.error)}</span>
          <button type="button" className="button button-small" onClick={() => void detail.refetch()}>
            Retry
          </button>
        </div>
      )}
      {state === "inactive" && (
        <div className="banner banner-warning page-banner">
          <span>
            <strong>Deactivated.</strong> The scraper does not use this mapping. Saving an edit re-activates it.
          </span>
        </div>
      )}
      {deactivatedOverride && (
        <div className="banner banner-info page-banner">
          <span>
            The built-in entry applies: the user override of this mapping (version {mapping.version}) was deactivated. Editing creates the
            override again.
          </span>
        </div>
      )}

      <div className={layout.detailGrid}>
        <div className="stack">
          <section className="card" aria-labelledby="mapping-def-title">
            <header className="card-header">
              <h2 id="mapping-def-title">
                {editing ? (mapping.origin === "builtin" ? "Override the built-in mapping" : "Edit the mapping") : "Mapping"}
              </h2>
              {!editing && edits && (
                <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                  {mapping.origin === "builtin" ? "Edit (creates an override)" : "Edit"}
                </button>
              )}
            </header>
            <div className="card-body stack">
              {editing && edits ? (
                <MappingForm
                  mode="edit"
                  mapping={mapping}
                  onDone={() => setEditing(false)}
                  onCancel={() => setEditing(false)}
                  onReload={reload}
                  reloading={detail.isFetching}
                />
              ) : (
                <>
                  <PlatformFacts mapping={mapping} />
                  <section aria-labelledby="outcomes-title" className="stack-tight">
                    <h3 id="outcomes-title">Outcomes ({mapping.outcomes.length})</h3>
                    <OutcomesView outcomes={mapping.outcomes} caption={`Outcomes of ${mapping.name}`} />
                  </section>
                </>
              )}
            </div>
          </section>

          {overrides && mapping.builtin && (
            <section className="card" aria-labelledby="builtin-title">
              <header className="card-header">
                <h2 id="builtin-title">Built-in entry it overrides</h2>
                <span className="card-note">applies again if the override is deactivated</span>
              </header>
              <div className="card-body stack">
                <details className="disclosure">
                  <summary>
                    {mapping.builtin.name} · {mapping.builtin.outcomes.length} outcomes
                  </summary>
                  <div className="stack disclosure-body">
                    <PlatformFacts mapping={mapping.builtin} />
                    <OutcomesView outcomes={mapping.builtin.outcomes} caption={`Outcomes of the built-in ${mapping.builtin.name}`} />
                  </div>
                </details>
              </div>
            </section>
          )}
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="mapping-status-title">
            <header className="card-header">
              <h2 id="mapping-status-title">Status</h2>
            </header>
            <div className="card-body stack">
              <dl className="facts">
                <div>
                  <dt>Scraper</dt>
                  <dd>
                    <MappingStateBadge mapping={mapping} />
                    <span className="muted fact-exact">{STATE_HINT[state]}</span>
                  </dd>
                </div>
                <div>
                  <dt>Origin</dt>
                  <dd>
                    <OriginBadge origin={mapping.origin} />
                    <span className="muted fact-exact">
                      {mapping.origin === "builtin"
                        ? "Shipped in the market catalog"
                        : overrides
                          ? "User override of a built-in entry"
                          : "Created in this app"}
                    </span>
                  </dd>
                </div>
                {mapping.origin === "user" && mapping.version !== null && (
                  <div>
                    <dt>Version</dt>
                    <dd className="num-inline">{mapping.version}</dd>
                  </div>
                )}
                {mapping.updatedAt && (
                  <div>
                    <dt>Last change</dt>
                    <dd>
                      <RelativeTime iso={mapping.updatedAt} />
                      <span className="muted fact-exact">
                        <ExactTime iso={mapping.updatedAt} />
                      </span>
                    </dd>
                  </div>
                )}
              </dl>
              {mapping.origin === "user" && mapping.active && edits && (
                <div className="card-actions">
                  <DeactivateButton mapping={mapping} />
                </div>
              )}
            </div>
          </section>
          <MappingHistory canonicalId={mapping.canonicalId} />
        </div>
      </div>
    </article>
  );
}

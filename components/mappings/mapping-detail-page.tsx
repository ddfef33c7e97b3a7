"use client";
// One mapping: its platform ids and outcomes as the scraper uses them, editing (a built-in entry
// gets a user override), deactivating a user mapping, and the history of every change.
import { keys } from "@/lib/api/keys";
import { mappingQueries } from "@/lib/api/mappings";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MappingHistory } from "@/components/history/history-list";
import { useIsClient } from "@/components/ui/clock";
import { DetailFallback } from "@/components/ui/detail-states";
import { RetryBanner } from "@/components/ui/retry-banner";
import { Facts, timeFact } from "@/components/ui/facts";
import { DeactivateButton } from "./deactivate-dialog";
import { useCan } from "@/components/auth/use-principal";
import { MappingStateBadge, mappingState, OriginBadge, STATE_HINT } from "./labels";
import { DetailSkeleton, MappingBreadcrumb, PlatformFacts } from "./mapping-detail-parts";
import { MappingForm } from "./mapping-form";
import { OutcomesView } from "./outcomes-view";
import { DetailHeader, DetailId } from "@/components/ui/detail-header";
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
    return (
      <DetailFallback
        query={detail}
        skeleton={<DetailSkeleton canonicalId={canonicalId} />}
        errorTitle="The mapping could not be loaded"
        notFound={{
          title: "This mapping does not exist",
          href: "/mappings",
          action: "Browse mappings",
          children: (
            <p>
              No built-in or user mapping has the canonical id <span className="mono">{canonicalId}</span>.
            </p>
          ),
        }}
      />
    );
  }

  const state = mappingState(mapping);
  const overrides = mapping.origin === "user" && mapping.builtin !== null;
  const deactivatedOverride = mapping.origin === "builtin" && mapping.version !== null;

  return (
    <article className={layout.detailPage} aria-labelledby="mapping-title" data-hydrated={isClient || undefined}>
      <DetailHeader
        topbar={<MappingBreadcrumb canonicalId={mapping.canonicalId} />}
        titleId="mapping-title"
        title={mapping.name}
        meta={
          <>
            <OriginBadge origin={mapping.origin} />
            <MappingStateBadge mapping={mapping} />
            <DetailId title="Canonical id">{mapping.canonicalId}</DetailId>
            {overrides && <span className="muted">Overrides the built-in entry with this id</span>}
          </>
        }
      />

      {detail.isError && (
        <RetryBanner
          what="Could not refresh this mapping"
          error={detail.error}
          onRetry={() => void detail.refetch()}
          className="page-banner"
        />
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
              <Facts
                facts={[
                  { term: "Scraper", value: <MappingStateBadge mapping={mapping} />, note: STATE_HINT[state] },
                  {
                    term: "Origin",
                    value: <OriginBadge origin={mapping.origin} />,
                    note:
                      mapping.origin === "builtin"
                        ? "Shipped in the market catalog"
                        : overrides
                          ? "User override of a built-in entry"
                          : "Created in this app",
                  },
                  mapping.origin === "user" &&
                    mapping.version !== null && { term: "Version", value: mapping.version, valueClass: "num-inline" },
                  mapping.updatedAt && timeFact("Last change", mapping.updatedAt),
                ]}
              />
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

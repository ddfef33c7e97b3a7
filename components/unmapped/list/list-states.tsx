"use client";
// What the triage list says when a page has no rows: past the end of a shrunken list, no markets
// at all yet (scrape), none matching the filters, or none in this tab.
import { DEFAULT_VIEW, FILTERS_CLEARED, hasFilters, listHref, tabOf, type UnmappedView } from "@/lib/url-state/unmapped-view";
import { lastPage } from "@/components/data-table/page-total";
import { ViewLink } from "@/components/data-table/view-link";
import { ScrapeButton } from "@/components/scrape/scrape-button";
import { EmptyState } from "@/components/ui/empty-state";
import { TAB_LABEL } from "../labels";

interface Props {
  view: UnmappedView;
  /** Markets in the database at all, whatever their status. */
  anyMarkets: boolean | undefined;
  total: number;
  /** The total is a lower bound (a search past the count cap), so the last page is unknown. */
  totalCapped: boolean;
  onChange: (patch: Partial<UnmappedView>) => void;
}

export function EmptyList({ view, anyMarkets, total, totalCapped, onChange }: Props) {
  if (total > 0) {
    const page = lastPage({ total, totalCapped, pageSize: view.pageSize });
    return (
      <EmptyState
        title="This page is past the end of the list"
        actions={
          <ViewLink href={listHref({ ...view, page })} onNavigate={() => onChange({ page })} className="button">
            {totalCapped ? `Go to page ${page}` : `Go to the last page (${page})`}
          </ViewLink>
        }
      >
        <p>The list has fewer pages now than when this link was made.</p>
      </EmptyState>
    );
  }
  const filtered = hasFilters(view);
  if (anyMarkets === false && !filtered) {
    return (
      <EmptyState title="No unmapped markets yet" actions={<ScrapeButton />}>
        <p>Markets that the scraper cannot map to a canonical market show up here after a scrape run.</p>
        <p>Runs happen on a schedule; start one now to fill the list.</p>
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState
        title="No markets match these filters"
        actions={
          <button type="button" className="button" onClick={() => onChange({ ...FILTERS_CLEARED, page: 1 })}>
            Clear filters
          </button>
        }
      >
        <p>Try a shorter search, another platform or reason, or fewer minimum sightings.</p>
      </EmptyState>
    );
  }
  const tab = tabOf(view);
  const all = { ...DEFAULT_VIEW, status: [] };
  return (
    <EmptyState
      title={tab === "NEW" ? "Nothing new to triage" : `No ${tab ? TAB_LABEL[tab].toLowerCase() : "such"} markets`}
      actions={
        <ViewLink href={listHref(all)} onNavigate={() => onChange(all)} className="button">
          Show all markets
        </ViewLink>
      }
    >
      <p>
        {tab === "NEW"
          ? "Every discovered market has been looked at. New ones appear here as scrapes find them."
          : "Markets appear here once they are given this status."}
      </p>
    </EmptyState>
  );
}

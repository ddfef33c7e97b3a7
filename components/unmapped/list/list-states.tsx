"use client";
import type { ReactNode } from "react";
import { DEFAULT_VIEW, type ListView } from "@/lib/unmapped-view";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ScrapeButton } from "@/components/scrape/scrape-button";
import { TAB_LABEL } from "../labels";
import { ViewLink } from "./view-link";

const COLUMNS = 10;
const WIDTHS = ["70%", "85%", "60%", "80%", "70%", "40%", "60%", "60%", "50%", "0"];

export function SkeletonRows({ rows = 12 }: { rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="row row-skeleton">
          {WIDTHS.map((w, c) => (
            <td key={c}>{w !== "0" && <Skeleton width={c === 1 ? `${55 + ((r * 17) % 40)}%` : w} />}</td>
          ))}
        </tr>
      ))}
    </>
  );
}

function FullRow({ children }: { children: ReactNode }) {
  return (
    <tr>
      <td colSpan={COLUMNS} className="cell-state">
        {children}
      </td>
    </tr>
  );
}

interface EmptyProps {
  view: ListView;
  /** Markets in the database at all, whatever their status. */
  anyMarkets: boolean | undefined;
  total: number;
  /** The total is a lower bound (a search past the count cap), so the last page is unknown. */
  totalCapped: boolean;
  onClearFilters: () => void;
}

export function EmptyRows({ view, anyMarkets, total, totalCapped, onClearFilters }: EmptyProps) {
  if (total > 0) {
    const lastPage = totalCapped ? Math.max(1, Math.floor(total / view.pageSize)) : Math.max(1, Math.ceil(total / view.pageSize));
    return (
      <FullRow>
        <EmptyState
          title="This page is past the end of the list"
          actions={
            <ViewLink view={{ ...view, page: lastPage }} className="button">
              {totalCapped ? `Go to page ${lastPage}` : `Go to the last page (${lastPage})`}
            </ViewLink>
          }
        >
          <p>The list has fewer pages now than when this link was made.</p>
        </EmptyState>
      </FullRow>
    );
  }
  const filtered = view.q !== "" || view.source !== null || view.reason !== null || view.minOccurrences !== null;
  if (anyMarkets === false && !filtered) {
    return (
      <FullRow>
        <EmptyState title="No unmapped markets yet" actions={<ScrapeButton />}>
          <p>Markets that the scraper cannot map to a canonical market show up here after a scrape run.</p>
          <p>Runs happen on a schedule; start one now to fill the list.</p>
        </EmptyState>
      </FullRow>
    );
  }
  if (filtered) {
    return (
      <FullRow>
        <EmptyState
          title="No markets match these filters"
          actions={
            <button type="button" className="button" onClick={onClearFilters}>
              Clear filters
            </button>
          }
        >
          <p>Try a shorter search, another platform or reason, or fewer minimum sightings.</p>
        </EmptyState>
      </FullRow>
    );
  }
  return (
    <FullRow>
      <EmptyState
        title={view.tab === "NEW" ? "Nothing new to triage" : `No ${TAB_LABEL[view.tab].toLowerCase()} markets`}
        actions={
          <ViewLink view={{ ...DEFAULT_VIEW, tab: "ALL" }} className="button">
            Show all markets
          </ViewLink>
        }
      >
        <p>
          {view.tab === "NEW"
            ? "Every discovered market has been looked at. New ones appear here as scrapes find them."
            : "Markets appear here once they are given this status."}
        </p>
      </EmptyState>
    </FullRow>
  );
}

export function ErrorRows({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <FullRow>
      <ErrorState title="The markets could not be loaded" message={message} onRetry={onRetry} retrying={retrying} />
    </FullRow>
  );
}

"use client";
import { unmappedQueries } from "@/lib/api/unmapped";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DEFAULT_VIEW, tabCountQuery } from "@/lib/url-state/unmapped-view";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { ScrapeButton } from "@/components/scrape/scrape-button";
import { formatCount } from "@/components/ui/format";

// Same key as the New tab's count with no filters, so the two share one query.
const newCount = tabCountQuery(DEFAULT_VIEW, "NEW");

export function AppHeader() {
  const pathname = usePathname();
  const fresh = useQuery({ ...unmappedQueries.list(newCount) });
  const onList = pathname.startsWith("/unmapped");
  const onDashboard = pathname.startsWith("/dashboard");
  const onMappings = pathname.startsWith("/mappings");
  return (
    <header className="app-header">
      <Link href="/unmapped" className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Market Triage
      </Link>
      <nav aria-label="Main" className="main-nav">
        <Link
          href="/dashboard"
          className={onDashboard ? "nav-link nav-link-current" : "nav-link"}
          aria-current={onDashboard ? "page" : undefined}
        >
          Dashboard
        </Link>
        <Link href="/unmapped" className={onList ? "nav-link nav-link-current" : "nav-link"} aria-current={onList ? "page" : undefined}>
          Unmapped markets
          {fresh.data && fresh.data.total > 0 && (
            <span className="nav-count" title={`${fresh.data.total} new markets to triage`}>
              {formatCount(fresh.data.total)}
              <span className="visually-hidden"> new</span>
            </span>
          )}
        </Link>
        <Link
          href="/mappings"
          className={onMappings ? "nav-link nav-link-current" : "nav-link"}
          aria-current={onMappings ? "page" : undefined}
        >
          Mappings
        </Link>
      </nav>
      <div className="header-actions">
        <ScrapeButton />
        <ConnectionIndicator />
        <ShortcutsDialog />
      </div>
    </header>
  );
}

"use client";
import { unmappedQueries } from "@/lib/api/unmapped";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import { DEFAULT_VIEW, tabCountQuery } from "@/lib/url-state/unmapped-view";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { ScrapeButton } from "@/components/scrape/scrape-button";
import { formatCount } from "@/components/ui/format";
import styles from "./app-shell.module.css";
import { cx } from "@/components/ui/cx";
import { UserMenu } from "./user-menu";

// Same key as the New tab's count with no filters, so the two share one query.
const newCount = tabCountQuery(DEFAULT_VIEW, "NEW");

export function AppHeader() {
  const pathname = usePathname();
  const fresh = useQuery({ ...unmappedQueries.list(newCount) });
  const onList = pathname.startsWith("/unmapped");
  const onDashboard = pathname.startsWith("/dashboard");
  const onMappings = pathname.startsWith("/mappings");
  const onReview = pathname.startsWith("/review");
  return (
    <header className={styles.appHeader}>
      <Link href="/unmapped" className={styles.brand}>
        <span className={styles.brandMark} aria-hidden="true" />
        Market Triage
      </Link>
      <nav aria-label="Main" className={styles.mainNav}>
        <NavLink href="/dashboard" current={onDashboard}>
          Dashboard
        </NavLink>
        <NavLink href="/unmapped" current={onList}>
          Unmapped markets
          {fresh.data && fresh.data.total > 0 && (
            <span className={styles.navCount} title={`${fresh.data.total} new markets to triage`}>
              {formatCount(fresh.data.total)}
              <span className="visually-hidden"> new</span>
            </span>
          )}
        </NavLink>
        <NavLink href="/review" current={onReview}>
          Review
        </NavLink>
        <NavLink href="/mappings" current={onMappings}>
          Mappings
        </NavLink>
      </nav>
      <div className={styles.headerActions}>
        <ScrapeButton />
        <ConnectionIndicator />
        <ShortcutsDialog />
        <UserMenu />
      </div>
    </header>
  );
}

/** A main navigation link; the current section's is marked for the eye and for assistive technology. */
function NavLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <Link href={href} className={cx(styles.navLink, current && styles.navLinkCurrent)} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}

import { unmappedQueries } from "@/lib/api/unmapped";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { isOpenPage } from "@/lib/api/auth";
import { keys } from "@/lib/api/keys";
import { DEFAULT_VIEW, tabCountQuery } from "@/lib/url-state/unmapped-view";
import { getRuntime } from "@/server/runtime";
import { pageAccess, requirePerson } from "@/server/http/page-access";
import { AppHeader } from "@/components/layout/app-header";
import { LeaveShellOnOpenPage } from "@/components/auth/leave-shell";
import { ScrapePanel } from "@/components/scrape/scrape-panel";
import { Providers } from "./providers";
import "./globals.css";
import "./styles/controls.css";
import "./styles/forms.css";
import "./styles/badges.css";
import "./styles/content.css";
import shell from "@/components/layout/app-shell.module.css";

// The header's "new" count is read from the database while rendering; `next build` must not.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Market Triage", template: "%s · Market Triage" },
  description: "Find and triage the competitor markets your odds scraper cannot map",
};

export const viewport: Viewport = { themeColor: "#17202c", colorScheme: "light" };

const NEW_COUNT = tabCountQuery(DEFAULT_VIEW, "NEW");

/** Read once per request, outside render (a clock read is not a pure render input). */
async function renderedAt(): Promise<number> {
  return Date.now();
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The time relative times are rendered against, so the browser's first render matches the HTML.
  const serverNow = await renderedAt();
  // The gate: nothing of the app renders for nobody. Sign-in and first run render bare (their
  // pages send on whoever does not belong there); every other page needs the first admin to exist
  // and a signed-in person, or leads to where those come from.
  const access = await pageAccess();
  if (access.path !== null && isOpenPage(access.path)) {
    return (
      <html lang="en">
        <body>
          <Providers serverNow={serverNow} signedIn={false}>
            {children}
          </Providers>
        </body>
      </html>
    );
  }
  const principal = await requirePerson();

  // Hydrated above the header so the header and the page's own HydrationBoundary never race for
  // the same query during hydration.
  const client = new QueryClient();
  client.setQueryData(keys.auth.me, principal);
  await client.prefetchQuery({ ...unmappedQueries.list(NEW_COUNT), queryFn: () => getRuntime().triage.list(NEW_COUNT) });
  return (
    <html lang="en">
      <body>
        <Providers serverNow={serverNow} signedIn>
          <HydrationBoundary state={dehydrate(client)}>
            <a href="#main" className="skip-link">
              Skip to content
            </a>
            <div className={shell.app}>
              <LeaveShellOnOpenPage />
              <AppHeader />
              <ScrapePanel />
              <main id="main" className={shell.appMain} tabIndex={-1}>
                {children}
              </main>
            </div>
          </HydrationBoundary>
        </Providers>
      </body>
    </html>
  );
}

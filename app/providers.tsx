"use client";
import { onRequestError } from "@/lib/api/auth";
import { isApiError } from "@/lib/api/errors";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { UnmappedAlertToasts } from "@/components/alerts/unmapped-alert-toasts";
import { ToastLane } from "@/components/layout/toast-lane";
import { RealtimeSync } from "@/components/realtime/realtime-sync";
import { ScrapeProvider } from "@/components/scrape/scrape-context";
import { NowProvider } from "@/components/ui/clock";
import { UrlStateAdapter } from "@/components/url-state/url-state-adapter";

function makeQueryClient() {
  return new QueryClient({
    // A 401 anywhere means the session is gone: back to sign-in, then here again.
    queryCache: new QueryCache({ onError: onRequestError }),
    mutationCache: new MutationCache({ onError: onRequestError }),
    defaultOptions: {
      queries: {
        // Realtime events invalidate what changed; this only stops hydrated data being refetched at once.
        staleTime: 30_000,
        // A 4xx will not get better by asking again; network blips and 5xx might.
        retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}

/** `signedIn`: the app shell; otherwise a page outside it (sign-in, first run), with no socket to open. */
export function Providers({ serverNow, signedIn, children }: { serverNow: number; signedIn: boolean; children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <NowProvider serverNow={serverNow}>
        {signedIn ? (
          <ScrapeProvider>
            <UrlStateAdapter>{children}</UrlStateAdapter>
            <RealtimeSync />
            <UnmappedAlertToasts />
          </ScrapeProvider>
        ) : (
          <UrlStateAdapter>{children}</UrlStateAdapter>
        )}
      </NowProvider>
      <Toaster position="bottom-right" closeButton visibleToasts={4} toastOptions={{ className: "toast" }} />
      <ToastLane />
    </QueryClientProvider>
  );
}

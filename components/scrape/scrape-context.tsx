"use client";
// What the "Scrape now" control and the progress panel share: the run being followed, its latest
// scrape_progress message, and its final result. Any run's progress is followed (scheduled runs
// too); a 409 joins the run already going instead of failing. The run is also polled while it is
// going, so a missed socket message never leaves the bar stuck.
import { errorMessage, runningRunOf } from "@/lib/api/errors";
import { scrapeApi, scrapeQueries } from "@/lib/api/scrape";
import { useQuery } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useReducer, type ReactNode } from "react";
import type { ScrapeProgressData } from "@/lib/contract/realtime";
import type { ScrapeRun } from "@/lib/contract/scrape";
import { useConnectionState, useRealtimeMessage } from "@/components/realtime/use-realtime";

interface State {
  runId: number | null;
  /** Started (or joined) from this tab: its result stays until dismissed. */
  requested: boolean;
  /** Our request found another run going (409). */
  joined: boolean;
  starting: boolean;
  error: string | null;
  dismissed: boolean;
  progress: Record<number, ScrapeProgressData>;
}

type Action =
  | { type: "start" }
  | { type: "started"; runId: number; joined: boolean }
  | { type: "failed"; error: string }
  | { type: "progress"; data: ScrapeProgressData }
  | { type: "dismiss" };

const initial: State = { runId: null, requested: false, joined: false, starting: false, error: null, dismissed: false, progress: {} };

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "start":
      return { ...state, starting: true, error: null };
    case "started":
      if (action.runId === state.runId) return { ...state, starting: false, requested: true, joined: action.joined, dismissed: false };
      return { ...state, runId: action.runId, starting: false, requested: true, joined: action.joined, dismissed: false };
    case "failed":
      return { ...state, starting: false, error: action.error, dismissed: false };
    case "progress": {
      const progress = { ...state.progress, [action.data.runId]: action.data };
      // Progress can arrive before the POST answers; a newer run is probably the one we asked for.
      if (state.runId === null || action.data.runId > state.runId) {
        return { ...state, progress, runId: action.data.runId, requested: state.starting, joined: false, dismissed: false };
      }
      return { ...state, progress };
    }
    case "dismiss":
      return { ...state, dismissed: true, error: null };
  }
}

export interface ScrapeStatus {
  runId: number | null;
  progress: ScrapeProgressData | null;
  /** The run as the API last reported it; final once status is not "running". */
  run: ScrapeRun | undefined;
  running: boolean;
  /** The run could not be read back from the API. */
  runError: string | null;
  starting: boolean;
  requested: boolean;
  joined: boolean;
  error: string | null;
  visible: boolean;
  start(): void;
  dismiss(): void;
}

const ScrapeContext = createContext<ScrapeStatus | null>(null);

export function ScrapeProvider({ children }: { children: ReactNode }) {
  const live = useConnectionState() === "live";
  const [state, dispatch] = useReducer(reducer, initial);
  const progress = state.runId !== null ? (state.progress[state.runId] ?? null) : null;

  const runQuery = useQuery({
    ...scrapeQueries.run(state.runId ?? 0),
    enabled: state.runId !== null,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== "running" ? false : live ? 5000 : 1000),
  });
  const run = runQuery.data?.id === state.runId ? runQuery.data : undefined;

  // The run's record is refreshed by the invalidation table when its final message arrives.
  useRealtimeMessage("scrape_progress", (message) => dispatch({ type: "progress", data: message.data }));

  const start = useCallback(() => {
    dispatch({ type: "start" });
    scrapeApi.start().then(
      (runId) => dispatch({ type: "started", runId, joined: false }),
      (e: unknown) => {
        const runningId = runningRunOf(e);
        if (runningId !== undefined) dispatch({ type: "started", runId: runningId, joined: true });
        else dispatch({ type: "failed", error: errorMessage(e) });
      },
    );
  }, []);
  const dismiss = useCallback(() => dispatch({ type: "dismiss" }), []);

  const runError = runQuery.isError && !runQuery.isFetching ? errorMessage(runQuery.error) : null;
  const finished = run ? run.status !== "running" : runError !== null;
  const running = state.runId !== null && !finished;
  const value = useMemo<ScrapeStatus>(
    () => ({
      runId: state.runId,
      progress,
      run,
      running,
      runError,
      starting: state.starting,
      requested: state.requested,
      joined: state.joined,
      error: state.error,
      visible: !state.dismissed && (state.starting || state.error !== null || state.runId !== null),
      start,
      dismiss,
    }),
    [state, progress, run, running, runError, start, dismiss],
  );
  return <ScrapeContext.Provider value={value}>{children}</ScrapeContext.Provider>;
}

export function useScrape(): ScrapeStatus {
  const value = useContext(ScrapeContext);
  if (!value) throw new Error("useScrape must be used inside <ScrapeProvider>");
  return value;
}

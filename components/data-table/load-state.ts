// The table state of a query still loading, or failed with nothing (of this view) to show.
import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { errorMessage } from "@/lib/api/errors";
import type { TableState } from "./data-table";

export function loadState(
  query: UseQueryResult<unknown>,
  { rows, errorTitle }: { rows: number; errorTitle: string },
): TableState | undefined {
  if (query.isPending) return { kind: "loading", rows };
  // Rows kept from the previous view would not match this one: show the failure instead.
  if (query.isError && (!query.data || query.isPlaceholderData)) {
    return {
      kind: "error",
      title: errorTitle,
      message: errorMessage(query.error),
      onRetry: () => void query.refetch(),
      retrying: query.isFetching,
    };
  }
  return undefined;
}

/** A whole list's state: loading or failed as loadState says, else `empty` when it has no rows. */
export function listState(
  query: UseQueryResult<{ items: readonly unknown[] }>,
  load: { rows: number; errorTitle: string },
  empty: ReactNode,
): TableState | undefined {
  return loadState(query, load) ?? (query.data?.items.length === 0 ? { kind: "message", content: empty } : undefined);
}

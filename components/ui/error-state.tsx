"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { errorMessage } from "@/lib/api/errors";

export function ErrorState({
  title,
  message,
  onRetry,
  retrying,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  return (
    <div className="state state-error" role="alert">
      <span className="state-icon state-icon-error" aria-hidden="true" />
      <h2>{title}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}

/** A query's failure: what the server said, and Retry fetching it again. */
export function QueryErrorState({ title, query }: { title: string; query: Pick<UseQueryResult, "error" | "isFetching" | "refetch"> }) {
  return <ErrorState title={title} message={errorMessage(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
}

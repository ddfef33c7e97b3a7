"use client";
// A load or refresh that failed while the page stays usable: what failed, and Retry. Every page
// and panel that keeps showing its last good data (or the rest of the page) says it this way.
import { errorMessage } from "@/lib/api/errors";
import { cx } from "./cx";

export function RetryBanner({
  what,
  error,
  onRetry,
  className,
}: {
  /** "Could not refresh the list", "Could not load the history", …; the error's message follows. */
  what: string;
  error: unknown;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <div className={cx("banner banner-danger", className)} role="alert">
      <span>
        {what}: {errorMessage(error)}
      </span>
      <button type="button" className="button button-small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

"use client";
import { useIsClient, useNow } from "./clock";
import { formatExact, formatRelative } from "./format";

/** "5 min ago", with the exact time (in the browser's time zone once hydrated) on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  const isClient = useIsClient();
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatExact(date, isClient ? undefined : "UTC")} className={className}>
      {formatRelative(date, now)}
    </time>
  );
}

/** The exact time as text, for places with room for it. */
export function ExactTime({ iso }: { iso: string }) {
  const isClient = useIsClient();
  return <time dateTime={iso}>{formatExact(new Date(iso), isClient ? undefined : "UTC")}</time>;
}

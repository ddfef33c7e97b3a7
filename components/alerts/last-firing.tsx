"use client";
// A rule's latest notification in words, on the dashboard and the settings page.
import type { AlertRule } from "@/lib/contract/alert-rules";
import { plural } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";

/** "12 markets, 3 min ago", or "never". */
export function LastFiring({ firing }: { firing: AlertRule["lastFiring"] }) {
  if (!firing) return <span className="muted">never</span>;
  return (
    <span>
      {plural(firing.count, "market")}, <RelativeTime iso={firing.at} />
    </span>
  );
}

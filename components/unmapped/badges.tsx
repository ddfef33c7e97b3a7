import type { Platform, TriageStatus, UnmappedReason } from "@/lib/contract/enums";
import { PLATFORM_LABEL, REASON_LABEL, STATUS_HINT, STATUS_LABEL } from "./labels";

export function StatusBadge({ status }: { status: TriageStatus }) {
  return (
    <span className={`badge badge-status-${status.toLowerCase()}`} title={STATUS_HINT[status]}>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** A MAPPED market sighted unmapped again: its mapping was removed or broke. */
export function RegressedBadge({ at }: { at: string | null }) {
  if (!at) return null;
  return (
    <span className="badge badge-regressed" title={`Was mapped, then sighted unmapped again (${at.slice(0, 16).replace("T", " ")} UTC)`}>
      Regressed
    </span>
  );
}

export function ReasonBadge({ reason }: { reason: UnmappedReason }) {
  return <span className={`badge badge-reason badge-reason-${reason.toLowerCase()}`}>{REASON_LABEL[reason]}</span>;
}

export function PlatformBadge({ source }: { source: Platform }) {
  return <span className={`platform platform-${source}`}>{PLATFORM_LABEL[source]}</span>;
}

/** Its sightings in its latest run crossed 3x its usual per-run sightings. */
export function EscalatingBadge({ escalating }: { escalating: boolean }) {
  if (!escalating) return null;
  return (
    <span className="badge badge-escalating" title="Its sightings in the latest run are more than 3x its usual per-run sightings">
      Escalating
    </span>
  );
}

// What keeps a form from being saved, in one alert above its fields: the server's word, or how
// many fields to fix.
import type { ReactNode } from "react";
import { formatCount } from "@/components/ui/format";

export function FormProblem({ outcome, children }: { outcome: string; children: ReactNode }) {
  return (
    <div className="banner banner-danger" role="alert">
      <span>
        <strong>{outcome}</strong> {children}
      </span>
    </div>
  );
}

/**
 * The save was refused because someone else changed it first (412, or already mapped): what
 * happened, and the way to see their version. What the user typed stays where it is.
 */
export function ReloadBanner({
  outcome,
  children,
  action,
  onReload,
  reloading,
}: {
  outcome: string;
  children: ReactNode;
  /** The button's words: "Reload market". */
  action: string;
  onReload: () => void;
  reloading?: boolean;
}) {
  return (
    <div className="banner banner-warning" role="alert">
      <div>
        <strong>{outcome}</strong> {children}
      </div>
      <button type="button" className="button button-small" onClick={onReload} disabled={reloading}>
        {reloading ? "Reloading…" : action}
      </button>
    </div>
  );
}

/** "Fix the 3 fields marked below." */
export function FixMarked({ outcome, count, noun }: { outcome: string; count: number; noun: [one: string, many: string] }) {
  if (count === 0) return null;
  return <FormProblem outcome={outcome}>Fix the {count === 1 ? noun[0] : `${formatCount(count)} ${noun[1]}`} marked below.</FormProblem>;
}

/** Fields with an error in react-hook-form's errors, field-array cells included. */
export function countErrors(errors: object): number {
  return Object.values(errors).reduce<number>((n, e) => {
    if (!e || typeof e !== "object") return n;
    return n + ("message" in e && typeof e.message === "string" ? 1 : countErrors(e));
  }, 0);
}

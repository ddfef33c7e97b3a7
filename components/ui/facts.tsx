// A definition list of facts ("Platform: SportyBet"), the way every detail card shows them: the
// term (its hint on hover), the value, and a muted note beside it. Facts are data, one map renders
// them; a false entry is a fact that does not apply.
import type { ReactNode } from "react";
import { cx } from "./cx";
import { ExactTime, RelativeTime } from "./relative-time";

export interface Fact {
  term: string;
  value: ReactNode;
  /** What the term means, on hover. */
  hint?: string;
  /** Beside the value, muted. */
  note?: ReactNode;
  valueClass?: string;
}

export function Facts({ facts, compact = false }: { facts: (Fact | false | null | undefined | "")[]; compact?: boolean }) {
  return (
    <dl className={cx("facts", compact && "facts-compact")}>
      {facts.map(
        (f) =>
          f && (
            <div key={f.term}>
              <dt title={f.hint}>{f.term}</dt>
              <dd className={f.valueClass}>
                {f.value}
                {f.note && <span className="muted fact-exact">{f.note}</span>}
              </dd>
            </div>
          ),
      )}
    </dl>
  );
}

/** A moment: how long ago, and the exact time beside it. */
export const timeFact = (term: string, iso: string): Fact => ({ term, value: <RelativeTime iso={iso} />, note: <ExactTime iso={iso} /> });
